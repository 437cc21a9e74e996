import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { root } from './helpers.js';

const run = promisify(execFile);
const script = path.join(root, 'scripts', 'verapdf.sh');

/** What makes veraPDF available on a Debian machine (what `.ci/run` does; `npm test`'s pretest fetches it). */
export const installVerapdf = 'apt-get install default-jre-headless maven && scripts/verapdf.sh fetch';

/** Whether veraPDF can run here: Java on the PATH and veraPDF's jars in the cache `scripts/verapdf.sh` uses. */
export function verapdfAvailable(): boolean {
  const version = /<verapdf\.version>(.*)<\/verapdf\.version>/.exec(
    readFileSync(path.join(root, 'scripts', 'verapdf', 'pom.xml'), 'utf8'),
  )?.[1];
  const cache =
    process.env.BRIEFPRESS_VERAPDF_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'briefpress', 'verapdf');
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, 'java')));
  return onPath && existsSync(path.join(cache, version ?? '', `greenfield-apps-${version}.jar`));
}

export interface FailedRule {
  clause: string;
  test: string;
  description: string;
  failedChecks: number;
}

/** One validation: whether the file complies, and the rules it fails. */
export interface Verdict {
  compliant: boolean;
  failed: FailedRule[];
}

/**
 * Validate PDFs against a veraPDF profile in one run (one JVM for every file): each file's verdict,
 * read from veraPDF's machine-readable report (mrr).
 */
export async function verapdf(flavour: 'ua1' | '2b', files: string[]): Promise<Map<string, Verdict>> {
  const { stdout } = await run(script, [flavour, ...files], { maxBuffer: 256 * 1024 * 1024 }).catch(
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      // 1: some file failed a rule, which the report says; anything else is veraPDF failing.
      if (error.code === 1 && error.stdout) return { stdout: error.stdout };
      throw new Error(`veraPDF failed (${error.code}): ${error.stderr}`);
    },
  );
  return parseReport(stdout);
}

/** Each `<job>` of an mrr report: the file it validated and its verdict. */
export function parseReport(xml: string): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  for (const [job] of xml.matchAll(/<job>[\s\S]*?<\/job>/g)) {
    const name = /<name>([^<]*)<\/name>/.exec(job)?.[1];
    const report = /<validationReport [^>]*isCompliant="(true|false)"/.exec(job);
    if (!name) continue;
    const failed = [...job.matchAll(/<rule ([^>]*status="failed"[^>]*)>([\s\S]*?)<\/rule>/g)].map(
      ([, attributes, body]) => {
        const attribute = (key: string) => new RegExp(`${key}="([^"]*)"`).exec(attributes!)?.[1] ?? '';
        return {
          clause: `${attribute('specification')} ${attribute('clause')}`,
          test: attribute('testNumber'),
          description: /<description>([^<]*)<\/description>/.exec(body!)?.[1] ?? '',
          failedChecks: Number(attribute('failedChecks')),
        };
      },
    );
    // No validation report at all (a file veraPDF could not parse) is no compliance.
    verdicts.set(unescapeXml(name), { compliant: report?.[1] === 'true', failed });
  }
  return verdicts;
}

const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!,
  );

/** A verdict's failed rules, one a line, for an assertion's message. */
export function describeFailures({ failed }: Verdict): string {
  return failed.map((rule) => `${rule.clause}-${rule.test} (${rule.failedChecks}×): ${rule.description}`).join('\n');
}
