// Ledger items (kassekladde) endpoints. Filled in below the router's table.
import type { OrgRoute } from './api.router';

export const ledgerRoutes: readonly OrgRoute[] = [];
