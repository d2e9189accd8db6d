import { describe, expect, it } from 'vitest';
import { ConfigError, DINERO_VARIABLES, loadAppConfig, type AppConfig } from '../../electron/config/app-config';
import { dataPaths } from '../../electron/config/data-paths';
import { parseDineroConnection } from '../../electron/dinero/client/dinero-connection';

const SECRET = 'canary-client-secret-7f3a';

const REAL: Record<string, string> = {
  DINERO_API_URL: 'https://api.dinero.dk',
  VISMA_CONNECT_URL: 'https://connect.visma.com/',
  DINERO_CLIENT_ID: 'isv_tillbridge',
  DINERO_CLIENT_SECRET: SECRET,
  DINERO_REDIRECT_URI: 'https://auth.tillbridge.example/callback',
};

const home = { platform: 'linux' as const, homeDir: '/home/kasse', cwd: '/srv/till' };

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadAppConfig(env, home);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

function without(names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(REAL).filter(([k]) => !names.includes(k)));
}

/** Every non-empty subset of `items`. */
function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask += 1) out.push(items.filter((_, i) => mask & (1 << i)));
  return out;
}

describe('loadAppConfig', () => {
  it('no Dinero variables → the built-in sandbox, default data folder, no port', () => {
    expect(loadAppConfig({ PATH: '/usr/bin', HOME: '/home/kasse' }, home)).toEqual<AppConfig>({
      dinero: { mode: 'sandbox' },
      dataDir: '/home/kasse/.config/TillBridge',
      port: null,
    });
  });

  it('empty values count as unset (a `FOO=` line does not switch to real Dinero)', () => {
    expect(loadAppConfig({ DINERO_API_URL: '', DINERO_CLIENT_ID: '   ' }, home).dinero).toEqual({ mode: 'sandbox' });
  });

  it('all required variables → real Dinero with the token URL derived from Visma Connect', () => {
    const config = loadAppConfig(REAL, home);
    expect(config.dinero).toEqual({
      mode: 'real',
      connection: {
        apiUrl: 'https://api.dinero.dk',
        connectUrl: 'https://connect.visma.com/',
        tokenUrl: 'https://connect.visma.com/connect/token',
        revocationUrl: 'https://connect.visma.com/connect/revocation',
        clientId: 'isv_tillbridge',
        clientSecret: SECRET,
        redirectUri: 'https://auth.tillbridge.example/callback',
      },
    });
    // The Dinero client accepts exactly what the config produces.
    const dinero = config.dinero;
    if (dinero.mode !== 'real') throw new Error('expected real mode');
    expect(() => parseDineroConnection(dinero.connection)).not.toThrow();
  });

  it('a token broker\'s two URLs replace the client secret requirement (the broker holds it)', () => {
    const config = loadAppConfig(
      { ...without(['DINERO_CLIENT_SECRET']), DINERO_TOKEN_URL: 'https://broker.example/token', DINERO_REVOCATION_URL: 'https://broker.example/revoke' },
      home,
    );
    expect(config.dinero).toMatchObject({
      mode: 'real',
      connection: { tokenUrl: 'https://broker.example/token', revocationUrl: 'https://broker.example/revoke', clientSecret: '' },
    });
  });

  it.each([
    [{ DINERO_TOKEN_URL: 'https://broker.example/token' }, 'DINERO_REVOCATION_URL'],
    [{ DINERO_REVOCATION_URL: 'https://broker.example/revoke' }, 'DINERO_TOKEN_URL'],
  ])('without the secret, a broker needs both URLs (%o → missing %s): logout must be able to withdraw the login', (urls, missing) => {
    const error = configError({ ...without(['DINERO_CLIENT_SECRET']), ...urls });
    expect(error.missing).toEqual([missing]);
  });

  it('every partial combination of the required variables names exactly the missing ones', () => {
    const required = Object.keys(REAL);
    for (const missing of subsets(required)) {
      if (missing.length === required.length) continue; // none set = sandbox, tested above
      const error = configError(without(missing));
      expect([...error.missing].sort()).toEqual([...missing].sort());
      const listed = /missing ([A-Z_, ]+)\./.exec(error.message)?.[1]?.split(', ');
      expect(listed?.sort()).toEqual([...missing].sort());
      expect(error.message).not.toContain(SECRET);
    }
  });

  it('only DINERO_TOKEN_URL set is a partial configuration too', () => {
    const error = configError({ DINERO_TOKEN_URL: 'https://broker.example/token' });
    expect([...error.missing].sort()).toEqual(['DINERO_API_URL', 'DINERO_CLIENT_ID', 'DINERO_REDIRECT_URI', 'DINERO_REVOCATION_URL', 'VISMA_CONNECT_URL']);
    expect(DINERO_VARIABLES).toContain('DINERO_TOKEN_URL');
    expect(DINERO_VARIABLES).toContain('DINERO_REVOCATION_URL');
  });

  it.each([
    ['DINERO_API_URL', 'http://api.dinero.dk', 'https'],
    ['DINERO_API_URL', 'api.dinero.dk', 'not a valid absolute URL'],
    ['DINERO_API_URL', 'https://api.dinero.dk?x=1', 'query'],
    ['VISMA_CONNECT_URL', 'ftp://connect.visma.com', 'https'],
    ['VISMA_CONNECT_URL', 'https://user:pw@connect.visma.com', 'user name or password'],
    ['DINERO_REDIRECT_URI', 'http://tillbridge.example/callback', 'https'],
    ['DINERO_REDIRECT_URI', 'https://tillbridge.example/cb#x', 'fragment'],
    ['DINERO_TOKEN_URL', 'http://10.0.0.5/token', 'https'],
    ['DINERO_REVOCATION_URL', 'http://10.0.0.5/revoke', 'https'],
  ])('%s=%s is refused (%s) and the value is not echoed', (name, value, why) => {
    const error = configError({ ...REAL, [name]: value });
    expect(error.invalid).toEqual([expect.objectContaining({ variable: name })]);
    expect(error.message).toContain(name);
    expect(error.message).toContain(why);
    expect(error.message).not.toContain(value);
  });

  it('plain http is accepted for loopback (the local sandbox or a local broker)', () => {
    const local = loadAppConfig(
      {
        ...REAL,
        DINERO_API_URL: 'http://127.0.0.1:4010',
        VISMA_CONNECT_URL: 'http://localhost:4010',
        DINERO_REDIRECT_URI: 'http://[::1]:8765/callback',
      },
      home,
    );
    expect(local.dinero).toMatchObject({ mode: 'real', connection: { tokenUrl: 'http://localhost:4010/connect/token', revocationUrl: 'http://localhost:4010/connect/revocation' } });
  });

  it('a client id with spaces is refused', () => {
    expect(configError({ ...REAL, DINERO_CLIENT_ID: 'isv tillbridge' }).invalid[0]?.variable).toBe('DINERO_CLIENT_ID');
  });

  it.each([
    ['8080', 8080],
    ['0', 0],
    ['65535', 65535],
  ])('PORT=%s is accepted', (text, port) => {
    expect(loadAppConfig({ PORT: text }, home).port).toBe(port);
  });

  it.each(['65536', '-1', '80a', '3.5', '99999999'])('PORT=%s is refused', (text) => {
    expect(configError({ PORT: text }).invalid.map((i) => i.variable)).toEqual(['PORT']);
  });

  it('reports a bad value and missing variables together', () => {
    const error = configError({ DINERO_API_URL: 'http://api.dinero.dk', PORT: 'x' });
    expect(error.invalid.map((i) => i.variable).sort()).toEqual(['DINERO_API_URL', 'PORT']);
    expect(error.missing).toContain('DINERO_CLIENT_ID');
  });

  it('TILLBRIDGE_DATA_DIR wins; a relative one is resolved against the working folder', () => {
    expect(loadAppConfig({ TILLBRIDGE_DATA_DIR: '/var/lib/tillbridge' }, home).dataDir).toBe('/var/lib/tillbridge');
    expect(loadAppConfig({ TILLBRIDGE_DATA_DIR: '.tmp/demo' }, home).dataDir).toBe('/srv/till/.tmp/demo');
    expect(loadAppConfig({}, { ...home, defaultDataDir: '/electron/userData' }).dataDir).toBe('/electron/userData');
  });

  it('the default data folder follows the platform convention', () => {
    expect(loadAppConfig({ XDG_CONFIG_HOME: '/xdg' }, home).dataDir).toBe('/xdg/TillBridge');
    expect(loadAppConfig({ XDG_CONFIG_HOME: 'relative' }, home).dataDir).toBe('/home/kasse/.config/TillBridge');
    expect(loadAppConfig({}, { ...home, platform: 'darwin' }).dataDir).toBe('/home/kasse/Library/Application Support/TillBridge');
    expect(loadAppConfig({ APPDATA: '/c/Users/kasse/AppData/Roaming' }, { ...home, platform: 'win32' }).dataDir).toBe(
      '/c/Users/kasse/AppData/Roaming/TillBridge',
    );
  });
});

describe('dataPaths', () => {
  it('keeps every file inside the data folder and apart from each other', () => {
    const paths = dataPaths('/data/tb');
    expect(paths).toEqual({
      settingsDir: '/data/tb',
      tokenFile: '/data/tb/secrets/dinero-tokens.bin',
      logFile: '/data/tb/logs/tillbridge.log',
      chartCacheDir: '/data/tb/chart-cache',
    });
  });
});
