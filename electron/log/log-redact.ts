// Makes a log record safe to write: secrets are replaced by key name, token-looking text is masked inside
// any string, and errors are reduced to a few known fields (an axios error's config carries the
// Authorization header, so it is never walked).

export const REDACTED = '[redacted]';

const SECRET_KEY = /token|secret|password|authorization|code_verifier|^code$|cookie/i;
const MAX_DEPTH = 8;
const MAX_STRING = 4_000;

// Text patterns that carry a credential wherever they appear: auth headers, JWTs, URL/form fields and JSON
// bodies that were stringified before they reached the logger.
const TEXT_MASKS: ReadonlyArray<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [
    /\b((?:access_|refresh_|id_)?token|client_secret|code_verifier|code|password|api_?key)=[^&\s"']+/gi,
    `$1=${REDACTED}`,
  ],
  [
    /"((?:access_|refresh_|id_)?token|accessToken|refreshToken|client_secret|clientSecret|code_verifier|code|password)"\s*:\s*"(?:[^"\\]|\\.)*"/gi,
    `"$1":"${REDACTED}"`,
  ],
];

export function maskText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  for (const [pattern, replacement] of TEXT_MASKS) out = out.replace(pattern, replacement);
  return out;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A copy of `value` that is safe to serialise as JSON and holds no recognisable secret. */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error || looksLikeAxiosError(value)) return serialiseError(value as Error, depth, seen);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[binary ${value.byteLength} bytes]`;
    if (Array.isArray(value)) return value.slice(0, 100).map((item) => walk(item, depth + 1, seen) ?? null);
    if (value instanceof Map) return walkEntries([...value.entries()].map(([k, v]) => [String(k), v]), depth, seen);
    if (value instanceof Set) return [...value].slice(0, 100).map((item) => walk(item, depth + 1, seen) ?? null);
    return walkEntries(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function walkEntries(entries: Array<[string, unknown]>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (isSecretKey(key)) {
      out[key] = REDACTED;
      continue;
    }
    const safe = walk(item, depth + 1, seen);
    if (safe !== undefined) out[key] = safe;
  }
  return out;
}

function looksLikeAxiosError(value: object): boolean {
  return (value as { isAxiosError?: unknown }).isAxiosError === true;
}

/** Only fields known to be harmless, each masked; never config, request, response or headers. */
function serialiseError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const raw = error as Error & { code?: unknown; status?: unknown; response?: { status?: unknown }; cause?: unknown };
  const out: Record<string, unknown> = {
    name: typeof raw.name === 'string' ? raw.name : 'Error',
    message: maskText(typeof raw.message === 'string' ? raw.message : String(raw.message)),
  };
  if (typeof raw.code === 'string' || typeof raw.code === 'number') out.code = typeof raw.code === 'string' ? maskText(raw.code) : raw.code;
  const status = typeof raw.status === 'number' ? raw.status : raw.response?.status;
  if (typeof status === 'number') out.status = status;
  if (typeof raw.stack === 'string') out.stack = maskText(raw.stack.split('\n').slice(0, 8).join('\n'));
  if (raw.cause !== undefined) out.cause = walk(raw.cause, depth + 1, seen);
  return out;
}
