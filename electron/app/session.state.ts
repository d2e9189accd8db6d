// What the core knows about this run beyond the database and settings: who logged in (Visma's userinfo),
// whether each company was Pro when Dinero last listed it, and whether the shell says the PC is online.
// In memory only: none of it is needed to send transfers, and a restart learns it again.

export interface SessionUser {
  name: string | null;
  email: string | null;
}

export interface SessionState {
  user: SessionUser | null;
  /** Organisation id → isPro, from the last orgs.list. */
  proByOrg: Map<number, boolean>;
  /** As the shell last reported it (navigator online/offline). */
  online: boolean;
}

export function createSessionState(): SessionState {
  return { user: null, proByOrg: new Map(), online: true };
}
