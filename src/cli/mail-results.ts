import path from 'node:path';
import type { BuildResult } from '../build.js';
import type { Config } from '../config/load.js';
import { composeMessage } from '../email/compose.js';
import { type OutgoingEmail, SendError, sendEmail } from '../email/send.js';
import { parseSmtpUrl, redact, type SmtpServer, smtpUrlVariable } from '../email/smtp-url.js';
import { renderSubject } from '../email/subject.js';
import { BriefpressError, errorMessage } from '../errors.js';
import type { MailFlags } from './build-flags.js';
import type { WriteProblem, Written } from './write-results.js';

/** Above this, a message is refused unless `--mail-max-size` or `mail.maxSize` allows more. */
export const defaultMailLimit = 10 * 1024 * 1024;

/** What mailing a document did, for the report: the CLI's own, beside the build's result. */
export interface Mailed {
  problems: WriteProblem[];
  /** Merged into the document's JSON entry as `mail`. */
  data: Record<string, unknown>;
  /** For people, after the files written. */
  detail: string;
}

export interface Mailer {
  /** The document's message, composed once: the one `--eml` writes is the one sent. */
  compose(result: BuildResult): Promise<OutgoingEmail | undefined>;
  /** Send (or, with `--dry-run`, describe) a document's message, once a run; never throws. */
  send(result: BuildResult, email: OutgoingEmail | undefined, written: Written): Promise<Mailed>;
  /** Where messages go, for `--verbose`. */
  describe(): string;
}

/**
 * Check everything sending needs before anything is built (misuse is a {@link BriefpressError}, exit 2);
 * undefined when this run sends nothing.
 */
export function createMailer(
  flags: MailFlags,
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): Mailer | undefined {
  if (!flags.mail && !flags.mailTo) {
    if (flags.dryRun) throw new BriefpressError('--dry-run needs --mail or --mail-to: it shows what they would send');
    if (flags.mailFrom || flags.mailMaxSize)
      throw new BriefpressError('--mail-from and --mail-max-size need --mail or --mail-to');
    return undefined;
  }
  const settings = config.mail ?? {};
  const from = flags.mailFrom ?? settings.from;
  if (!from) throw new BriefpressError('no sender: set mail.from in the config file, or pass --mail-from');
  const to = flags.mailTo ?? settings.to ?? [];
  const { cc = [], bcc = [] } = settings;
  if (to.length + cc.length + bcc.length === 0)
    throw new BriefpressError('no recipients: pass --mail-to, or set mail.to in the config file');
  const url = env[smtpUrlVariable];
  const server: SmtpServer | undefined = url ? parseSmtpUrl(url) : undefined;
  if (!server && !flags.dryRun)
    throw new BriefpressError(
      `no SMTP server: set ${smtpUrlVariable} to smtp://user:password@host:587 (or smtps://…:465)`,
    );
  const maxSize = flags.mailMaxSize
    ? Math.round(flags.mailMaxSize * 1024 * 1024)
    : (settings.maxSize ?? defaultMailLimit);
  const sent = new Set<string>();
  // One message at a time: a mail server is a shared resource, and a deferral's backoff should hold back the rest.
  let queue: Promise<unknown> = Promise.resolve();

  const subjectFor = (document: NonNullable<BuildResult['document']>) =>
    renderSubject(settings.subject ?? '{{title}}', document.meta, config.options.organisation);

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
        const problems: WriteProblem[] = receipt.rejected.length
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

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
