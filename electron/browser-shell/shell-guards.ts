// The checks that keep the browser shell private to the page it served. The server listens on loopback only,
// but any web page the user opens can still send requests to 127.0.0.1; these checks make sure such requests
// cannot reach the app: the Host header (against DNS rebinding, where evil.example resolves to 127.0.0.1),
// the Origin (a foreign page's fetch carries its own), and the per-run secret (only the served page has it).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as hex: unguessable, and safe to put in an HTML attribute without escaping. */
export function newShellSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The Host values a request to this shell may carry: the loopback names with the shell's own port. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The shell's own origins (the page may have been opened as 127.0.0.1 or as localhost). */
export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function hostAllowed(host: string | undefined, hosts: ReadonlySet<string>): boolean {
  return host !== undefined && hosts.has(host.toLowerCase());
}

/** A request without Origin is allowed (same-origin GETs, curl); one with a foreign Origin never is. */
export function originAllowed(origin: string | undefined, origins: ReadonlySet<string>): boolean {
  return origin === undefined || origins.has(origin.toLowerCase());
}

/**
 * Constant-time comparison. Both sides are hashed first so the comparison takes the same time whatever the
 * length of the guess (timingSafeEqual itself needs equal lengths).
 */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined || given.length === 0) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}
