import Handlebars from 'handlebars';
import type { BriefDocument } from '../markdown/document-model.js';
import { mailSizeLimit } from './limits.js';
import type { OutgoingEmail } from './send.js';

/** Above this, many mail servers refuse a message. */
export const attachmentLimit = mailSizeLimit;

export interface EmailAttachment {
  fileName: string;
  pdf: Uint8Array;
}

export interface EmailOptions {
  from?: string;
  /** Recipients: one address, a comma-separated list or an array. */
  to?: string | string[];
  cc?: string | string[];
  /** In the envelope only: the message's bytes do not name them. */
  bcc?: string | string[];
  replyTo?: string;
  /** @default the title */
  subject?: string;
  /** The message's Date header. @default now */
  date?: Date;
}

/**
 * A MIME message (RFC 5322) ready to send or to open in a mail client: the title as subject,
 * the bottom line and key points as text and HTML, the PDFs attached. Nothing is sent.
 */
export async function composeEmail(
  document: BriefDocument,
  attachments: EmailAttachment[],
  options: EmailOptions = {},
): Promise<Buffer> {
  return (await composeMessage(document, attachments, options)).message;
}

/** {@link composeEmail}, with what sending it takes: its Message-ID and its envelope (Bcc included). */
export async function composeMessage(
  document: BriefDocument,
  attachments: EmailAttachment[],
  options: EmailOptions = {},
): Promise<OutgoingEmail> {
  const { meta, summary, keyPoints } = document;
  const files = attachments.map((attachment) => attachment.fileName);
  const text = [
    meta.title,
    ...(meta.subtitle ? [meta.subtitle] : []),
    '',
    ...(summary ? ['Bottom line', summary, ''] : []),
    ...(keyPoints.length ? ['Key points', ...keyPoints.map((point) => `- ${point}`), ''] : []),
    `Attached: ${files.join(', ')}`,
    '',
  ].join('\n');
  const e = Handlebars.escapeExpression;
  const html = [
    `<!doctype html><html lang="${e(meta.lang)}"><head><meta charset="utf-8"><title>${e(meta.title)}</title></head><body>`,
    `<h1>${e(meta.title)}</h1>`,
    meta.subtitle ? `<p><em>${e(meta.subtitle)}</em></p>` : '',
    summary ? `<h2>Bottom line</h2><p>${e(summary)}</p>` : '',
    keyPoints.length ? `<h2>Key points</h2><ul>${keyPoints.map((point) => `<li>${e(point)}</li>`).join('')}</ul>` : '',
    `<p>Attached: ${files.map(e).join(', ')}</p></body></html>`,
  ].join('\n');
  // Loaded when a message is made: most builds make none, and nodemailer is slow to load.
  const [{ default: MailComposer }, { encodeWord }] = await Promise.all([
    import('nodemailer/lib/mail-composer'),
    import('nodemailer/lib/mime-funcs'),
  ]);
  const subject = options.subject ?? meta.title;
  const composer = new MailComposer({
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    ...(options.cc ? { cc: options.cc } : {}),
    ...(options.bcc ? { bcc: options.bcc } : {}),
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    // A subject holding `=?…?=` is encoded whole, here: sent as it is, a mail client would decode that part
    // as an RFC 2047 encoded-word into whatever the author hid in it ("APPROVED Bcc: …"), not show what was typed.
    ...(subject.includes('=?')
      ? {
          headers: {
            Subject: {
              prepared: true,
              foldLines: true,
              value: encodeWord(subject.replace(/\s+/g, ' ').trim(), 'B', 52),
            },
          },
        }
      : { subject }),
    date: options.date ?? new Date(),
    text,
    html,
    attachments: attachments.map(({ fileName, pdf }) => ({
      filename: fileName,
      content: Buffer.from(pdf),
      contentType: 'application/pdf',
    })),
  });
  const node = composer.compile();
  const { from, to } = node.getEnvelope();
  // An address both in To and in Bcc is one recipient: a server given it twice may deliver it twice.
  const recipients = [...new Map(to.map((address) => [address.toLowerCase(), address])).values()];
  // The text parts hold bare line feeds, which an SMTP server's data stream turns into CRLF: made CRLF here,
  // the file --eml writes is byte for byte the message sent. (The output is 7-bit: latin1 keeps every byte.)
  const message = Buffer.from((await node.build()).toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  return { message, messageId: node.messageId(), envelope: { from: from || '', to: recipients } };
}
