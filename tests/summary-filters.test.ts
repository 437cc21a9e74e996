import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { digest } from '../src/summary/digest.js';
import { cutAtClause, junkReason, leansOnContext, lengthProblem } from '../src/summary/filters.js';
import { bareHeading, describedBy, summaryHeading } from '../src/summary/lead.js';
import { proseUnits } from '../src/summary/prose-units.js';
import { apparatus } from '../src/summary/section-parts.js';
import { wordCount } from '../src/summary/sentences.js';
import { endsSentence, withStop } from '../src/summary/stops.js';
import { textLanguage } from '../src/summary/terms.js';

/** Markdown → hast, as the pipeline has it before the summary (without sanitizing: these snippets are safe). */
function hast(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  return processor.runSync(processor.parse(markdown)) as Root;
}

describe('the summary filters', () => {
  it('should refuse table cells and checkbox markup written as text', () => {
    expect(junkReason('| | [ ] My Legal Entity Steward is: | | Jane Doe |')).toBe('table');
    expect(junkReason('[ ] Confirm that the dataset has a licence before you publish it.')).toBe('table');
  });

  it('should refuse template syntax: Liquid tags and output, kramdown attributes', () => {
    expect(junkReason('{% include toc.html %}')).toBe('template');
    expect(junkReason('{{ page.title }} explains what every agency must publish.')).toBe('template');
    expect(junkReason('{:.intro} An alpha is a process that happens at the beginning of a project.')).toBe('template');
  });

  it('should refuse a memo header block', () => {
    expect(
      junkReason('Subject: Open Data Policy—Managing Information as an Asset From: Sylvia M. Burwell, Director.'),
    ).toBe('memo header');
    expect(junkReason('MEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES.')).toBe('memo header');
    expect(junkReason('Date: May 9, 2013.')).toBe('memo header');
  });

  it('should refuse contact and administrative lines', () => {
    expect(
      junkReason(
        'All questions or inquiries should be addressed to the Office of Management and Budget, email: datause@omb.eop.gov.',
      ),
    ).toBe('administrative');
    expect(junkReason('Find out more at www.gov.uk/service-manual/digital-by-default.')).toBe('administrative');
    expect(junkReason('Content suggestions and discussions are welcome via GitHub “issues.”')).toBe('administrative');
  });

  it('should refuse definitions', () => {
    expect(
      junkReason(
        'Data: For the purposes of this Memorandum, the term "data" refers to all structured information, unless otherwise noted.',
      ),
    ).toBe('definition');
    expect(junkReason('The term "open data" means publicly available data structured in a way that can be used.')).toBe(
      'definition',
    );
  });

  it('should refuse a sentence that is a written-out link', () => {
    expect(junkReason('Frequently asked questions are accessible at https://dodcio.defense.gov/faq.aspx.')).toBe(
      'link list',
    );
  });

  it('should refuse fragments: a heading without a full stop, a lead-in, an open bracket', () => {
    expect(junkReason('Open Data Policy—Managing Information as an Asset')).toBe('not a sentence');
    expect(junkReason('At a high-level, the Council is only in charge of the following duties:')).toBe('lead-in');
    expect(junkReason('Die Veröffentlichung ist ein mehrstufiger Prozess (s.')).toBe('not a sentence');
  });

  it('should pass a plain sentence of prose', () => {
    const sentence = 'Agencies must manage information as an asset throughout its life cycle to promote openness.';
    expect(junkReason(sentence)).toBeUndefined();
    expect(lengthProblem(sentence, 'en')).toBeUndefined();
  });

  it('should find key points of four or five words too short, and over forty words too long', () => {
    expect(lengthProblem('None.', 'en')).toBe('too short');
    expect(lengthProblem('I don’t think so, but someone might.', 'en')).toBe('too short');
    expect(lengthProblem(`${'word '.repeat(41).trim()}.`, 'en')).toBe('too long');
  });

  it('should cut a long sentence at a clause boundary, or give up when none leaves a sentence', () => {
    const long =
      'Agencies must collect or create information in a way that supports downstream processing and dissemination; this includes using machine-readable and open formats, data standards, and common core and extensible metadata for all new information creation and collection efforts across the whole of government.';
    const cut = cutAtClause(long, 'en');
    expect(cut).toBe(
      'Agencies must collect or create information in a way that supports downstream processing and dissemination.',
    );
    expect(wordCount(cut!, 'en')).toBeLessThanOrEqual(40);
    expect(cutAtClause(`${'word '.repeat(60).trim()}.`, 'en')).toBeUndefined();
  });

  it('should mark sentences that lean on the one before', () => {
    expect(leansOnContext('However, RFCs are not only what subteams do.')).toBe(true);
    expect(leansOnContext('Yes -- to be accepted, a goal needs some champions.')).toBe(true);
    expect(leansOnContext('The Council consists of a set of team representatives.')).toBe(false);
    // Typographic apostrophes, as smartypants leaves them, and the connectives of other languages.
    expect(leansOnContext('C’est à dire qu’une décision prise par une administration sera aussi concernée.')).toBe(
      true,
    );
    expect(leansOnContext('Trotzdem ist die CKAN-API eine proprietäre Schnittstelle.')).toBe(true);
    expect(leansOnContext('The first two are about RFCs themselves, but the second two are not.')).toBe(true);
  });

  it('should mark a sentence that opens on “As such” or “Now that”', () => {
    // psl-og-core-market-clearing and us-gsa-policy-types.
    expect(
      leansOnContext(
        'As such, the market clearing condition in the Mth industry will look more like the traditional Y=C+I+G+NX expression.',
      ),
    ).toBe(true);
    expect(
      leansOnContext(
        'Now that you understand the different types of policy levers that exist, let us dive into a real-world case study and product example.',
      ),
    ).toBe(true);
  });

  it('should not mark a document that names itself', () => {
    expect(leansOnContext('This memorandum sets out the policy for federal source code.')).toBe(false);
    expect(leansOnContext('Diese Richtlinie gilt für alle Behörden des Landes.')).toBe(false);
    expect(leansOnContext('This means that every agency must act.')).toBe(true);
    expect(
      leansOnContext('(In cases where the owner is also on the team, they can serve as their own champion.)'),
    ).toBe(true);
    expect(leansOnContext('E.g. maybe try to convince people to put aside work on ambition A.')).toBe(true);
  });

  it('should mark sentences that point back at what a summary’s reader never saw', () => {
    expect(
      leansOnContext(
        'Liberar datos que cumplan las características mencionadas en el punto anterior, permite asegurar su provecho.',
      ),
    ).toBe(true);
    expect(leansOnContext('The principles described above apply to every agency.')).toBe(true);
    expect(leansOnContext('Les obligations ci-dessus s’appliquent à toutes les administrations.')).toBe(true);
    expect(leansOnContext('Agencies must publish their data in open formats by default.')).toBe(false);
  });

  it('should refuse an invitation to open an issue or a pull request', () => {
    expect(junkReason('Start a new conversation by opening a new issue.')).toBe('administrative');
    expect(junkReason('Changes may be submitted by submitting a pull request on GitHub.')).toBe('administrative');
    expect(junkReason('If you’d like to help, please post in this goal’s dedicated zulip topic.')).toBe(
      'administrative',
    );
  });
});

