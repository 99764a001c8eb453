// Where the department server may listen, and how: plain HTTP on a loopback address only; any other
// address carries passwords and tokens over the office network, so it needs TLS.
import { isIP } from 'node:net';
import { AppError } from '../../../shared/errors';

export interface TlsFiles {
  /** PEM text of the certificate (and its chain). */
  cert: string | Buffer;
  /** PEM text of the private key. */
  key: string | Buffer;
}

/** 127.0.0.0/8, ::1 and the name localhost: reachable from this computer only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '::ffff:127.0.0.1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Refuses plain HTTP off loopback, in Russian, naming the address and what to add. */
export function checkTransport(host: string, tls: TlsFiles | undefined): void {
  if (tls || isLoopbackHost(host)) return;
  throw new AppError(
    'bad_request',
    `Сервер отдела на адресе «${host}» работает только по HTTPS: по сети идут пароли и ключи сеансов. Укажите сертификат и ключ: --tls-cert ФАЙЛ --tls-key ФАЙЛ. Без них сервер слушает только этот компьютер (--host 127.0.0.1).`,
  );
}

/** The address to print and open: the scheme, the host (IPv6 in brackets) and the port. */
export function serverUrl(host: string, port: number, tls: boolean): string {
  const name = isIP(host) === 6 ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${name}:${port}/`;
}
