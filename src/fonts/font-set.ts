import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cache } from '../caches.js';
import { BriefpressError } from '../errors.js';
import { LazyFiles } from './lazy-files.js';
import { mathStyles } from './math-fonts.js';

const require = createRequire(import.meta.url);

/**
 * Where the page finds the files briefpress serves it from memory (the request policy's `files`). The
 * templates' CSP names it. `.invalid` is reserved (RFC 2606): a request let past would reach no one.
 */
export const fontOrigin = 'http://briefpress.invalid';

/** A font family shipped from npm as an `@fontsource/*` package. */
export interface FontSource {
  /** npm package, e.g. `@fontsource/source-serif-4`. */
  package: string;
  /** CSS files of that package to use, e.g. `['400', '400-italic', '700']`. */
  faces: string[];
  /**
   * Only the numbered slices (`[0]` … `[119]`) of a CJK family: its Latin, Cyrillic and Vietnamese are the
   * text faces' to set. Their files are read when a page asks for one (see `LazyFiles`).
   */
  cjk?: boolean;
}

/**
 * Text in Source Serif 4, headings and furniture in Source Sans 3: both cover Latin, Greek,
 * Cyrillic and Vietnamese. Noto Serif/Sans Devanagari take Hindi, Marathi and Nepali (only their
 * Devanagari subset: the Source faces set the Latin), Noto Naskh Arabic and Noto Sans Arabic take
 * Arabic, Persian and Urdu, Noto Serif/Sans Hebrew take Hebrew (their script subsets only, all
 * OFL-1.1); Noto Serif/Sans JP, KR, SC and TC take Japanese, Korean and Chinese (Simplified,
 * Traditional), only the slices of them a page uses; and the monochrome Noto Emoji takes emoji,
 * which print as grey-scale outlines, not as boxes. Code is set in Source Code Pro. `templates/base.css` stacks them in this order.
 */
export const defaultFonts: FontSource[] = [
  { package: '@fontsource/source-serif-4', faces: ['400', '400-italic', '600', '700'] },
  { package: '@fontsource/source-sans-3', faces: ['400', '600', '700'] },
  { package: '@fontsource/noto-serif-devanagari', faces: ['devanagari-400', 'devanagari-700'] },
  { package: '@fontsource/noto-sans-devanagari', faces: ['devanagari-400', 'devanagari-600', 'devanagari-700'] },
  { package: '@fontsource/noto-naskh-arabic', faces: ['arabic-400', 'arabic-700'] },
  { package: '@fontsource/noto-sans-arabic', faces: ['arabic-400', 'arabic-600', 'arabic-700'] },
  { package: '@fontsource/noto-serif-hebrew', faces: ['hebrew-400', 'hebrew-700'] },
  { package: '@fontsource/noto-sans-hebrew', faces: ['hebrew-400', 'hebrew-600', 'hebrew-700'] },
  ...['jp', 'kr', 'sc', 'tc'].flatMap((script): FontSource[] => [
    { package: `@fontsource/noto-serif-${script}`, faces: ['400', '700'], cjk: true },
    { package: `@fontsource/noto-sans-${script}`, faces: ['400', '700'], cjk: true },
  ]),
  { package: '@fontsource/noto-emoji', faces: ['400'] },
  { package: '@fontsource/source-code-pro', faces: ['400'] },
];

/** The fonts of a build, ready to serve. */
export interface FontSet {
  /** Every `@font-face` rule, each file at a URL of `fontOrigin`. */
  css: string;
  /** The font files, by URL. */
  files: ReadonlyMap<string, Uint8Array>;
  /** KaTeX's style sheet and font faces, for a page that holds typeset math. */
  mathCss: string;
}

const fontSets = cache<string, Promise<FontSet>>();

/**
 * The `@font-face` rules of the given fonts and their files, read once per process and shared by every
 * document. The page loads the files by URL rather than inlined as `data:` URLs: Chromium then keeps
 * each one decoded in its memory cache, where an inlined font is decoded again for every document, and
 * every print of a long batch grows slower than the one before.
 */
export function fontSet(fonts: FontSource[] = defaultFonts): Promise<FontSet> {
  const key = JSON.stringify(fonts);
  let set = fontSets.get(key);
  if (!set) {
    set = (async () => {
      const files = new LazyFiles();
      const faces = await Promise.all(fonts.flatMap((font) => font.faces.map((face) => faceRules(font, face, files))));
      const mathCss = await mathStyles(fontOrigin, files);
      return { css: faces.join('\n'), files, mathCss };
    })();
    fontSets.set(key, set);
  }
  return set;
}

/** `html` with every font URL of `files` replaced by a `data:` URL: an HTML file that stands alone (`--html`). */
export function inlineFonts(html: string, files: FontSet['files']): string {
  return html.replace(fontUrl, (url) => {
    const data = files.get(url);
    return data ? `data:font/woff2;base64,${Buffer.from(data).toString('base64')}` : url;
  });
}

const fontUrl = new RegExp(`${fontOrigin.replace(/\./g, '\\.')}/fonts/[\\da-f]+\\.woff2`, 'g');

async function faceRules(font: FontSource, face: string, files: LazyFiles): Promise<string> {
  const pkg = font.package;
  let cssPath: string;
  try {
    cssPath = require.resolve(`${pkg}/${face}.css`);
  } catch (error: unknown) {
    throw new BriefpressError(
      `font ${pkg}, face ${face}: not found (${face}.css); install the package (npm install ${pkg}) or fix \`fonts\` in the config`,
      { cause: error },
    );
  }
  const css = await readFile(cssPath, 'utf8');
  const dir = path.dirname(cssPath);
  const range = await subsetRange(dir, face);
  const version = font.cjk ? await versionOf(dir) : '';
  const rules = await Promise.all(
    css.split(/(?=@font-face)/).map(async (rule) => {
      // Keep only the woff2 source: every Chromium reads it, and the PDF embeds a subset anyway.
      const match = /url\((\.\/files\/[^)]+\.woff2)\) format\('woff2'\)/.exec(rule);
      if (!match?.[1]) return '';
      const file = path.join(dir, match[1]);
      let url: string;
      if (font.cjk) {
        if (!/-\d+-\d+-(normal|italic)\.woff2$/.test(file)) return '';
        // Named by package version and file, which fix its content, so that it is read only when asked for.
        url = `${fontOrigin}/fonts/${hash(`${pkg}@${version}/${match[1]}`)}.woff2`;
        files.register(url, file);
      } else {
        const data = await readFile(file);
        // Named by content: the page's cache may then keep a file as long as it likes.
        url = `${fontOrigin}/fonts/${hash(data)}.woff2`;
        files.set(url, data);
      }
      const served = rule.replace(/src:[^;]+;/, `src: url(${url}) format('woff2');`);
      return range && !/unicode-range/.test(served)
        ? served.replace(/;\s*}/, `;\n  unicode-range: ${range};\n}`)
        : served;
    }),
  );
  return rules.join('');
}

function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

async function versionOf(dir: string): Promise<string> {
  return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The characters a one-subset face (`devanagari-400`) covers, from the package's `unicode.json`: its
 * CSS file leaves `unicode-range` out, which would keep the face in every document (see `fontFacesFor`).
 */
async function subsetRange(dir: string, face: string): Promise<string | undefined> {
  const ranges = JSON.parse(await readFile(path.join(dir, 'unicode.json'), 'utf8').catch(() => '{}')) as Record<
    string,
    string
  >;
  const subset = Object.keys(ranges).find((name) => face.startsWith(`${name}-`));
  return subset && ranges[subset];
}
