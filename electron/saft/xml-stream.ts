// A small streaming XML writer for the SAF-T file: elements are written as they come and the text is handed to
// the file in chunks, waiting for the stream to drain, so a year of transactions never sits in memory.
import { createWriteStream, type WriteStream } from 'node:fs';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  // Control characters XML 1.0 cannot carry are dropped (a description pasted with one must not break the file).
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const CHUNK = 64 * 1024;

export class XmlStream {
  private readonly out: WriteStream;
  private buffer = '';
  private readonly open: string[] = [];
  private failure: Error | null = null;
  bytes = 0;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx' });
    this.out.on('error', (error) => {
      this.failure = error;
    });
    this.buffer = '<?xml version="1.0" encoding="UTF-8"?>\n';
  }

  start(tag: string, attributes: Record<string, string> = {}): void {
    const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
    this.buffer += `<${tag}${attrs}>`;
    this.open.push(tag);
  }

  end(): void {
    const tag = this.open.pop();
    if (tag === undefined) throw new Error('xml: end() without start()');
    this.buffer += `</${tag}>\n`;
  }

  /** One element with text; nothing is written for null/undefined (an optional element left out). */
  leaf(tag: string, value: string | number | boolean | null | undefined): void {
    if (value === null || value === undefined) return;
    this.buffer += `<${tag}>${escapeXml(String(value))}</${tag}>`;
  }

  /** Hands what is buffered to the file once it is big enough, waiting while the disk catches up. */
  async flush(force = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (!force && this.buffer.length < CHUNK) return;
    const text = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(text);
    if (!this.out.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const drained = () => {
          this.out.off('error', failed);
          resolve();
        };
        const failed = (error: Error) => {
          this.out.off('drain', drained);
          reject(error);
        };
        this.out.once('drain', drained);
        this.out.once('error', failed);
      });
    }
  }

  async close(): Promise<void> {
    if (this.open.length > 0) throw new Error(`xml: ${this.open.join(' > ')} still open`);
    await this.flush(true);
    await new Promise<void>((resolve, reject) => {
      this.out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure) throw this.failure;
  }

  /** Stops writing (the caller removes the partial file). */
  abort(): void {
    this.out.destroy();
  }
}
