// The sections of a document as the summary reads them: apparatus left out, long ones cut at sub-headings.
import type { Element, RootContent } from 'hast';
import type { Point } from 'unist';
import type { SourceSection } from './digest-types.js';
import { collapse, inlineText } from './hast-prose.js';
import { bareHeading } from './lead.js';

/** Sections no summary quotes: version histories, glossaries, definitions, contacts, contents, credits. */
export const apparatus = new RegExp(
  `^(${[
    'version(shistorie| history)?|revision history|change ?log|änderungshistorie|historique des versions',
    'glossar(y|io)?|glossaire|definitions?|begriffsbestimmungen|définitions|definiciones',
    'contacts?|kontakt|contacto|table of contents|contents|inhalt(sverzeichnis)?|sommaire|índice',
    'license|licence|lizenz|licencia|footnotes|fußnoten|impressum|imprint|colophon|mentions légales|aviso legal',
    'about this (guide|handbook|document)',
    // Who wrote, translated or is thanked for it: the page's making, in the languages of the corpus and more.
    'acknowledge?ments|danksagung|remerciements|agradecimientos|agradecimentos|ringraziamenti|благодарности',
    'credits|créditos|crédits|attribution|contributors|authors|(special )?thanks|mitwirkende|autoren',
    'contributeurs|auteurs|colaboradores|autores|авторы|기여자|감사의 글|贡献者|貢獻者|致谢|致謝|鸣谢|鳴謝',
    '謝辞|貢献者|コントリビューター|الإسناد|المساهمون|شكر وتقدير|תודות',
  ].join('|')})$`,
  'i',
);

/** Part of a section a key point may come from, with the label it would have. */
export interface SectionPart {
  id: number;
  section: SourceSection;
  heading: string;
  label: string;
  body: RootContent[];
  place?: Point;
}

/**
 * The parts key points are chosen among: each section whole, or, when there are fewer sections than
 * key points wanted, each section cut at its highest sub-heading, so that a memo of two long sections
 * still gets points from its several subjects.
 */
export function partsOf(all: SourceSection[], wanted: number): SectionPart[] {
  return all.flatMap((section, _, sections) => {
    const body = withoutApparatus(section.body);
    const whole = {
      id: section.number * 100,
      section,
      heading: section.heading,
      label: shortHeading(section.heading),
      body,
      ...(section.place ? { place: section.place } : {}),
    };
    if (sections.length >= wanted) return [whole];
    const split = sectionsOf(body);
    if (split.sections.length < 2) return [whole];
    return [
      { ...whole, body: split.intro },
      ...split.sections.map((sub) => ({
        ...whole,
        id: whole.id + sub.number,
        heading: `${section.heading} ${sub.heading}`,
        label: shortHeading(sub.heading),
        body: sub.body,
        ...(sub.place ? { place: sub.place } : {}),
      })),
    ];
  });
}

/** A section's body without its sub-sections headed "Footnotes", "Glossary" and the like. */
function withoutApparatus(body: RootContent[]): RootContent[] {
  let skipping = 0;
  return body.filter((node) => {
    const level = node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0;
    if (level && skipping && level <= skipping) skipping = 0;
    if (level && !skipping && apparatus.test(bareHeading(collapse(inlineText(node as Element))))) skipping = level;
    return !skipping;
  });
}

/**
 * A document without `##` sections may still have structure: one written with `#` or `###`
 * headings is read, for the summary only, as sections at its highest heading level; one without
 * headings, at its bold one-line paragraphs (a memo's "A. **Purpose of the Initiative**").
 */
