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

/** `Authorization: Bearer <token>`, compared in constant time. */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
