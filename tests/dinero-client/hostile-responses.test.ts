// Broken, oversized and deceptive answers from a scripted node:http server: the client must turn each into
// a typed error (bad_response for reads, unknown_outcome for writes), never crash or hang. A create answered
// 2xx that does not name the Id sent is id_mismatch: something may have been created under another Id, so the
// engine must ask rather than send again.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDineroClient, type DineroClient } from '../../electron/dinero/client/dinero.client';
import { errorOf, kindOf } from './support/errors';
import { createFakeScheduler } from '../support/fake-scheduler';
import { startHostileServer, type HostileServer } from './support/hostile-server';
import { zReportItem } from './support/ledger-fixtures';
import { recordingLogger, type RecordingLogger } from '../support/recording-logger';
import { STUB_ACCESS_TOKEN, stubTokens } from './support/stub-tokens';

let server: HostileServer;
let client: DineroClient;
let logger: RecordingLogger;

function clientFor(url: string, timeoutMs = 2000): DineroClient {
  return createDineroClient({
    connection: { apiUrl: url, connectUrl: url, tokenUrl: `${url}/connect/token`, revocationUrl: `${url}/connect/revocation`, clientId: 'isv_test', clientSecret: 's', redirectUri: 'http://127.0.0.1/cb' },
    tokens: stubTokens(),
    scheduler: createFakeScheduler(),
    logger,
    timeoutMs,
    maxBodyBytes: 1024 * 1024,
  });
}

const read = () => client.getOrganizations();
const write = () => client.createLedgerItems(7, [zReportItem()]);

beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());
beforeEach(() => {
  logger = recordingLogger();
  client = clientFor(server.url);
});

const json = (status: number, text: string, headers: Record<string, string> = {}) =>
  server.respond((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  });