export function sectionsOf(nodes: RootContent[]): { intro: RootContent[]; sections: SourceSection[] } {
  const isHeading = (node: RootContent, level?: number): node is Element =>
    node.type === 'element' && (level ? node.tagName === `h${level}` : /^h[1-6]$/.test(node.tagName));
  const level = Math.min(
    ...nodes.filter((node) => isHeading(node)).map((node) => Number((node as Element).tagName[1])),
  );
  // Bold lines stand in for headings only when each is said once: "**A bit more detail**" under every
  // point is a run-in label, and the sections it would make all have one name.
  const bold = Number.isFinite(level) ? [] : nodes.map(boldLine);
  const names = bold.flatMap((element) => (element ? [collapse(inlineText(element)).toLowerCase()] : []));
  const distinct = new Set(names).size === names.length;
  const headingOf = (node: RootContent, i: number): Element | undefined =>
    Number.isFinite(level) ? (isHeading(node, level) ? node : undefined) : distinct ? bold[i] : undefined;
  const intro: RootContent[] = [];
  const sections: SourceSection[] = [];
  for (const [i, node] of nodes.entries()) {
    const heading = headingOf(node, i);
    if (heading)
      sections.push({
        number: sections.length + 1,
        heading: collapse(inlineText(heading)),
        body: [],
        place: node.position?.start,
      });
    else (sections.at(-1)?.body ?? intro).push(node);
  }
  return { intro, sections };
}

/** A paragraph that is only a short bold phrase, perhaps after "A." or "IV.": its bold element, else undefined. */
function boldLine(node: RootContent): Element | undefined {
  if (node.type !== 'element' || node.tagName !== 'p') return undefined;
  const parts = node.children.filter((child) => child.type !== 'text' || child.value.trim());
  const bold = parts.at(-1);
  if (bold?.type !== 'element' || !/^(strong|b)$/.test(bold.tagName) || parts.length > 2) return undefined;
  if (parts.length === 2 && !(parts[0]?.type === 'text' && /^\s*([A-Z]|[IVXL]+|\d+)[.)]\s*$/.test(parts[0].value)))
    return undefined;
  const text = collapse(inlineText(bold));
  // A bold sentence is emphasis, not a heading.
  return text && !/[.!?]$/.test(text) && text.split(' ').length <= 12 ? bold : undefined;
}

/** "What It Means for India — Strategic Autonomy" → "What It Means for India". */
export function shortHeading(heading: string): string {
  return headingParts(heading)[0] ?? heading;
}

/** "Great Stakes, Big Challenges — What Could Go Wrong" → "What Could Go Wrong". */
export function keyListPart(heading: string): string {
  return headingParts(heading).find((part) => keyListHeading.test(part)) ?? heading;
}

function headingParts(heading: string): string[] {
  return (
    heading
      // "3 - Le cadre juridique", "IV — Scope": the number is the heading's, not a part of its own.
      .replace(/^\s*(\d+|[IVXL]+)\s+[—–-]\s+/, '$1. ')
      .split(/\s+[—–-]\s+|:\s+/)
      .map((part) => part.trim())
      .filter(Boolean)
  );
}

/**
 * A heading whose list the summary shows beside the key points: risks, recommendations, next steps,
 * in the languages of src/labels/catalogue.json. German joins its words ("Handlungsempfehlungen"),
 * so its stems are matched inside a word; the other Latin-script words whole.
 */
export const keyListHeading = new RegExp(
  [
    String.raw`\b(risks?|what could go wrong|recommendations?|next steps|policy options|what to watch)\b`,
    String.raw`(^|[^\p{L}])(risques?|recommandations?|prochaines étapes|riesgos?|recomendaci(ón|ones)|próximos pasos|riscos?|recomendaç(ão|ões)|próximos passos|rischi|rischio|raccomandazioni|prossimi passi|risico'?s|aanbevelingen|volgende stappen|ryzyka|ryzyko|zalecenia|rekomendacje|następne kroki)($|[^\p{L}])`,
    'risiken|empfehlungen|nächste schritte',
    'リスク|提言|推奨事項|次のステップ|风险|風險|建议|建議|下一步|위험|권고|권장 사항|다음 단계|المخاطر|التوصيات|סיכונים|המלצות|خطرات|ریسک‌ها|توصیه‌ها',
  ].join('|'),
  'iu',
);