describe('the summary’s furniture: credits, template blanks and stops', () => {
  it('should refuse a credits line that names its writers by @handle, in any language', () => {
    // opensource-guide-security-ko and -zh-hans, under "기여자" and "贡献者" (contributors).
    expect(junkReason('이 가이드는 @nanzggits와 @xcorail이 작성했으며, 다음 분들의 기여가 있었습니다.')).toBe(
      'credits',
    );
    expect(junkReason('本文由 @nanzggits 和 @xcorail 撰写，并得到以下贡献者的支持：')).toBe('credits');
    // A @handle that is the subject of a sentence about the work is not a credit (rust-blog-compiler-midyear-report-2022).
    expect(
      junkReason(
        'There’s nearly an unbounded amount of effort that could be spent improving debuginfo quality but @wesleywiser thinks we are making significant improvement both over the last 6 months and in the final 6 months of this year as well.',
      ),
    ).toBeUndefined();
  });

  it('should leave out a section of credits or attribution, whatever its language', () => {
    for (const heading of ['기여자', '贡献者', 'الإسناد', 'Attribution', 'Contributors', 'Acknowledgements', '謝辞'])
      expect(apparatus.test(bareHeading(heading)), heading).toBe(true);
    expect(
      apparatus.test(bareHeading('私のプロジェクトでは追加のコントリビューターアグリーメントが必要でしょうか？')),
    ).toBe(false);
  });

  it('should refuse a sentence that holds a blank of the template it came from', () => {
    // ar-contributor-covenant-2-1, and the Contributor Covenant's English text it translates.
    expect(
      junkReason(
        'قد يتم الإبلاغ عن حالات سلوك مسيء أو مضايق أو غير مقبول إلى قادة المجتمع المسؤولين عن التنفيذ عبر [INSERT CONTACT METHOD].',
      ),
    ).toBe('placeholder');
    expect(
      junkReason(
        'Instances of abusive, harassing, or otherwise unacceptable behavior may be reported to the community leaders responsible for enforcement at [INSERT CONTACT METHOD].',
      ),
    ).toBe('placeholder');
    // The Apache License's appendix, and a draft's markers.
    expect(junkReason('Copyright [yyyy] [name of copyright owner].')).toBe('placeholder');
    expect(junkReason('Send your comments to <YOUR NAME> at the agency by the end of the month.')).toBe('placeholder');
    expect(junkReason('The pilot starts in [TBD] and reports to the council every quarter.')).toBe('placeholder');
    expect(junkReason('The pilot starts in the spring (TBD) and reports to the council every quarter.')).toBe(
      'placeholder',
    );
    // Brackets that are the text's own: a reference, an acronym, a word added to a quotation.
    expect(junkReason('The codebase MUST include the policy that the source code is based on [3].')).toBeUndefined();
    expect(
      junkReason('The regulation [GDPR] applies to every [public] body that processes personal data.'),
    ).toBeUndefined();
  });

  it('should end a sentence with the stop of its script, never a Latin one after another stop', () => {
    // opensource-guide-security-zh-hans's description, which became "…保驾护航。." in its bottom line.
    const zh =
      '从多因素认证和代码扫描，到安全的依赖管理和私人漏洞报告，通过这些必要安全实践建立信任，为项目长远发展保驾护航。';
    expect(withStop(zh, 'zh')).toBe(zh);
    expect(describedBy(zh, 'zh-Hans')).toEqual([zh]);
    expect(withStop('透過持續的追蹤專案，幫助你做出最佳決策，讓開源專案更成功', 'zh-Hant')).toBe(
      '透過持續的追蹤專案，幫助你做出最佳決策，讓開源專案更成功。',
    );
    expect(withStop('هل يتم الإبلاغ عن الحوادث؟', 'ar')).toBe('هل يتم الإبلاغ عن الحوادث؟');
    expect(withStop('یہ رہنما اصول ہیں۔', 'ur')).toBe('یہ رہنما اصول ہیں۔');
    expect(withStop('یہ رہنما اصول ہیں', 'ur')).toBe('یہ رہنما اصول ہیں۔');
    expect(withStop('यह नीति सभी विभागों पर लागू होती है', 'hi')).toBe('यह नीति सभी विभागों पर लागू होती है।');
    expect(withStop('「日本語の文です。」', 'ja')).toBe('「日本語の文です。」');
    expect(withStop('Costs', 'en')).toBe('Costs.');
    expect(withStop('Who pays?', 'en')).toBe('Who pays?');
    expect(endsSentence('هل يتم الإبلاغ عن الحوادث؟')).toBe(true);
    expect(junkReason('هل يتم الإبلاغ عن حالات السلوك المسيء إلى قادة المجتمع المسؤولين عن التنفيذ؟')).toBeUndefined();
  });
});

