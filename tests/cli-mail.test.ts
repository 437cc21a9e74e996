import { cp, readFile, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, seed, tempDir } from './helpers.js';
import { type Received, startSmtpServer, type TestServer, testCertificate } from './mail-server.js';

interface MailEntry {
  sent: boolean;
  dryRun: boolean;
  subject: string;
  bytes: number;
  messageId: string | null;
  accepted: string[];
  rejected: string[];
  error: string | null;
}

interface Report {
  documents: Array<{
    input: string;
    ok: boolean;
    error: string | null;
    mail?: MailEntry | null;
    messages: Array<{ reason: string; rule: string }>;
  }>;
}

const password = 'Tr0ub4dor&3 s3cret';
const smtpUrl = (server: TestServer, query = '') =>
  `smtp://briefs:${encodeURIComponent(password)}@${server.host.includes(':') ? `[${server.host}]` : server.host}:${server.port}${query}`;

const mailConfig = {
  organisation: 'Harbour Institute',
  out: 'briefs',
  mail: {
    from: '"Harbour Institute" <briefs@harbour.example>',
    cc: 'council@harbour.example',
    bcc: ['archive@harbour.example'],
    subject: '{{title}} ({{date}})',
  },
};

/** A project with two good briefs, one broken one and a config that names the sender. */
async function project(config: object = mailConfig): Promise<string> {
  const dir = await tempDir();
  await cp(fixture('cli', 'project', 'content'), path.join(dir, 'content'), { recursive: true });
  await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify(config));
  await writeFile(
    path.join(dir, 'content', 'second.md'),
    '---\ntitle: "Second {{title}} brief"\ndate: 2026-04-02\n---\n\nA second brief. It says one thing.\n\n## Detail\n\nThe detail is short.\n',
  );
  await writeFile(path.join(dir, 'content', 'broken.md'), '---\ntitle: Broken\ndate: 2026-13-45\n---\n\nText.\n');
  return dir;
}

