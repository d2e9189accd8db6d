// A labelled text field for kroner: the cashier types "12,50" or "12.50"; the parent parses with
// parseAmount and passes an error text, which is announced and tied to the field.
import { useId, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | null;
  hint?: string;
};

export function AmountField({ label, value, onChange, error, hint, className, id: givenId, ...rest }: Props) {
  const generated = useId();
  const id = givenId ?? generated;
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
      {hint ? <small id={`${id}-hint`} className="hint">{hint}</small> : null}
      {error ? <small id={`${id}-error`} className="field-error" role="alert">{error}</small> : null}
    </div>
  );
}
