// Line texts of a daily report's posting: Danish, naming the report number and the register
// ("Z123 Kasse 1 salg 25%") so the accountant can tell each line's report apart in the kassekladde.

/**
 * Dinero's limit on a line description is not documented (dinero-api.md §10). We stay at or under this
 * length and shorten the free-text names, never the report number or the fixed words.
 */
export const MAX_DESCRIPTION_LENGTH = 100;

/** Register names are at most 40 characters in the settings; this cap also holds for imported names. */
const MAX_REGISTER_PART = 40;
/** The closing cashier's name after the line's text ("… · Mette"), cut to this. */
const MAX_CASHIER_PART = 20;

/**
 * Cuts to at most `max` UTF-16 code units (what a .NET string length counts, the stricter measure), ending
 * in "…" when cut, and never splits a surrogate pair.
 */
function shorten(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  let kept = '';
  for (const ch of trimmed) {
    if (kept.length + ch.length > max - 1) break;
    kept += ch;
  }
  return max >= 1 ? `${kept}…` : '';
}

/**
 * "Z{number} {register} {what}", and " · {cashier}" when a named cashier closed the day. `what` is either
 * fixed words ("salg 25%") or a payment type's name. The register name is always cut to 40 characters and
 * the cashier's to 20 (so every line of a report names them the same way); when the whole would still exceed
 * the limit, a name in `what` is cut to fit.
 */
export function lineDescription(reportNumber: number, registerName: string, what: string, whatIsName = false, closedBy: string | null = null): string {
  const register = shorten(registerName, MAX_REGISTER_PART);
  const head = register === '' ? `Z${String(reportNumber)} ` : `Z${String(reportNumber)} ${register} `;
  const cashier = closedBy === null ? '' : shorten(closedBy, MAX_CASHIER_PART);
  const tail = cashier === '' ? '' : ` · ${cashier}`;
  if (!whatIsName) return `${head}${what}${tail}`;
  // A blank payment type name would leave the line unnamed; the kind of line is better than nothing.
  return `${head}${shorten(what, MAX_DESCRIPTION_LENGTH - head.length - tail.length) || 'betalingstype'}${tail}`;
}

/** The same limit for a derived text (a reversal's prefix): cut at the end. */
export function limitDescription(text: string): string {
  return shorten(text, MAX_DESCRIPTION_LENGTH);
}
