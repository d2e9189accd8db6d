// POST /v1/{org}/files?fileName=…: multipart upload of a voucher attachment (Dinero's limit: 6 MB → 413).
// Only metadata is kept: the sandbox needs to know the FileGuid exists, not the bytes.
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { OrgHandler } from './api.router';
import { apiError } from './sandbox.http';
import { newGuid, orgState } from './sandbox.world';

export const MAX_FILE_BYTES = 6 * 1024 * 1024;
/** The whole multipart body may be somewhat larger than the file; past this it is refused unread (413). */
const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 1024 * 1024;

interface Upload {
  /** The part's own Content-Type, as the client sent it. */
  contentType: string;
  size: number;
  sha256: string;
  tooLarge: boolean;
}

export const uploadFile: OrgHandler = async (world, ctx, orgId) => {
  const fileName = ctx.query.get('fileName') ?? ctx.query.get('filename');
  if (!fileName || fileName.trim() === '') return apiError(400, 42, 'Validation failed.', { fileName: 'The fileName query parameter is required.' });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': ctx.header('content-type') }, limits: { files: 1, fileSize: MAX_FILE_BYTES + 1 } });
  } catch {
    return apiError(400, 42, 'The request must be multipart/form-data with one file.');
  }
  // The body through the kit's one reader (a BodyTooLargeError past the limit becomes the API's 413).
  const body = await ctx.body(MAX_UPLOAD_BODY_BYTES);
  const upload = await new Promise<Upload | null>((resolve, reject) => {
    let found: Upload | null = null;
    parser.on('file', (_field, stream, info) => {
      const hash = createHash('sha256');
      const current: Upload = { contentType: info.mimeType, size: 0, sha256: '', tooLarge: false };
      found = current;
      stream.on('data', (chunk: Buffer) => { current.size += chunk.length; hash.update(chunk); });
      // busboy flags the limit when a file reaches it exactly; the +1 above makes an exact 6 MB fit.
      stream.on('limit', () => { current.tooLarge = true; });
      stream.on('end', () => { current.sha256 = hash.digest('hex'); });
    });
    parser.on('close', () => resolve(found));
    parser.on('error', reject);
    parser.end(body);
  }).catch(() => null);
  if (upload?.tooLarge) return apiError(413, 43, `The file is larger than the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  if (!upload || upload.size === 0) return apiError(400, 42, 'The request must be multipart/form-data with one non-empty file.');
  const fileGuid = newGuid(world);
  orgState(world, orgId)!.files.push({ fileGuid, fileName: fileName.trim(), size: upload.size, sha256: upload.sha256, uploadedAt: world.clock.now(), contentType: upload.contentType });
  world.persist();
  return { status: 200, api: true, json: { FileGuid: fileGuid } };
};
