// Dinero has shipped both PascalCase and camelCase JSON (and mixes "TimeStamp"/"Timestamp" across
// resources), so every response is rewritten to lowerCamel keys before the zod schemas see it. The schemas
// can then be written once, in one casing.

/** "AccountNumber" → "accountNumber", "ID" → "id", "URLPath" → "urlPath", "isPro" stays. */
export function toLowerCamel(key: string): string {
  const leadingCaps = /^[A-Z]+/.exec(key)?.[0] ?? '';
  if (leadingCaps.length === 0) return key;
  if (leadingCaps.length === key.length) return key.toLowerCase();
  // In "URLPath" the last capital starts the next word, so it keeps its case.
  const lowerCount = leadingCaps.length === 1 ? 1 : leadingCaps.length - 1;
  return key.slice(0, lowerCount).toLowerCase() + key.slice(lowerCount);
}

export interface NormaliseOptions {
  /**
   * Keys (already normalised) whose object value is data keyed by Dinero's own names, e.g. validationErrors
   * keyed by "Lines[0].AccountNumber": their inner keys are kept verbatim.
   */
  verbatimUnder?: ReadonlySet<string>;
}

/**
 * Returns a deep copy of parsed JSON with every object key in lowerCamel. Built with Object.fromEntries so a
 * "__proto__" key stays a plain own property and never changes a prototype. When two keys collide after
 * normalising (e.g. "Id" and "id"), the first one wins.
 */
export function normaliseKeys(value: unknown, options: NormaliseOptions = {}): unknown {
  if (Array.isArray(value)) return value.map((item) => normaliseKeys(item, options));
  if (value === null || typeof value !== 'object') return value;
  const entries: [string, unknown][] = [];
  const seen = new Set<string>();
  for (const [rawKey, inner] of Object.entries(value)) {
    const key = toLowerCamel(rawKey);
    if (seen.has(key)) continue;
    seen.add(key);
    const keepInner = options.verbatimUnder?.has(key) === true;
    entries.push([key, keepInner ? inner : normaliseKeys(inner, options)]);
  }
  return Object.fromEntries(entries);
}