const servers: TestServer[] = [];
async function server(...args: Parameters<typeof startSmtpServer>): Promise<TestServer> {
  const started = await startSmtpServer(...args);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

const parse = (message: Received) => simpleParser(message.raw);

describe('briefpress build --mail-to through a real SMTP server', () => {
  let dir: string;
  let smtp: TestServer;
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: Report;

  beforeAll(async () => {
    dir = await project();
    smtp = await startSmtpServer({ users: { briefs: password } });
    try {
      result = await runCli(
        ['build', 'content', '--json', '--eml', '--mail-to', 'minister@gov.example, "A. Aide" <aide@gov.example>'],
        {
          cwd: dir,
          env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
        },
      );
    } finally {
      await smtp.close();
    }
    report = JSON.parse(result.stdout) as Report;
  });

  it('should send one message for each document built, and none for the one that failed', () => {
    expect(result.code).toBe(1);
    expect(smtp.received).toHaveLength(2);
    const broken = report.documents.find((entry) => entry.input.endsWith('broken.md'))!;
    expect(broken).toMatchObject({ ok: false, mail: null });
  });

  it('should deliver both PDFs byte for byte, with the From, To, Cc and Subject of the config and the flag', async () => {
    const message = smtp.received.find((mail) => mail.raw.includes('Dredging'))!;
    expect(message.user).toBe('briefs');
    const mail = await parse(message);
    expect(mail.from?.value).toEqual([{ name: 'Harbour Institute', address: 'briefs@harbour.example' }]);
    expect([mail.to].flat().flatMap((to) => to!.value.map((address) => address.address))).toEqual([
      'minister@gov.example',
      'aide@gov.example',
    ]);
    expect([mail.cc].flat()[0]!.text).toBe('council@harbour.example');
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('Dredging the Old Harbour (2026-03-01)');
    expect(mail.text).toContain('Dredging pays for itself within nine years.');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual([
      'harbour.brief.pdf',
      'harbour.summary.pdf',
    ]);
    for (const attachment of mail.attachments)
      expect(attachment.content.equals(await readFile(path.join(dir, 'briefs', attachment.filename!)))).toBe(true);
  });

  it('should put the Bcc recipients in the envelope only, and send the very message --eml wrote', async () => {
    const message = smtp.received.find((mail) => mail.raw.includes('Dredging'))!;
    expect(message.from).toBe('briefs@harbour.example');
    expect(message.to.sort()).toEqual(
      ['aide@gov.example', 'archive@harbour.example', 'council@harbour.example', 'minister@gov.example'].sort(),
    );
    expect(message.raw.toString()).not.toMatch(/^Bcc:/im);
    expect(message.raw.equals(await readFile(path.join(dir, 'briefs', 'harbour.eml')))).toBe(true);
  });

  it('should fill the subject template with the document text as data, never as a template', async () => {
    const mail = await parse(smtp.received.find((message) => message.raw.includes('second.brief.pdf'))!);
    expect(mail.subject).toBe('Second {{title}} brief (2026-04-02)');
  });

  it('should list each message id and the accepted and rejected recipients in the JSON report', async () => {
    const harbour = report.documents.find((entry) => entry.input.endsWith('harbour.md'))!;
    const mail = await parse(smtp.received.find((message) => message.raw.includes('Dredging'))!);
    expect(harbour.ok).toBe(true);
    expect(harbour.mail).toMatchObject({ sent: true, dryRun: false, messageId: mail.messageId, rejected: [] });
    expect(harbour.mail!.accepted).toHaveLength(4);
    expect(harbour.mail!.bytes).toBe(smtp.received.find((message) => message.raw.includes('Dredging'))!.raw.byteLength);
  });
});

describe('briefpress build --mail: safety and failures', () => {
  it('should say what would be sent, to whom and how large with --dry-run, and send nothing', async () => {
    const dir = await project();
    const smtp = await server({ users: { briefs: password } });
    const result = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example', '--dry-run'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /would mail "Dredging the Old Harbour \(2026-03-01\)" \([\d.]+ kB\) from "Harbour Institute" <briefs@harbour\.example> to minister@gov\.example; cc council@harbour\.example; bcc archive@harbour\.example: dry run, nothing sent/,
    );
    expect(smtp.attempts).toBe(0);
    expect(smtp.received).toEqual([]);
  });

  it('should name the document and the refused login on one line, never the password, and exit 1', async () => {
    const dir = await project();
    const smtp = await server({ users: { briefs: 'the right one' } });
    const result = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example', '--json'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
    });
    expect(result.code).toBe(1);
    expect(smtp.received).toEqual([]);
    const [entry] = (JSON.parse(result.stdout) as Report).documents;
    expect(entry!.error).toMatch(
      /^content\/harbour\.md: not mailed: 127\.0\.0\.1:\d+ refused the login of "briefs": 535/,
    );
    const plain = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example', '--verbose'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
    });
    expect(plain.stderr).toMatch(/^content\/harbour\.md: error: not mailed: .*refused the login.*535.*$/m);
    expect(plain.stderr).toContain(`via smtp://briefs@127.0.0.1:${smtp.port}`);
    for (const output of [result.stdout, result.stderr, plain.stdout, plain.stderr]) {
      expect(output).not.toContain(password);
      expect(output).not.toContain(encodeURIComponent(password));
    }
  });

  it('should require authentication when the server does, and fail without credentials', async () => {
    const dir = await project();
    const smtp = await server({ users: { briefs: password } });
    const result = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/harbour\.md: error: not mailed: .*53\d/);
    expect(smtp.received).toEqual([]);
  });

  it('should send over STARTTLS to a server whose certificate is trusted, and refuse one that is not', async () => {
    const dir = await project();
    const certificate = await testCertificate();
    const smtp = await server({ users: { briefs: password }, tls: certificate });
    const url = smtpUrl({ ...smtp, host: 'localhost' });
    const trusted = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: url, NODE_EXTRA_CA_CERTS: certificate.certFile },
    });
    expect(trusted.stderr).toBe('');
    expect(trusted.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.secure).toBe(true);

    const untrusted = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: url },
    });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(
      /content\/harbour\.md: error: not mailed: no TLS connection to localhost:\d+: .*certificate/,
    );
    expect(smtp.received).toHaveLength(1);
  });

  it('should report a message the server refuses (5xx) and still send the other documents', async () => {
    const dir = await project();
    const smtp = await server({
      users: { briefs: password },
      reply: (raw) => (raw.includes('Dredging') ? { code: 552, text: 'Message content rejected' } : undefined),
    });
    const result = await runCli(['build', 'content', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^content\/harbour\.md: error: not mailed: 127\.0\.0\.1:\d+ refused the message: 552 Message content rejected$/m,
    );
    expect(smtp.attempts).toBe(2); // a 5xx is not tried again
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.raw.includes('second.brief.pdf')).toBe(true);
  });

  it('should say a server that is down cannot be reached, naming the document, and exit 1', async () => {
    const dir = await project();
    const down = await startSmtpServer();
    await down.close();
    const result = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(down) },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^content/harbour\\.md: error: not mailed: cannot reach 127\\.0\\.0\\.1:${down.port}: .*ECONNREFUSED`,
        'm',
      ),
    );
  });

  it('should send nothing for a document --strict fails, nor a message over the size limit', async () => {
    const dir = await project();
    // The seed's body ten times: the summary must leave content out, which --strict makes an error.
    const source = await readFile(seed, 'utf8');
    const end = source.indexOf('\n---\n', 4) + 5;
    await writeFile(path.join(dir, 'content', 'overfull.md'), source.slice(0, end) + source.slice(end).repeat(10));
    const smtp = await server({ users: { briefs: password } });
    const env = { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) };
    const strict = await runCli(
      ['build', 'content/overfull.md', '--only', 'summary', '--strict', '--mail-to', 'minister@gov.example'],
      {
        cwd: dir,
        env,
      },
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict forbids leaving content out');
    const large = await runCli(
      ['build', 'content/harbour.md', '--mail-to', 'minister@gov.example', '--mail-max-size', '0.01'],
      {
        cwd: dir,
        env,
      },
    );
    expect(large.code).toBe(1);
    expect(large.stderr).toMatch(
      /content\/harbour\.md: error: not mailed: the message is [\d.]+ kB, over the 10\.2 kB limit/,
    );
    expect(smtp.attempts).toBe(0);
  });

  it('should send a document named twice in one run once', async () => {
    const dir = await project();
    const smtp = await server({ users: { briefs: password } });
    const result = await runCli(
      ['build', 'content/harbour.md', './content/harbour.md', '--mail-to', 'minister@gov.example'],
      {
        cwd: dir,
        env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
      },
    );
    expect(result.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(result.stderr).toContain('warning: not mailed again: this document was already sent in this run');
  });

  it('should refuse plain text to a server elsewhere than this machine unless the URL says plaintext=1', async (context) => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;
    if (!address) return context.skip('this machine has no address but loopback');
    const dir = await project();
    const smtp = await server({ host: address, users: { briefs: password } });
    const refused = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp) },
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/content\/harbour\.md: error: not mailed: no TLS connection to .*STARTTLS/i);
    expect(smtp.received).toEqual([]);
    const allowed = await runCli(['build', 'content/harbour.md', '--mail-to', 'minister@gov.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: smtpUrl(smtp, '?plaintext=1') },
    });
    expect(allowed.code).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('should refuse to start, exit 2, with no server, no sender, or --dry-run alone', async () => {
    const dir = await project();
    const noServer = await runCli(['build', 'content/harbour.md', '--mail-to', 'a@b.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: '' },
    });
    expect(noServer).toMatchObject({ code: 2, stdout: '' });
    expect(noServer.stderr).toContain('set BRIEFPRESS_SMTP_URL');
    const noSender = await runCli(['build', 'content/harbour.md', '--mail-to', 'a@b.example', '--dry-run'], {
      cwd: await project({}),
    });
    expect(noSender.code).toBe(2);
    expect(noSender.stderr).toContain('no sender: set mail.from');
    const dryAlone = await runCli(['build', 'content/harbour.md', '--dry-run'], { cwd: dir });
    expect(dryAlone.code).toBe(2);
    const badUrl = await runCli(['build', 'content/harbour.md', '--mail-to', 'a@b.example'], {
      cwd: dir,
      env: { BRIEFPRESS_SMTP_URL: `smtp://briefs:${password}@host:notaport` },
    });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('BRIEFPRESS_SMTP_URL is not a URL');
    expect(badUrl.stderr).not.toContain(password);
    const badAddress = await runCli(['build', 'content/harbour.md', '--mail-to', 'not an address'], { cwd: dir });
    expect(badAddress.code).not.toBe(0);
    expect(badAddress.stderr).toContain('is not an email address');
  });
});
