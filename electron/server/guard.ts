// Who may talk to the local web mode: loopback peers, our own Host and Origin, the launch's token.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token for one launch: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const;

/** Host must name this server on loopback: a foreign name means DNS rebinding. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host !== undefined && LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/**
 * Node keeps the first of several Host lines: a request carrying more than one is refused as a whole,
 * lest a second name ride past the check (RFC 9112 §3.2 asks for the refusal).
 */
export function hasOneHost(rawHeaders: readonly string[]): boolean {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === 'host') count++;
  return count === 1;
}

/** Origin, when a browser sends one, must be this server's own. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && (LOOPBACK_NAMES as readonly string[]).includes(url.hostname) && url.port === String(port) && url.origin === origin;
  } catch {
    return false;
  }
}

export function isLoopbackPeer(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The token of `Authorization: Bearer <token>`, or null without one. */
export function bearerToken(authorization: string | undefined): string | null {
  return /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? null;
}

/** `Authorization: Bearer <token>`, compared in constant time. */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const bearer = bearerToken(authorization);
  if (!bearer) return false;
  const given = Buffer.from(bearer);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What a request target names: a path on this server, one on another origin, or nothing readable. */
export type Target = { kind: 'path'; pathname: string } | { kind: 'foreign' } | { kind: 'bad' };

/**
 * The path of a request target (RFC 9112 §3.2): the origin form «/path?query», or the absolute form
 * when it names this server. The asterisk and authority forms, and anything that does not parse, are bad.
 * The path keeps its %-escapes; decodePath() undoes them.
 */
export function parseTarget(target: string | undefined, port: number): Target {
  if (!target) return { kind: 'bad' };
  try {
    // Glued to our origin, so «//host/x» stays a path, as the origin form reads it.
    if (target.startsWith('/')) return { kind: 'path', pathname: new URL(`http://127.0.0.1:${port}${target}`).pathname };
    if (/^https?:\/\//i.test(target)) {
      const url = new URL(target);
      return isOwnOrigin(url.origin, port) ? { kind: 'path', pathname: url.pathname } : { kind: 'foreign' };
    }
  } catch {
    // an unreadable address: bad, below
  }
  return { kind: 'bad' };
}

/** A path with its %-escapes undone, or null when they do not spell UTF-8 («%ff», «%e0%80», «%»). */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
