// Turns whatever is stored into valid Settings, one field at a time: a single bad value (hand edit, older
// bug) falls back to its default and is reported by path, and every other field keeps the user's choice.
import { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/settings/settings.schema';

export interface RepairResult {
  settings: Settings;
  /** Dotted paths of the fields that were replaced by their defaults. */
  repairedPaths: string[];
}

export function repairSettings(raw: unknown): RepairResult {
  const repairedPaths: string[] = [];
  const settings = repairObject(settingsSchema, raw, defaultSettings, '', repairedPaths) as Settings;
  // The per-field walk covers every field, but the whole must still pass (e.g. refinements spanning fields).
  const whole = settingsSchema.safeParse(settings);
  if (!whole.success) return { settings: structuredClone(defaultSettings), repairedPaths: ['*'] };
  return { settings: whole.data, repairedPaths };
}

function repairObject(
  schema: z.ZodObject,
  raw: unknown,
  defaults: Record<string, unknown>,
  prefix: string,
  repaired: string[],
): Record<string, unknown> {
  const source = isPlainObject(raw) ? raw : {};
  if (raw !== undefined && !isPlainObject(raw) && prefix !== '') repaired.push(prefix.slice(0, -1));
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const path = `${prefix}${key}`;
    const fallback = defaults[key];
    if (fieldSchema instanceof z.ZodObject) {
      out[key] = repairObject(fieldSchema, source[key], fallback as Record<string, unknown>, `${path}.`, repaired);
      continue;
    }
    const parsed = (fieldSchema as z.ZodType).safeParse(source[key]);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      // A key that is simply absent (a setting added in a newer release) is expected, not a repair.
      if (Object.hasOwn(source, key)) repaired.push(path);
      out[key] = structuredClone(fallback);
    }
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
