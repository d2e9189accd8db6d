// Visma's form_post answer arrives as the body of a POST to the redirect URI. Electron's webRequest hands it
// over as uploadData parts; a urlencoded form is in the `bytes` parts only.

export interface UploadPartLike {
  bytes?: Uint8Array;
}

export function formBodyOf(uploadData: readonly UploadPartLike[] | undefined): string | undefined {
  if (!uploadData || uploadData.length === 0) return undefined;
  const chunks = uploadData.flatMap((part) => (part.bytes ? [Buffer.from(part.bytes)] : []));
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
}