describe('hostile responses', () => {
  it('truncated JSON with 200 → bad_response on a read, id_mismatch on a create (it names no Id)', async () => {
    json(200, '[{"Id": 1, "Name": "Butik');
    expect(await kindOf(read())).toBe('bad_response');
    expect(await kindOf(write())).toBe('id_mismatch');
  });

  it('wrong types → bad_response on a read; a create answer with no usable Id → id_mismatch', async () => {
    json(200, '[{"Id": "one", "Name": 5, "IsPro": "yes"}]');
    expect(await kindOf(read())).toBe('bad_response');
    json(200, '[{"Id": 42, "Version": null}]');
    const err = await errorOf(write());
    expect(err.kind).toBe('id_mismatch');
    expect(err.answer).toContain('"Id": 42');
  });

  it('an HTML page with 200 → bad_response; with 502 → server on a read, unknown_outcome on a write', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Maintenance</body></html>');
    });
    const err = await errorOf(read());
    expect(err.kind).toBe('bad_response');
    expect(err.message).toMatch(/web page/);
    server.respond((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    expect(await kindOf(read())).toBe('server');
    expect(await kindOf(write())).toBe('unknown_outcome');
  });

  it('a 50 MB body is cut off at the size cap → bad_response, with or without Content-Length', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (const withLength of [true, false]) {
      server.respond((_req, res) => {
        res.writeHead(200, withLength ? { 'content-type': 'application/json', 'content-length': 50 * chunk.length } : { 'content-type': 'application/json' });
        let sent = 0;
        const pump = () => {
          while (sent < 50 && !res.destroyed) {
            sent += 1;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
      });
      expect(await kindOf(read())).toBe('bad_response');
      expect(await kindOf(write())).toBe('unknown_outcome');
    }
  });

  it('an empty 200 → bad_response on a read, id_mismatch on a create', async () => {
    json(200, '');
    expect(await kindOf(read())).toBe('bad_response');
    expect(await kindOf(client.getVatTypes(7))).toBe('bad_response');
    expect(await kindOf(write())).toBe('id_mismatch');
  });

  it('a body that breaks off mid-stream → bad_response / unknown_outcome', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
      res.write('[{"Id": 1,');
      setImmediate(() => res.destroy());
    });
    expect(await kindOf(read())).toBe('bad_response');
    expect(await kindOf(write())).toBe('unknown_outcome');
  });

  it('a connection reset before any answer → offline on a read, unknown_outcome on a write', async () => {
    server.respond((req) => req.socket.destroy());
    expect(await kindOf(read())).toBe('offline');
    expect(await kindOf(write())).toBe('unknown_outcome');
  });

  it('invalid UTF-8, a redirect, and a create answer naming other ids are all typed', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]));
    });
    expect(await kindOf(read())).toBe('bad_response');
    server.respond((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end(Buffer.from([0xff, 0xfe, 0x41]));
    });
    expect(await kindOf(read())).toBe('server');
    server.respond((_req, res) => {
      res.writeHead(302, { location: 'http://example.invalid/steal' });
      res.end();
    });
    expect(await kindOf(read())).toBe('bad_response');
    json(200, JSON.stringify([{ Id: '00000000-0000-4000-8000-000000000000', Version: 'AAA=' }]));
    const other = await errorOf(write());
    expect(other.kind).toBe('id_mismatch');
    expect(other.answeredIds).toEqual(['00000000-0000-4000-8000-000000000000']);
  });

  it('status reads: only Dinero\'s JSON error naming the Id is "not found"; anything less is unclear', async () => {
    const id = zReportItem().id;
    const status = () => client.getLedgerItemStatus(7, [id]);
    server.respond((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body><h1>404 Not Found</h1></body></html>');
    });
    expect(await kindOf(status())).toBe('unclear');
    json(404, '');
    expect(await kindOf(status())).toBe('unclear');
    json(200, '[]');
    expect(await kindOf(status())).toBe('unclear');
    json(200, JSON.stringify([{ Id: '11111111-1111-4111-8111-111111111111', Status: 'Draft', Version: 'AA==' }]));
    expect(await kindOf(status())).toBe('unclear');
    json(400, JSON.stringify({ code: 42, message: 'x', errorMessageList: [{ Code: 'ledgerItemNotFound', Message: 'Ledger item 11111111-1111-4111-8111-111111111111 was not found.' }] }));
    expect(await kindOf(status())).toBe('unclear');
    json(400, JSON.stringify({ code: 42, message: 'x', errorMessageList: [{ Code: 'ledgerItemNotFound', Message: `Ledger item ${id} was not found.` }] }));
    const gone = await errorOf(status());
    expect(gone.kind).toBe('not_found');
    expect(gone.missingIds).toEqual([id]);
    // Version null and an undocumented Status are read, not refused.
    json(200, JSON.stringify([{ Id: id.toUpperCase(), Status: 'Approved', Version: null, VoucherNumber: null, Extra: { a: 1 } }]));
    expect(await status()).toEqual([{ id, status: 'Approved', version: null, voucherNumber: null }]);
  });

  it('a PUT answered 2xx with an empty body or another shape is accepted without refs (the engine reads back)', async () => {
    const item = { ...zReportItem(), version: 'AAA=' };
    json(200, '');
    expect(await client.updateLedgerItems(7, [item])).toEqual([]);
    json(200, JSON.stringify({ ok: true }));
    expect(await client.updateLedgerItems(7, [item])).toEqual([]);
    json(200, JSON.stringify([{ Id: item.id, Version: 'BBB=' }]));
    expect(await client.updateLedgerItems(7, [item])).toEqual([{ id: item.id, version: 'BBB=' }]);
  });

  it('VatRate null is read as null, not refused', async () => {
    json(200, JSON.stringify([{ VatCode: 'U25', Name: 'Salgsmoms', VatRate: null }, { VatCode: 'I25', Name: 'Købsmoms', VatRate: 25 }]));
    expect(await client.getVatTypes(7)).toEqual([{ vatCode: 'U25', name: 'Salgsmoms', vatRate: null }, { vatCode: 'I25', name: 'Købsmoms', vatRate: 0.25 }]);
  });

  it('no answer within the deadline → timeout on a read, unknown_outcome on a write', async () => {
    server.respond(() => undefined); // never answers
    client = clientFor(server.url, 100);
    const postsBefore = server.seen.filter((r) => r.method === 'POST').length;
    expect(await kindOf(read())).toBe('timeout');
    expect(await kindOf(write())).toBe('unknown_outcome');
    // Never sent again on its own (at most the one attempt reached the server).
    expect(server.seen.filter((r) => r.method === 'POST').length - postsBefore).toBeLessThanOrEqual(1);
  });

  it('413 on an upload → validation "file too large"', async () => {
    json(413, JSON.stringify({ code: 43, message: 'The file is larger than the limit of 6 MB.' }));
    const err = await errorOf(client.uploadFile(7, 'z.pdf', new Uint8Array(1024)));
    expect(err.kind).toBe('validation');
    expect(err.message).toMatch(/file too large/);
    const upload = server.seen.at(-1);
    expect(upload?.path).toBe('/v1/7/files?fileName=z.pdf');
    expect(upload?.body).toContain('filename="z.pdf"');
  });

  it('nothing listening → offline, for a write too (the request never left)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    client = clientFor(`http://127.0.0.1:${port}`);
    expect(await kindOf(read())).toBe('offline');
    expect(await kindOf(write())).toBe('offline');
  });

  it('sends the bearer token but never logs it, nor any body', async () => {
    let auth = '';
    server.respond((req, res) => {
      auth = String(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[{"Id": 7, "Name": "Butik", "IsPro": true}]');
    });
    expect(await read()).toEqual([{ id: 7, name: 'Butik', isPro: true }]);
    expect(auth).toBe(`Bearer ${STUB_ACCESS_TOKEN}`);
    await write().catch(() => undefined);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(STUB_ACCESS_TOKEN);
    expect(logger.text()).not.toContain('Kasse 1');
    expect(logger.text()).toContain('/v1/organizations');
  });

  it('bad input is refused before anything is sent', async () => {
    const before = server.seen.length;
    const bad = { ...zReportItem(), voucherDate: '02-03-2026' };
    const err = await errorOf(client.createLedgerItems(7, [bad]));
    expect(err.kind).toBe('validation');
    expect(Object.keys(err.fieldErrors ?? {})).toContain('0.voucherDate');
    expect(await kindOf(client.createLedgerItems(7, []))).toBe('validation');
    expect(await kindOf(client.getVatTypes(-1))).toBe('validation');
    expect(await kindOf(client.uploadFile(7, 'big.pdf', new Uint8Array(6 * 1024 * 1024 + 1)))).toBe('validation');
    expect(server.seen.length).toBe(before);
  });
});
