import { describe, expect, it } from 'vitest';
import { normaliseKeys, toLowerCamel } from '../../electron/dinero/client/key-case.normalise';

describe('key casing normalisation', () => {
  it('turns PascalCase, camelCase and acronyms into lowerCamel', () => {
    expect(toLowerCamel('AccountNumber')).toBe('accountNumber');
    expect(toLowerCamel('accountNumber')).toBe('accountNumber');
    expect(toLowerCamel('IsPro')).toBe('isPro');
    expect(toLowerCamel('ID')).toBe('id');
    expect(toLowerCamel('URLPath')).toBe('urlPath');
    expect(toLowerCamel('TimeStamp')).toBe('timeStamp');
    expect(toLowerCamel('')).toBe('');
  });

  it('normalises nested objects and arrays, leaving values alone', () => {
    const raw = [{ Id: 'A', Lines: [{ AccountNumber: 1000, Description: 'Salg' }], Nothing: null }];
    expect(normaliseKeys(raw)).toEqual([{ id: 'A', lines: [{ accountNumber: 1000, description: 'Salg' }], nothing: null }]);
  });

  it('keeps the inner keys of data maps such as validationErrors verbatim', () => {
    const raw = { Code: 42, ValidationErrors: { 'Lines[0].AccountNumber': 'Unknown account' } };
    expect(normaliseKeys(raw, { verbatimUnder: new Set(['validationErrors']) })).toEqual({
      code: 42,
      validationErrors: { 'Lines[0].AccountNumber': 'Unknown account' },
    });
  });

  it('keeps the first of two keys that collide after normalising', () => {
    expect(normaliseKeys({ Id: 'first', id: 'second' })).toEqual({ id: 'first' });
  });

  it('never lets a "__proto__" key change an object prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "Name": "x"}') as unknown;
    const out = normaliseKeys(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(out.name).toBe('x');
  });
});
