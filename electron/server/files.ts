// The built renderer's files, as the web mode and Electron's app:// protocol both serve them.
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from './headers';

/** The file a URL path names inside `root`, or null for anything outside it or missing. */
export async function findStaticFile(root: string, pathname: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(pathname === '/' || pathname === '' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  const base = resolve(root);
  // resolve() folds «..»: whatever lands outside the renderer's folder is not ours to give.
  const file = resolve(base, `.${path.startsWith('/') ? path : `/${path}`}`);
  if (!file.startsWith(base + sep)) return null;
  return (await stat(file).catch(() => null))?.isFile() ? file : null;
}

/** Content type, caching and, for pages, the CSP. */
export function staticHeaders(file: string): Record<string, string> {
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return headers;
}
