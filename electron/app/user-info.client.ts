// Who logged in: Visma Connect's userinfo endpoint with the new access token. Best effort only: without the
// openid scope (real Dinero clients often lack it) or offline, the app simply does not show a name.
import { z } from 'zod';
import type { Logger } from '../../shared/ports';
import { joinUrl, type DineroConnection } from '../dinero/client/dinero-connection';
import { createHttpCore } from '../dinero/client/http-core';
import type { SessionUser } from './session.state';

const userInfoSchema = z.object({
  name: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
});

export type UserInfoReader = (accessToken: string) => Promise<SessionUser | null>;

export function createUserInfoReader(connection: DineroConnection, logger: Logger, timeoutMs = 10_000): UserInfoReader {
  const http = createHttpCore({ timeoutMs, maxBodyBytes: 64 * 1024, logger });
  const url = joinUrl(connection.connectUrl, '/connect/userinfo');
  return async (accessToken) => {
    try {
      const raw = await http.send({ method: 'GET', url, intent: 'read', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } });
      if (raw.status !== 200) {
        logger.info('visma userinfo not available', { status: raw.status });
        return null;
      }
      const parsed = userInfoSchema.safeParse(JSON.parse(raw.body));
      if (!parsed.success) return null;
      return { name: parsed.data.name ?? null, email: parsed.data.email ?? null };
    } catch (error) {
      logger.info('visma userinfo could not be read', { kind: (error as { kind?: string }).kind ?? 'unexpected' });
      return null;
    }
  };
}
