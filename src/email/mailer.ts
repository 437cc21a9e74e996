import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { ResolvedRun } from '../config/resolve.js';
import { BriefpressError, errorMessage } from '../errors.js';
import { composeMessage } from './compose.js';
import { megabytes } from './limits.js';
import { type OutgoingEmail, SendError, sendEmail } from './send.js';
import { parseSmtpUrl, redact, type SmtpServer, smtpUrlVariable } from './smtp-url.js';
import { renderSubject } from './subject.js';

/** What a run asks of the mail (`build`'s flags): whether to send, and whether only to say what would be sent. */
export interface MailFlags {
  mail?: boolean;
  mailTo?: string[];
  mailFrom?: string;
  mailMaxSize?: number;
  dryRun?: boolean;
}

/** A problem mailing a document (the CLI's own, as its write problems are). */
export interface MailProblem {
  reason: string;
  fatal: boolean;
  rule: string;
}

/** What mailing a document did, for the report: the CLI's own, beside the build's result. */
export interface Mailed {
  problems: MailProblem[];
  /** Merged into the document's JSON entry as `mail`. */
  data: Record<string, unknown>;
  /** For people, after the files written. */
  detail: string;
}

export interface Mailer {
  /** The document's message, composed once: the one `--eml` writes is the one sent. */
  compose(result: BuildResult): Promise<OutgoingEmail | undefined>;
  /** Send (or, with `--dry-run`, describe) a document's message, once a run; never throws. */
  send(result: BuildResult, email: OutgoingEmail | undefined, written: { problems: MailProblem[] }): Promise<Mailed>;
  /** Where messages go, for `--verbose`. */
  describe(): string;
}

/**
 * The mail rules of a run: check everything sending needs before anything is built (misuse is a
 * {@link BriefpressError}, exit 2); undefined when this run sends nothing. Who is mailed, from whom
 * and up to what size are the run's resolved `mail` settings (the config's, then the flags').
 */
export function createMailer(
  flags: MailFlags,
  run: Pick<ResolvedRun, 'mail' | 'settings'>,
  env: NodeJS.ProcessEnv = process.env,
): Mailer | undefined {
  if (!flags.mail && !flags.mailTo) {
    if (flags.dryRun) throw new BriefpressError('--dry-run needs --mail or --mail-to: it shows what they would send');
    if (flags.mailFrom || flags.mailMaxSize)
      throw new BriefpressError('--mail-from and --mail-max-size need --mail or --mail-to');
    return undefined;
  }
  const settings = run.mail;
  const { from, to = [], cc = [], bcc = [], maxSize } = settings;
  if (!from) throw new BriefpressError('no sender: set mail.from in the config file, or pass --mail-from');
  if (to.length + cc.length + bcc.length === 0)
    throw new BriefpressError('no recipients: pass --mail-to, or set mail.to in the config file');
  const url = env[smtpUrlVariable];
  const server: SmtpServer | undefined = url ? parseSmtpUrl(url) : undefined;
  if (!server && !flags.dryRun)
    throw new BriefpressError(
      `no SMTP server: set ${smtpUrlVariable} to smtp://user:password@host:587 (or smtps://…:465)`,
    );
  const sent = new Set<string>();
  // One message at a time: a mail server is a shared resource, and a deferral's backoff should hold back the rest.
  let queue: Promise<unknown> = Promise.resolve();

  const subjectFor = (document: NonNullable<BuildResult['document']>) =>
    renderSubject(settings.subject ?? '{{title}}', document.meta, run.settings.organisation);

  const mailer: Mailer = {
    async compose(result) {
      if (result.error || !result.document) return undefined;
      const subject = subjectFor(result.document);
      const attachments = result.outputs.map((output) => ({ fileName: output.fileName, pdf: output.pdf }));
      // A message's Date is when it is sent; the one an --eml alone writes keeps the document's (reproducible).
      return composeMessage(result.document, attachments, { from, to, cc, bcc, replyTo: settings.replyTo, subject });
    },
    async send(result, email, written) {
      const headers = { from, to, cc, bcc };
      if (!email || !result.document || written.problems.some((problem) => problem.fatal))
        return { problems: [], data: { mail: null }, detail: '' };
      const base = {
        ...headers,
        subject: subjectFor(result.document),
        bytes: email.message.byteLength,
        dryRun: Boolean(flags.dryRun),
      };
      const size = megabytes(email.message.byteLength);
      const refuse = (reason: string, rule: string): Mailed => ({
        problems: [{ reason, fatal: true, rule }],
        data: { mail: { ...base, sent: false, messageId: null, accepted: [], rejected: [], error: reason } },
        detail: '',
      });
      if (email.message.byteLength > maxSize)
        return refuse(
          `not mailed: the message is ${size}, over the ${megabytes(maxSize)} limit (raise it with --mail-max-size or mail.maxSize)`,
          'mail-size',
        );
      const key = path.resolve(result.path);
      if (sent.has(key))
        return {
          problems: [
            {
              reason: 'not mailed again: this document was already sent in this run',
              fatal: false,
              rule: 'mail-duplicate',
            },
          ],
          data: { mail: { ...base, sent: false, messageId: null, accepted: [], rejected: [], error: null } },
          detail: '',
        };
      sent.add(key);
      const whom = describeRecipients(headers);
      if (flags.dryRun || !server)
        return {
          problems: [],
          data: { mail: { ...base, sent: false, messageId: email.messageId, accepted: [], rejected: [], error: null } },
          detail: `would mail "${base.subject}" (${size}) from ${from} to ${whom}: dry run, nothing sent`,
        };
      const attempt = queue.then(() => sendEmail(email, server));
      queue = attempt.catch(() => undefined);
      try {
        const receipt = await attempt;
        const problems: MailProblem[] = receipt.rejected.length
          ? [
              {
                reason: `the server refused these recipients: ${receipt.rejected.join(', ')}`,
                fatal: false,
                rule: 'mail-rejected',
              },
            ]
          : [];
        return {
          problems,
          data: { mail: { ...base, sent: true, ...receipt, error: null } },
          detail: `mailed (${size}) to ${receipt.accepted.join(', ')}`,
        };
      } catch (error: unknown) {
        const reason = error instanceof SendError ? error.message : redact(errorMessage(error), server.secrets);
        return refuse(`not mailed: ${reason}`, 'mail');
      }
    },
    describe() {
      const tls = !server
        ? ''
        : server.secure
          ? ' (TLS)'
          : server.requireTLS
            ? ' (STARTTLS required)'
            : ' (TLS when offered)';
      return `mail: from ${from} to ${describeRecipients({ to, cc, bcc })} via ${server?.label ?? 'no server (dry run)'}${tls}${flags.dryRun ? ', dry run' : ''}`;
    },
  };
  return mailer;
}

function describeRecipients({ to, cc, bcc }: { to: string[]; cc: string[]; bcc: string[] }): string {
  return [
    to.join(', '),
    ...(cc.length ? [`cc ${cc.join(', ')}`] : []),
    ...(bcc.length ? [`bcc ${bcc.join(', ')}`] : []),
  ]
    .filter(Boolean)
    .join('; ');
}
