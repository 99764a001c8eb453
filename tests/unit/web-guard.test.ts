import { describe, expect, it } from 'vitest';
import { hasToken, isLoopbackPeer, isOwnHost, isOwnOrigin, newToken } from '../../electron/server/guard';

describe('web mode guard', () => {
  it('makes a fresh, long, URL-safe token each launch', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
  });

  it('takes only «Bearer <token>» with the exact token', () => {
    expect(hasToken('Bearer abc', 'abc')).toBe(true);
    expect(hasToken('Bearer abcd', 'abc')).toBe(false);
    expect(hasToken('Bearer ab', 'abc')).toBe(false);
    expect(hasToken('bearer abc', 'abc')).toBe(false);
    expect(hasToken('Bearer  abc', 'abc')).toBe(false);
    expect(hasToken(undefined, 'abc')).toBe(false);
    expect(hasToken('abc', 'abc')).toBe(false);
  });

  it('knows its own Host: loopback names with its port', () => {
    expect(isOwnHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(isOwnHost('localhost:8080', 8080)).toBe(true);
    expect(isOwnHost('127.0.0.1', 8080)).toBe(false);
    expect(isOwnHost('127.0.0.1:8081', 8080)).toBe(false);
    expect(isOwnHost('evil.example:8080', 8080)).toBe(false);
    expect(isOwnHost('127.0.0.1.evil.example:8080', 8080)).toBe(false);
    expect(isOwnHost(undefined, 8080)).toBe(false);
  });

  it('knows its own Origin, and lets requests without one through to the token check', () => {
    expect(isOwnOrigin(undefined, 8080)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:8080', 8080)).toBe(true);
    expect(isOwnOrigin('http://localhost:8080', 8080)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:8081', 8080)).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:8080', 8080)).toBe(false);
    expect(isOwnOrigin('http://evil.example', 8080)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:8080.evil.example', 8080)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:8080/', 8080)).toBe(false);
    expect(isOwnOrigin('null', 8080)).toBe(false);
  });

  it('takes only loopback peers', () => {
    expect(isLoopbackPeer('127.0.0.1')).toBe(true);
    expect(isLoopbackPeer('::1')).toBe(true);
    expect(isLoopbackPeer('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackPeer('192.168.1.5')).toBe(false);
    expect(isLoopbackPeer(undefined)).toBe(false);
  });
});
