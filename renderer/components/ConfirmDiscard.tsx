// "Throw this away?": asked before Esc discards work in progress (a sale being rung up, a cash count). The safe
// answer, "No, keep it", has the focus; Esc (again) keeps it too.
import { useT, type MessageKey } from '../i18n/i18n';
import { Dialog } from './Dialog';

export function ConfirmDiscardDialog({ what, onDiscard, onKeep }: { what: 'sale' | 'count'; onDiscard: () => void; onKeep: () => void }) {
  const t = useT();
  const key = (part: 'title' | 'text' | 'yes' | 'no'): MessageKey => `discard.${what}.${part}`;
  return (
    <Dialog title={t(key('title'))} onClose={onKeep}>
      <p>{t(key('text'))}</p>
      <div className="actions">
        <button type="button" onClick={onKeep} data-autofocus>{t(key('no'))}</button>
        <button type="button" className="danger" onClick={onDiscard}>{t(key('yes'))}</button>
      </div>
    </Dialog>
  );
}
