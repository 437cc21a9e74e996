import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { tempDir } from './helpers.js';

const run = promisify(execFile);

/** A message the test server took: its envelope and its bytes as they arrived. */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  /** Whether the session was encrypted (implicit TLS or STARTTLS). */
  secure: boolean;
  user?: string;
}

export interface TestServer {
  port: number;
  host: string;
  received: Received[];
  /** Every DATA the server answered, taken or not. */
  attempts: number;
  close(): Promise<void>;
}

export interface TestServerOptions {
  host?: string;
  /** user → password; authentication is then required. */
  users?: Record<string, string>;
  /** Offer STARTTLS with this key and certificate; without them the server speaks only in the clear. */
  tls?: { key: string; cert: string };
  /** An SMTP error for a message (e.g. `{ code: 550, text: '…' }`), or nothing to take it. */
  reply?: (raw: Buffer, attempt: number) => { code: number; text: string } | undefined;
}

/** A real SMTP server (nodemailer's smtp-server) on a free port, for the length of a test. */
export async function startSmtpServer(options: TestServerOptions = {}): Promise<TestServer> {
  const received: Received[] = [];
  const state = { attempts: 0 };
  const settings: SMTPServerOptions = {
    logger: false,
    disableReverseLookup: true,
    authOptional: !options.users,
    allowInsecureAuth: true,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { disabledCommands: ['STARTTLS'] }),
    onAuth(auth, _session, callback) {
      if (options.users?.[auth.username ?? ''] === auth.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const refusal = options.reply?.(raw, ++state.attempts);
        if (refusal) return callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback(null, 'Queued');
      });
    },
  };
  const server = new SMTPServer(settings);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    host,
    received,
    get attempts() {
      return state.attempts;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A self-signed certificate for localhost and 127.0.0.1, made now (test-only; it lives a day). */
export async function testCertificate(): Promise<{ key: string; cert: string; certFile: string }> {
  const dir = await tempDir('briefpress-cert-');
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  return { key: await readFile(keyFile, 'utf8'), cert: await readFile(certFile, 'utf8'), certFile };
}
