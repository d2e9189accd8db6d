// Every store registers how to go back to its first state, so tests (and a logout) start clean.
const resets: Array<() => void> = [];

export function registerReset(reset: () => void): void {
  resets.push(reset);
}

export function resetAllStores(): void {
  for (const reset of resets) reset();
}
