import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfigFile } from '../src/config/file.js';
import { BriefpressError, parseSmtpUrl, renderSubject, SendError, sendEmail } from '../src/index.js';
import { tempDir } from './helpers.js';
import { startSmtpServer, type TestServer } from './mail-server.js';

const email = {
  message: Buffer.from(
    'From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\nMessage-ID: <1@example.org>\r\n\r\nHello.\r\n',
  ),
  messageId: '<1@example.org>',
  envelope: { from: 'a@example.org', to: ['b@example.org'] },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('sendEmail', () => {
  it('should try a deferred message (4xx) again with backoff until the server takes it', async () => {
    server = await startSmtpServer({
      reply: (_, attempt) => (attempt < 3 ? { code: 451, text: 'Try again later' } : undefined),
    });
    const receipt = await sendEmail(email, `smtp://127.0.0.1:${server.port}`, { retryDelays: [10, 20, 40] });
    expect(server.attempts).toBe(3);
    expect(receipt).toMatchObject({ messageId: '<1@example.org>', accepted: ['b@example.org'], rejected: [] });
    expect(server.received[0]!.raw.equals(email.message)).toBe(true);
  });

  it('should give up after the last retry, saying how often the server deferred it', async () => {
    server = await startSmtpServer({ reply: () => ({ code: 451, text: 'Greylisted' }) });
    const failure = await sendEmail(email, `smtp://127.0.0.1:${server.port}`, { retryDelays: [10, 10] }).catch(
      (error) => error,
    );
    expect(failure).toBeInstanceOf(SendError);
    expect(failure).toMatchObject({ kind: 'deferred' });
    expect(failure.message).toMatch(/deferred the message 3 times: 451 Greylisted/);
    expect(server.attempts).toBe(3);
  });
});

describe('parseSmtpUrl', () => {
  it('should require STARTTLS off this machine, and not on loopback or with plaintext=1', () => {
    expect(parseSmtpUrl('smtp://u:p@mail.example.org')).toMatchObject({ port: 587, secure: false, requireTLS: true });
    expect(parseSmtpUrl('smtps://u:p@mail.example.org')).toMatchObject({ port: 465, secure: true, requireTLS: false });
    expect(parseSmtpUrl('smtp://mail.example.org:25?plaintext=1')).toMatchObject({ port: 25, requireTLS: false });
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])
      expect(parseSmtpUrl(`smtp://${host}:2525`).requireTLS, host).toBe(false);
  });

  it('should decode the credentials and keep the password out of the label and of every error', () => {
    const server = parseSmtpUrl('smtp://me%40example.org:p%40ss%3Aword@mail.example.org:587');
    expect(server.auth).toEqual({ user: 'me@example.org', pass: 'p@ss:word' });
    expect(server.label).toBe('smtp://me%40example.org@mail.example.org:587');
    for (const url of [
      'smtp://u:hunter2@mail.example.org?tls=off',
      'http://u:hunter2@x',
      'smtp://u:hunter2@:x',
      'smtps://u:hunter2@x?plaintext=1',
    ]) {
      const error = (() => {
        try {
          parseSmtpUrl(url);
        } catch (caught) {
          return caught as Error;
        }
      })();
      expect(error, url).toBeInstanceOf(BriefpressError);
      expect(error!.message).not.toContain('hunter2');
    }
  });
});

describe('the subject template and the mail settings', () => {
  const meta = { title: 'Rates {{date}}', series: 'Policy Brief', keywords: [], lang: 'en', date: '2026-01-02' };

  it('should insert the document text as text, never reading it as a template', () => {
    expect(renderSubject('{{series}}: {{title}} – {{ date }}', meta)).toBe('Policy Brief: Rates {{date}} – 2026-01-02');
    expect(renderSubject('{{subtitle}}', meta)).toBe('Rates {{date}}');
    expect(renderSubject('{{title}}', { ...meta, title: 'Two\r\nBcc: x@evil.example' })).toBe(
      'Two Bcc: x@evil.example',
    );
  });

  it('should name the key of a wrong mail setting in the config file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'briefpress.config.json');
    const cases: Array<[object, RegExp]> = [
      [{ mail: { subject: '{{titel}}' } }, /`mail.subject`: unknown placeholder \{\{titel\}\}/],
      [{ mail: { to: ['ok@example.org', 'nobody'] } }, /`mail.to`: "nobody" is not an email address/],
      [
        { mail: { password: 'x' } },
        /`mail.password`: unknown setting \(known: from, to, cc, bcc, replyTo, subject, maxSize\)/,
      ],
    ];
    for (const [config, message] of cases) {
      await writeFile(file, JSON.stringify(config));
      await expect(readConfigFile(file)).rejects.toThrow(message);
    }
    await writeFile(file, JSON.stringify({ mail: { from: 'A <a@example.org>', to: 'b@example.org, c@example.org' } }));
    expect((await readConfigFile(file)).mail).toEqual({
      from: '"A" <a@example.org>',
      to: ['b@example.org', 'c@example.org'],
    });
  });
});
