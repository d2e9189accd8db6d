// The register's function keys: F2–F9 choose the payment types in their order, Shift+F2–F9 the shop's product
// groups (F1 is the browser's help). One reading of a key press serves both.
export const FUNCTION_KEYS = 8;

/** "F2" … "F9", or with Shift "Shift+F2" …, as aria-keyshortcuts and the hint name it. */
export const functionKeyName = (index: number, shift = false) => `${shift ? 'Shift+' : ''}F${String(index + 2)}`;

/** 0–7 for F2–F9 pressed with Shift exactly when `shift` (and no other modifier), else null. */
export function functionKeyIndex(event: KeyboardEvent, shift = false): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey !== shift) return null;
  const m = /^F([2-9])$/.exec(event.key);
  return m ? Number(m[1]) - 2 : null;
}
