// A name edited in place (a payment type, a cashier): saved on Enter or when the field is left, put back on
// Esc or when emptied. `onRename` gets the trimmed new name; it resolves false when main refused it, and the
// field then shows the stored name again.
import { useState } from 'react';

export function NameField({ label, name, onRename }: { label: string; name: string; onRename: (name: string) => Promise<boolean> | void }) {
  const [value, setValue] = useState(name);
  const rename = () => {
    const trimmed = value.trim();
    if (trimmed === name) return;
    if (trimmed === '') return setValue(name);
    void Promise.resolve(onRename(trimmed)).then((ok) => ok === false && setValue(name));
  };
  return (
    <input
      aria-label={label}
      value={value}
      maxLength={40}
      onChange={(e) => setValue(e.target.value)}
      onBlur={rename}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          rename();
        }
        if (e.key === 'Escape') setValue(name);
      }}
    />
  );
}
