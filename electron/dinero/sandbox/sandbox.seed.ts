// Seed data of the demo world: two users, three companies, Dinero's standard chart (plus the help article's
// cash-holdings example and a holding account per card/mobile payment type), and Danish VAT codes.

export interface SeedUser {
  sub: string;
  email: string;
  password: string;
  name: string;
}

export interface SeedOrg {
  Id: number;
  Name: string;
  IsPro: boolean;
  IsPayingPro: boolean;
  IsVatFree: boolean;
  Email: string;
  VatNumber: string;
  Phone: string;
  Street: string;
  City: string;
  ZipCode: string;
  AttPerson: string;
  ownerSub: string;
}

export interface AccountRecord {
  AccountNumber: number;
  Name: string;
  VatCode: string | null;
  Category: string;
  IsHidden: boolean;
  IsDefaultSalesAccount: boolean;
  IsDeposit: boolean;
}

export interface VatTypeRecord {
  VatCode: string;
  Name: string;
  /** As a fraction (0.25 = 25 %). */
  rate: number;
}

export const DEMO_CLIENT_ID = 'isv_TillBridgeDemo';
// A fixed, public demo secret: the sandbox is a local fake, and a stable value lets a configured app survive
// a sandbox restart. Real Dinero secrets never live in code (design §8).
export const DEMO_CLIENT_SECRET = 'tillbridge-sandbox-demo-secret';
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1:8765/callback';

export const DEMO_USER: SeedUser = {
  sub: '5b0e6a52-8c4f-4a8e-9d1b-3f2a7c9e1d01',
  email: 'demo@tillbridge.test',
  password: 'demo1234',
  name: 'Demo Bruger',
};
const NEIGHBOUR_USER: SeedUser = {
  sub: '5b0e6a52-8c4f-4a8e-9d1b-3f2a7c9e1d02',
  email: 'nabo@tillbridge.test',
  password: 'nabo1234',
  name: 'Nabo Bruger',
};
export const SEED_USERS: readonly SeedUser[] = [DEMO_USER, NEIGHBOUR_USER];

export const ORG_IDS = { pro: 412345, nonPro: 412346, foreign: 412347 } as const;

function org(Id: number, Name: string, IsPro: boolean, owner: SeedUser, city: string, zip: string): SeedOrg {
  return {
    Id, Name, IsPro, IsPayingPro: IsPro, IsVatFree: false,
    Email: `kontakt@${Name.toLowerCase().replace(/[^a-z]+/g, '')}.test`,
    VatNumber: String(30000000 + Id), Phone: '70 20 30 40', Street: 'Butiksgade 1', City: city, ZipCode: zip,
    AttPerson: owner.name, ownerSub: owner.sub,
  };
}

export const SEED_ORGS: readonly SeedOrg[] = [
  org(ORG_IDS.pro, 'Demo Butik ApS', true, DEMO_USER, 'København K', '1150'),
  org(ORG_IDS.nonPro, 'Hobby Starter ApS', false, DEMO_USER, 'Aarhus C', '8000'),
  org(ORG_IDS.foreign, 'Naboens Kaffebar ApS', true, NEIGHBOUR_USER, 'Odense C', '5000'),
];

type ChartRow = [number, string, string | null, string, { hidden?: boolean; defaultSales?: boolean; deposit?: boolean }?];

