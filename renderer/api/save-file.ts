// Hands a file to the user: the browser's download (in Electron, the save dialog). The bytes never leave the
// page otherwise; the object URL is revoked once the download has started.
export function saveFile(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Opens a PDF in a tab of its own, where the browser's viewer shows it (a new window in Electron). */
export function openPdf(bytes: Uint8Array): boolean {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const opened = window.open(url, '_blank');
  // The viewer has its own copy once it has loaded; a minute is ample for that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return opened !== null;
}

/** Base64 (as the contract carries bytes) to bytes. */
export function fromBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}
