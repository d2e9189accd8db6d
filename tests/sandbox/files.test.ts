// POST /v1/{org}/files: multipart upload, the 6 MB limit, and FileGuid references on ledger items.
import { describe, expect, it } from 'vitest';
import { call, item, startSandbox } from './sandbox.helpers';

const SIX_MB = 6 * 1024 * 1024;

async function setup() {
  const started = await startSandbox();
  const token = started.sb.issueTokensForTest().accessToken;
  const upload = async (bytes: number, fileName: string | null = 'z-report.pdf', form = true) => {
    const query = fileName === null ? '' : `?fileName=${encodeURIComponent(fileName)}`;
    let body: FormData | Uint8Array<ArrayBuffer>;
    if (form) {
      body = new FormData();
      body.append('file', new Blob([Buffer.alloc(bytes, 7)], { type: 'application/pdf' }), fileName ?? 'x.pdf');
    } else body = new Uint8Array(bytes);
    const res = await fetch(`${started.sb.url}/v1/${started.sb.orgs.pro}/files${query}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  return { ...started, token, upload };
}

describe('sandbox files', () => {
  it('uploads a file and lets a ledger item reference its FileGuid', async () => {
    const { sb, token, upload } = await setup();
    const reply = await upload(20_000);
    expect(reply.status).toBe(200);
    const fileGuid = reply.json!.FileGuid as string;
    expect(fileGuid).toMatch(/^[0-9a-f-]{36}$/);
    const created = await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token, body: [item({ FileGuid: fileGuid })] });
    expect(created.status).toBe(200);
    expect(sb.kassekladde(sb.orgs.pro)[0]!.fileGuid).toBe(fileGuid);
  });

  it('accepts exactly 6 MB and answers 413 for one byte more', async () => {
    const { upload } = await setup();
    expect((await upload(SIX_MB)).status).toBe(200);
    const over = await upload(SIX_MB + 1);
    expect(over.status).toBe(413);
    expect(over.json).toMatchObject({ code: 43 });
  });

  it('needs fileName, a multipart body with a non-empty file, and a token', async () => {
    const { sb, upload } = await setup();
    expect((await upload(10, null)).json).toMatchObject({ code: 42, validationErrors: { fileName: expect.any(String) } });
    expect((await upload(10, 'a.pdf', false)).status).toBe(400);
    expect((await upload(0)).status).toBe(400);
    const anonymous = await fetch(`${sb.url}/v1/${sb.orgs.pro}/files?fileName=a.pdf`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
  });

  it('a FileGuid that was never uploaded is refused', async () => {
    const { sb, token, upload } = await setup();
    const fileGuid = (await upload(100)).json!.FileGuid as string;
    const created = await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token, body: [item({ FileGuid: fileGuid.replace(/^.{8}/, '00000000') })] });
    expect(created.json).toMatchObject({ code: 42, validationErrors: { '[0].FileGuid': expect.any(String) } });
  });
});
