import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePath, hasOneHost, hasToken, isLoopbackPeer, isOwnHost, isOwnOrigin, newToken, parseTarget } from '../../electron/server/guard';

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

  it('counts Host lines: exactly one is accepted', () => {
    expect(hasOneHost(['Host', '127.0.0.1:8080', 'Accept', '*/*'])).toBe(true);
    expect(hasOneHost(['host', '127.0.0.1:8080'])).toBe(true);
    expect(hasOneHost(['Accept', '*/*'])).toBe(false);
    expect(hasOneHost(['Host', '127.0.0.1:8080', 'HOST', 'evil.example'])).toBe(false);
  });

  it('reads the path of an origin-form target, and of an absolute one naming this server', () => {
    expect(parseTarget('/api/events.list?x=1', 8080)).toEqual({ kind: 'path', pathname: '/api/events.list' });
    expect(parseTarget('/', 8080)).toEqual({ kind: 'path', pathname: '/' });
    expect(parseTarget('/api/%ff', 8080)).toEqual({ kind: 'path', pathname: '/api/%ff' });
    expect(parseTarget('//evil.example/api/app.status', 8080)).toEqual({ kind: 'path', pathname: '//evil.example/api/app.status' });
    expect(parseTarget('/a/../api/app.status', 8080)).toEqual({ kind: 'path', pathname: '/api/app.status' });
    expect(parseTarget('http://127.0.0.1:8080/api/app.status', 8080)).toEqual({ kind: 'path', pathname: '/api/app.status' });
    expect(parseTarget('HTTP://localhost:8080', 8080)).toEqual({ kind: 'path', pathname: '/' });
  });

  it('tells a target naming another origin from one it cannot read', () => {
    for (const target of ['http://evil.example/api/app.status', 'http://127.0.0.1:8081/', 'https://127.0.0.1:8080/']) {
      expect(parseTarget(target, 8080)).toEqual({ kind: 'foreign' });
    }
    for (const target of ['http://[', 'http://', 'http://%ff/', '*', '127.0.0.1:8080', 'api/app.status', 'ftp://127.0.0.1:8080/', '', undefined]) {
      expect(parseTarget(target, 8080)).toEqual({ kind: 'bad' });
    }
  });

  it('never throws on a target, and a path it reads starts with «/»', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.string().map((s) => `/${s}`), fc.string().map((s) => `http://${s}`)), (target) => {
        const parsed = parseTarget(target, 8080);
        if (parsed.kind === 'path') expect(parsed.pathname.startsWith('/')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('undoes %-escapes that spell UTF-8, and refuses those that do not', () => {
    expect(decodePath('events.list')).toBe('events.list');
    expect(decodePath('%D0%B0')).toBe('а');
    for (const bad of ['%ff', '%', '%e0%80', '%zz', '%c3', '%ed%a0%80']) expect(decodePath(bad)).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const text = raw.replace(/[\uD800-\uDFFF]/g, '');
        expect(decodePath(encodeURIComponent(text))).toBe(text);
      }),
    );
  });
});
