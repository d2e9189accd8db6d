// A new order of a list the till keeps in its own order (payment types, product groups): it must name every
// row exactly once; anything else is refused before a row moves.
import { dataError } from './data-error';

export function checkNewOrder(existingIds: readonly string[], order: readonly string[], what: string): void {
  const existing = new Set(existingIds);
  const given = new Set(order);
  if (given.size !== order.length || given.size !== existing.size || order.some((id) => !existing.has(id))) {
    throw dataError('invalid_input', `The new order must list every ${what} exactly once`, { expected: [...existing] });
  }
}

/** The ids in their new order when `id` moves to position `sortOrder` (1-based, clamped to the list). */
export function orderWithMove(rows: ReadonlyArray<{ id: string }>, id: string, sortOrder: number): string[] {
  const others = rows.filter((r) => r.id !== id).map((r) => r.id);
  others.splice(Math.min(Math.max(sortOrder - 1, 0), others.length), 0, id);
  return others;
}
