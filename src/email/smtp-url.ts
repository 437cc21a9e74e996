import { isIP } from 'node:net';
import { BriefpressError } from '../errors.js';

/** The environment variable naming the SMTP server, credentials included. */
export const smtpUrlVariable = 'BRIEFPRESS_SMTP_URL';

/** An SMTP server as nodemailer's transport takes it, and what may be said about it. */
export interface SmtpServer {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (`smtps://`). */
  secure: boolean;
  /** STARTTLS or no message: true unless the URL opts into plain text or the server is on this machine. */
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  /** `smtp://user@host:port`: the URL without the password, safe to print. */
  label: string;
  /** Strings that must never be printed (the password, as given and decoded). */
  secrets: string[];
}

const loopbackNames = new Set(['localhost', 'localhost.', '::1', '[::1]']);

/** True for `localhost`, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return loopbackNames.has(bare) || (isIP(bare) === 4 && bare.startsWith('127.')) || bare === '::1';
}

/**
 * Read `smtp://user:pass@host:587` or `smtps://user:pass@host:465`. A server elsewhere than this machine gets
 * STARTTLS required (or implicit TLS with `smtps`); `?plaintext=1` allows a connection in the clear. The
 * certificate is always verified. Errors never repeat the URL: it holds the password.
 */
export function parseSmtpUrl(value: string): SmtpServer {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BriefpressError(
      `${smtpUrlVariable} is not a URL: expected smtp://user:password@host:587 or smtps://…:465`,
    );
  }
  const secrets = [url.password, safeDecode(url.password)].filter((secret) => secret.length > 0);
  const fail = (reason: string) => new BriefpressError(`${smtpUrlVariable}: ${reason}`);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw fail(`unknown scheme ${JSON.stringify(url.protocol.slice(0, 12))}: expected smtp:// or smtps://`);
  if (!url.hostname) throw fail('no host: expected smtp://user:password@host:587');
  const secure = url.protocol === 'smtps:';
  let plaintext = false;
  for (const [key, setting] of url.searchParams) {
    if (key !== 'plaintext') throw fail(`unknown parameter "${key.slice(0, 40)}" (known: plaintext=1)`);
    if (setting !== '1' && setting !== 'true') throw fail('expected plaintext=1');
    if (secure) throw fail('plaintext=1 contradicts smtps://, which is always encrypted');
    plaintext = true;
  }
  if (url.pathname && url.pathname !== '/') throw fail('expected no path after the port');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = safeDecode(url.username);
  const auth = user || url.password ? { user, pass: safeDecode(url.password) } : undefined;
  return {
    host,
    port,
    secure,
    requireTLS: !secure && !plaintext && !isLoopback(host),
    auth,
    label: `${url.protocol}//${user ? `${encodeURIComponent(user)}@` : ''}${url.host}`,
    secrets,
  };
}

/** `text` with every secret of the server replaced by `***`: for whatever a library or a server said. */
export function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
