// The Electron cipher adapter with a mocked 'electron' module: the real binary never loads in tests.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as string,
  isAsyncEncryptionAvailable: async () => fake.available,
  getSelectedStorageBackend: () => fake.backend,
  encryptStringAsync: async (plain: string) => Buffer.from(`enc(${Buffer.from(plain).toString('hex')})`),
  decryptStringAsync: async (data: Buffer) => ({
    shouldReEncrypt: false,
    result: Buffer.from(/^enc\(([0-9a-f]*)\)$/.exec(data.toString())![1]!, 'hex').toString(),
  }),
}));

vi.mock('electron', () => ({ safeStorage: fake }));

const { createSafeStorageCipher } = await import('../../electron/auth/safe-storage.electron');

describe('safeStorage cipher adapter', () => {
  beforeEach(() => {
    fake.available = true;
    fake.backend = 'gnome_libsecret';
  });

  it('encrypts and decrypts through safeStorage', async () => {
    const cipher = createSafeStorageCipher('linux');
    const data = await cipher.encrypt('secret-value');
    expect(data.includes('secret-value')).toBe(false);
    expect(await cipher.decrypt(data)).toBe('secret-value');
  });

  it('is unavailable when safeStorage says so, on every platform', async () => {
    fake.available = false;
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(await createSafeStorageCipher(platform).isAvailable()).toBe(false);
  });

  it.each([
    ['gnome_libsecret', true],
    ['kwallet5', true],
    ['basic_text', false],
    ['unknown', false],
  ])('on Linux the %s backend counts as available: %s', async (backend, expected) => {
    fake.backend = backend;
    expect(await createSafeStorageCipher('linux').isAvailable()).toBe(expected);
  });

  it('the Linux backend name does not matter elsewhere', async () => {
    fake.backend = 'basic_text';
    expect(await createSafeStorageCipher('darwin').isAvailable()).toBe(true);
    expect(await createSafeStorageCipher('win32').isAvailable()).toBe(true);
  });
});