describe('the summary’s reading of sentences in other scripts', () => {
  it('should mark Chinese, Japanese, Korean and Arabic sentences that lean on the one before', () => {
    // opensource-guide-metrics-zh-hant, -security-ko, -security-zh-hans and -legal-ja.
    for (const sentence of [
      '第二個問題你要問自己的是：人們在使用你的專案嗎？',
      '那麼接下來你要問自己的問題就是：人們有對這個專案做貢獻嗎?',
      '最後，你還需要確定一件事，那就是維護者有足夠的能力和時間處理社群的貢獻。',
      '그러면 최신 변경 사항 때문에 심각한 보안 결함이 드러날 수도 있습니다.',
      '이러한 단계들은 단순하거나 기본적으로 보일 수 있지만, 가장 흔한 문제로부터 보호를 제공하기 때문에 사용자에게 더 안전한 프로젝트를 제공하는 데 큰 도움이 됩니다.',
      '这些步骤对您来说可能很简单或很基础，却能在很大程度上提高项目的安全性，为用户筑起一道抵御最常见的威胁的坚实防线。',
      'この事は、一般的にはあなたの作品を使ったり、コピーしたり、配布したり、修正することは、取り下げや捜査、訴訟のリスクが発生することを意味します。',
      'لذلك يجب على قادة المجتمع توضيح معايير السلوك المقبول.',
    ])
      expect(leansOnContext(sentence), sentence).toBe(true);
    for (const sentence of [
      '私人漏洞报告让维护者能够在 GitHub 平台内完成接收和处理漏洞报告的整个过程。',
      '정적 애플리케이션 보안 테스트(SAST) 도구를 사용하면 코드 내 보안 취약점을 탐지할 수 있습니다.',
      // A word that begins as "이" (this) does: "이용자" (users).
      '이용자는 프로젝트의 보안 정책을 쉽게 찾을 수 있어야 합니다.',
      // A document naming itself.
      '이 가이드는 프로젝트의 보안을 강화하는 실천 사항을 설명합니다.',
      'このガイドは、オープンソースの法的側面について説明します。',
    ])
      expect(leansOnContext(sentence), sentence).toBe(false);
  });

  it('should take no question for a key point, in any script', () => {
    // opensource-guide-legal-ja: a heading's question, and the answer after it.
    const question = '私のプロジェクトに適切なオープンソースライセンスはどれでしょう？';
    const answer = 'ほとんどのプロジェクトは、広く使われている MIT ライセンスか Apache ライセンスを選んでいます。';
    const opening =
      'あなたの創造的な仕事を世界に共有することは、とても興奮することであり報われる経験になり得ます。オープンソースの法的な事柄を知っておくことは、その経験を守ることにつながります。';
    const tree = hast(`${opening}\n\n## ライセンス\n\n${question}${answer}`);
    const heading = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'h2');
    const sections = [{ number: 1, heading: 'ライセンス', body: tree.children.slice(heading + 1) }];
    const result = digest({ intro: tree.children.slice(0, heading), sections, lang: 'ja', words: 120 });
    expect(result.keyPoints.map((item) => item.text)).toEqual([answer]);
  });
});

