/**
 * Which CJK face draws a character, as Chromium would choose it. The Han characters are shared by the
 * four CJK families, each drawing them as its language writes them, and `templates/base.css` puts the
 * document's language's family first. Chromium, meeting a character in a face not yet loaded, starts
 * that load and tries the next family of the stack meanwhile, which starts its load too: given every
 * family's slices, it loads every slice of all four families that covers a character of the page
 * (~800 files, 36 MB for a three-page Chinese brief), and spends most of the build decoding them. The
 * first family that draws a character is the one that prints it: only its slices need be on the page,
 * and the print is the same. What a family draws is what its slice's file holds, not only what the
 * slice's `unicode-range` lists (a Traditional Chinese slice lists Simplified 报 and lacks it).
 */

/** A CJK family of the shipped fonts: `Noto Serif SC` → kind `Serif`, script `SC`. */
const cjkFamily = /^Noto (Serif|Sans) (JP|KR|SC|TC)$/;

/** The CJK scripts in the order `templates/base.css` stacks them for `lang` (keep the two in step). */
function orderFor(lang: string): string[] {
  if (/^ko(?:-|$)/i.test(lang)) return ['KR', 'JP', 'SC', 'TC'];
  if (/^zh-(?:hant|tw|hk|mo)(?:-|$)/i.test(lang)) return ['TC', 'SC', 'JP', 'KR'];
  if (/^zh(?:-|$)/i.test(lang)) return ['SC', 'TC', 'JP', 'KR'];
  return ['JP', 'KR', 'SC', 'TC'];
}

/** The orders of every language the page names (`lang="…"`), or the default order when it names none. */
export function cjkOrders(html: string): string[][] {
  const langs = new Set([...html.matchAll(/\blang\s*=\s*["']?([^"'\s>]*)/gi)].map((match) => match[1] ?? ''));
  if (langs.size === 0) langs.add('');
  const orders = new Map(
    [...langs].map((lang) => {
      const order = orderFor(lang);
      return [order.join(), order];
    }),
  );
  return [...orders.values()];
}

/**
 * Whether the face of `family` may draw `point` on a page whose stacks are `orders`: always for a family
 * that is not one of the CJK ones, else when no family before it in one of the orders `covers` it.
 */
export function drawsFirst(
  family: string | undefined,
  point: number,
  orders: string[][],
  covers: (family: string, point: number) => boolean,
): boolean {
  const match = family ? cjkFamily.exec(family) : null;
  if (!match) return true;
  const [, kind, script] = match;
  return orders.some((order) => order.find((other) => covers(`Noto ${kind} ${other}`, point)) === script);
}
