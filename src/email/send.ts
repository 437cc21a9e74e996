import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import { parseSmtpUrl, redact, type SmtpServer } from './smtp-url.js';

/** A message ready for the wire: the MIME bytes and who it goes to (Bcc included, which the bytes do not name). */
export interface OutgoingEmail {
  message: Buffer;
  messageId: string;
  envelope: { from: string; to: string[] };
}

/** What the server said to a message it took. */
export interface SendReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's last reply, e.g. `250 OK: queued as 1234`. */
  response: string;
}

export interface SendOptions {
  /**
   * Waits before each new try of a message the server deferred (a 4xx reply), in milliseconds; their number is
   * the number of retries. @default [2000, 10000, 30000]
   */
  retryDelays?: number[];
}

/** Why a message was not sent, on one line, without the password. */
export class SendError extends Error {
  constructor(
    message: string,
    /** `auth`, `tls`, `unreachable`, `refused` (5xx), `deferred` (4xx after the retries) or `other`. */
    readonly kind: 'auth' | 'tls' | 'unreachable' | 'refused' | 'deferred' | 'other',
  ) {
    super(message);
    this.name = 'SendError';
  }
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  errno?: string;
  cause?: unknown;
}

const defaultDelays = [2000, 10_000, 30_000];

/**
 * Send a composed message through an SMTP server (`smtp://user:pass@host:587`, `smtps://…`, or one parsed by
 * {@link parseSmtpUrl}). A 4xx reply is tried again after each of the `retryDelays`; anything else throws a
 * {@link SendError} at once. A message is never tried again once the server may have taken it.
 */
export async function sendEmail(
  email: OutgoingEmail,
  server: SmtpServer | string,
  options: SendOptions = {},
): Promise<SendReceipt> {
  const smtp = typeof server === 'string' ? parseSmtpUrl(server) : server;
  const delays = options.retryDelays ?? defaultDelays;
  // Loaded when a message is sent: most builds send none.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    ...(smtp.auth ? { auth: smtp.auth } : {}),
    tls: { minVersion: 'TLSv1.2' },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const info = await transport.sendMail({ envelope: email.envelope, raw: email.message });
        return {
          messageId: email.messageId,
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          response: info.response,
        };
      } catch (error: unknown) {
        const failure = error as SmtpFailure;
        const deferred =
          failure.responseCode !== undefined && failure.responseCode >= 400 && failure.responseCode < 500;
        if (deferred && attempt < delays.length) {
          await sleep(delays[attempt]);
          continue;
        }
        throw new SendError(redact(describe(error, smtp, attempt + 1), smtp.secrets), kindOf(failure));
      }
    }
  } finally {
    transport.close();
  }
}

function kindOf(failure: SmtpFailure): SendError['kind'] {
  if (failure.code === 'EAUTH' || failure.code === 'ENOAUTH') return 'auth';
  if (failure.code === 'ETLS' || isCertificateError(failure)) return 'tls';
  if (failure.responseCode !== undefined && failure.responseCode >= 500) return 'refused';
  if (failure.responseCode !== undefined && failure.responseCode >= 400) return 'deferred';
  if (['ECONNECTION', 'ESOCKET', 'EDNS', 'ETIMEDOUT'].includes(failure.code ?? '')) return 'unreachable';
  return 'other';
}

function describe(error: unknown, smtp: SmtpServer, tries: number): string {
  const failure = error as SmtpFailure;
  const reply = oneLine(failure.response ?? errorMessage(error));
  const where = `${smtp.host}:${smtp.port}`;
  switch (kindOf(failure)) {
    case 'auth':
      return `${where} refused the login of "${smtp.auth?.user ?? ''}": ${reply}`;
    case 'tls':
      return `no TLS connection to ${where}: ${oneLine(errorMessage(error))}${
        isCertificateError(failure) ? ' (a private CA: name its certificate in NODE_EXTRA_CA_CERTS)' : ''
      }`;
    case 'refused':
      return `${where} refused the message: ${reply}`;
    case 'deferred':
      return `${where} deferred the message ${tries} ${tries === 1 ? 'time' : 'times'}: ${reply}`;
    case 'unreachable':
      return `cannot reach ${where}: ${oneLine(errorMessage(error))}`;
    default:
      return `${where}: ${oneLine(errorMessage(error))}`;
  }
}

function isCertificateError(failure: SmtpFailure): boolean {
  const codes = [failure.code, (failure.cause as SmtpFailure | undefined)?.code].filter(Boolean).join(' ');
  const message = failure instanceof Error ? failure.message : '';
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(codes) || /certificate|self[- ]signed/i.test(message);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