describe('the summary’s reading of a section', () => {
  it('should never flatten a list item’s sub-list into it, nor read tables, code, checklists or link lists', () => {
    const tree = hast(
      [
        '- The agency publishes an inventory of its data every quarter.',
        '  - Each entry names its owner.',
        '  - Each entry has a licence.',
        '',
        '| Steward | Name |',
        '| --- | --- |',
        '| Legal entity | Jane Doe |',
        '',
        '```',
        'const data = load();',
        '```',
        '',
        '- [ ] My Legal Entity Steward is named.',
        '',
        '- [GOV.UK](https://www.gov.uk)',
        '- [Data.gov](https://data.gov)',
      ].join('\n'),
    );
    expect(proseUnits(tree.children).map((unit) => unit.text)).toEqual([
      'The agency publishes an inventory of its data every quarter.',
      'Each entry names its owner.',
      'Each entry has a licence.',
    ]);
  });

  it('should recognise a summary heading in the document’s language, numbered or not', () => {
    for (const heading of [
      'Summary',
      '1. Executive summary',
      'Résumé',
      'Synthèse',
      'Zusammenfassung',
      'Resumen ejecutivo',
      'Sommario',
      'सारांश',
      'Резюме',
      'I. Purpose',
    ])
      expect(summaryHeading.test(bareHeading(heading)), heading).toBe(true);
    expect(summaryHeading.test(bareHeading('2. Beschreibung'))).toBe(false);
  });

  it('should read a text’s language from its stop words when the declared one is only the default', () => {
    expect(
      textLanguage('Die Verwaltung veröffentlicht ihre Daten und die Bürger können sie nutzen, wenn sie wollen.', 'en'),
    ).toBe('de');
    expect(
      textLanguage('Le département accompagne les administrations dans la mise en oeuvre de ces obligations.', 'en'),
    ).toBe('fr');
    expect(textLanguage('The agency publishes its data so that the public can use it.', 'en')).toBe('en');
  });

  it('should take a German summary section as the bottom line, never an empty one', () => {
    const tree = hast(
      [
        '## Zusammenfassung',
        '',
        'Das Handbuch führt die Beschäftigten der Verwaltung Schritt für Schritt durch die Veröffentlichung offener Daten. Es erklärt, welche Daten veröffentlicht werden dürfen und wie die Metadaten im Datenportal ausgefüllt werden.',
        '',
        '## Metadaten',
        '',
        'Jeder Datensatz im Berliner Datenportal wird durch einen Satz von Metadaten beschrieben, die seine Herkunft angeben.',
      ].join('\n'),
    );
    const sections = [
      { number: 1, heading: 'Zusammenfassung', body: tree.children.slice(1, 4) },
      { number: 2, heading: 'Metadaten', body: tree.children.slice(5) },
    ];
    const result = digest({ intro: [], sections, lang: 'en', words: 60 });
    expect(result.bottomLine.map((item) => item.text).join(' ')).toMatch(/^Das Handbuch führt .* ausgefüllt werden\.$/);
    expect(result.keyPoints.map((item) => item.text)).toEqual([
      'Jeder Datensatz im Berliner Datenportal wird durch einen Satz von Metadaten beschrieben, die seine Herkunft angeben.',
    ]);
  });
});
