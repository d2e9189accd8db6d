// Cashiers on the contract: who is at the till, signing in with a PIN, and the owner's list. A PIN crosses
// the contract only into main (sign in, set up); no channel ever returns one or its hash.
import { z } from 'zod';
import { idSchema } from './common.schemas';

export const cashierRoleSchema = z.enum(['owner', 'cashier']);
export const cashierNameSchema = z.string().trim().min(1).max(40);
export const pinSchema = z.string().regex(/^[0-9]{4}$/, 'A PIN is 4 digits');

export const cashierSchema = z.object({
  id: idSchema,
  name: cashierNameSchema,
  role: cashierRoleSchema,
  active: z.boolean(),
});

export const cashierSessionSchema = z.object({
  /** Cashiers are set up: the till needs someone signed in. */
  required: z.boolean(),
  current: cashierSchema.pick({ id: true, name: true, role: true }).nullable(),
});

export const cashierCreateInputSchema = z.object({ name: cashierNameSchema, role: cashierRoleSchema, pin: pinSchema }).strict();

export const cashierUpdateInputSchema = z
  .object({ id: idSchema, name: cashierNameSchema.optional(), role: cashierRoleSchema.optional(), active: z.boolean().optional(), pin: pinSchema.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 1, 'Nothing to change');

export const signInInputSchema = z.object({ cashierId: idSchema, pin: pinSchema }).strict();
