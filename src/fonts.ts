import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** A font family shipped from npm as an `@fontsource/*` package. */
export interface FontSource {
  /** npm package, e.g. `@fontsource/source-serif-4`. */
  package: string;
  /** CSS files of that package to use, e.g. `['400', '400-italic', '700']`. */
  faces: string[];
}

/**
 * Text in Source Serif 4, headings and furniture in Source Sans 3: both cover Latin, Greek,
 * Cyrillic and Vietnamese. Noto Serif/Sans Devanagari take Hindi, Marathi and Nepali (only their
 * Devanagari subset: the Source faces set the Latin), and the monochrome Noto Emoji takes emoji,
 * which print as grey-scale outlines, not as boxes. Code is set in Source Code Pro. `templates/base.css` stacks them in this order.
 */
export const defaultFonts: FontSource[] = [
  { package: '@fontsource/source-serif-4', faces: ['400', '400-italic', '600', '700'] },
  { package: '@fontsource/source-sans-3', faces: ['400', '600', '700'] },
  { package: '@fontsource/noto-serif-devanagari', faces: ['devanagari-400', 'devanagari-700'] },
  { package: '@fontsource/noto-sans-devanagari', faces: ['devanagari-400', 'devanagari-600', 'devanagari-700'] },
  { package: '@fontsource/noto-emoji', faces: ['400'] },
  { package: '@fontsource/source-code-pro', faces: ['400'] },
];

const cache = new Map<string, Promise<string>>();

/**
 * `@font-face` rules for the given fonts, every file inlined as a `data:` URL.
 * Inlined because a page filled with `setContent` has an `about:blank` origin that
 * cannot load `file://` fonts; read once per process and shared by every document.
 */
export function fontFaceCss(fonts: FontSource[] = defaultFonts): Promise<string> {
  const key = JSON.stringify(fonts);
  let css = cache.get(key);
  if (!css) {
    css = Promise.all(fonts.flatMap((font) => font.faces.map((face) => inlineFace(font.package, face)))).then(
      (parts) => parts.join('\n'),
    );
    cache.set(key, css);
  }
  return css;
}

async function inlineFace(pkg: string, face: string): Promise<string> {
  const cssPath = require.resolve(`${pkg}/${face}.css`);
  const css = await readFile(cssPath, 'utf8');
  const dir = path.dirname(cssPath);
  const range = await subsetRange(dir, face);
  const rules = await Promise.all(
    css.split(/(?=@font-face)/).map(async (rule) => {
      // Keep only the woff2 source: every Chromium reads it, and the PDF embeds a subset anyway.
      const match = /url\((\.\/files\/[^)]+\.woff2)\) format\('woff2'\)/.exec(rule);
      if (!match?.[1]) return '';
      const data = await readFile(path.join(dir, match[1]));
      const inlined = rule.replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');`);
      return range && !/unicode-range/.test(inlined) ? inlined.replace(/;\s*}/, `;\n  unicode-range: ${range};\n}`) : inlined;
    }),
  );
  return rules.join('');
}

/**
 * The characters a one-subset face (`devanagari-400`) covers, from the package's `unicode.json`: its
 * CSS file leaves `unicode-range` out, which would keep the face in every document (see `fontFacesFor`).
 */
async function subsetRange(dir: string, face: string): Promise<string | undefined> {
  const ranges = JSON.parse(await readFile(path.join(dir, 'unicode.json'), 'utf8').catch(() => '{}')) as Record<string, string>;
  const subset = Object.keys(ranges).find((name) => face.startsWith(`${name}-`));
  return subset && ranges[subset];
}