// Category names are a guess: Dinero's categoryFilter values are undocumented (dinero-api.md §10.12).
const CHART: readonly ChartRow[] = [
  [1000, 'Salg af varer/ydelser m/moms', 'U25', 'Income', { defaultSales: true }],
  [1010, 'Salg af tobak', 'U25', 'Income'],
  [1020, 'Salg af kaffe og kage', 'U25', 'Income'],
  [1050, 'Salg af varer/ydelser u/moms', 'none', 'Income'],
  [1060, 'Salg af aviser og blade', 'none', 'Income'],
  [1100, 'Salg af varer til EU', 'UEUV', 'Income'],
  [1200, 'Salg af ydelser til udlandet', 'UVY', 'Income'],
  [2000, 'Varekøb', 'I25', 'Expense'],
  [3000, 'Annoncer og reklame', 'I25', 'Expense'],
  [3400, 'Repræsentation', 'REP', 'Expense'],
  [4000, 'Husleje', 'none', 'Expense'],
  [6000, 'Kontorartikler', 'I25', 'Expense'],
  [7380, 'Registrerede kassedifferencer', 'none', 'Expense'],
  [7400, 'Betalingsløsning', 'I25', 'Expense'],
  [7420, 'Indløsere', 'none', 'Expense'],
  [53000, 'Debitorer', null, 'Asset'],
  [55000, 'Bank', null, 'Asset', { deposit: true }],
  [55040, 'Kontanter', null, 'Asset', { deposit: true }],
  [56100, 'Dankort tilgodehavende', null, 'Asset'],
  [56200, 'MobilePay tilgodehavende', null, 'Asset'],
  [56900, 'Gammel kortkonto', null, 'Asset', { hidden: true }],
  [58000, 'Kassebeholdning', null, 'Asset', { deposit: true }],
  [61000, 'Egenkapital', null, 'Equity'],
  [63000, 'Kreditorer', null, 'Liability'],
  [63080, 'Gavekort', null, 'Liability'],
  [63090, 'Skyldige drikkepenge', null, 'Liability'],
  [63100, 'Udlæg ansatte og ejer', null, 'Liability'],
  [64000, 'Salgsmoms', null, 'Vat'],
  [64060, 'Købsmoms', null, 'Vat'],
  [64100, 'Momsafregning', null, 'Vat'],
  [99999, 'Analysekonto', null, 'Asset'],
];

export function seedChart(): AccountRecord[] {
  return CHART.map(([AccountNumber, Name, VatCode, Category, flags]) => ({
    AccountNumber, Name, VatCode, Category,
    IsHidden: flags?.hidden ?? false,
    IsDefaultSalesAccount: flags?.defaultSales ?? false,
    IsDeposit: flags?.deposit ?? false,
  }));
}

export const VAT_TYPES: readonly VatTypeRecord[] = [
  { VatCode: 'U25', Name: 'Salgsmoms 25%', rate: 0.25 },
  { VatCode: 'I25', Name: 'Købsmoms 25%', rate: 0.25 },
  { VatCode: 'IEUV', Name: 'Køb af varer i EU (omvendt betalingspligt)', rate: 0.25 },
  { VatCode: 'IEUY', Name: 'Køb af ydelser i EU (omvendt betalingspligt)', rate: 0.25 },
  { VatCode: 'IVV', Name: 'Køb af varer uden for EU', rate: 0.25 },
  { VatCode: 'IVY', Name: 'Køb af ydelser uden for EU', rate: 0.25 },
  { VatCode: 'UEUV', Name: 'Salg af varer til EU (rubrik B, indberettes)', rate: 0 },
  { VatCode: 'UEUV2', Name: 'Salg af varer til EU (rubrik B, indberettes ikke)', rate: 0 },
  { VatCode: 'UEUY', Name: 'Salg af ydelser til EU (rubrik B)', rate: 0 },
  { VatCode: 'UVV', Name: 'Salg af varer uden for EU (rubrik C)', rate: 0 },
  { VatCode: 'UVY', Name: 'Salg af ydelser uden for EU (rubrik C)', rate: 0 },
  { VatCode: 'REP', Name: 'Repræsentation (25% fradrag)', rate: 0.25 },
  { VatCode: 'OBPK', Name: 'Omvendt betalingspligt, køb i Danmark', rate: 0.25 },
];

/** Known VAT code (case-sensitive like Dinero's codes), or the literal "none" in any case. */
export function isKnownVatCode(code: string): boolean {
  return code.toLowerCase() === 'none' || VAT_TYPES.some((v) => v.VatCode === code);
}

export const ALLOWED_SCOPES = [
  'dineropublicapi:read', 'dineropublicapi:write', 'offline_access', 'openid', 'email', 'profile',
] as const;
export const DINERO_SCOPES = ['dineropublicapi:read', 'dineropublicapi:write', 'offline_access'];
