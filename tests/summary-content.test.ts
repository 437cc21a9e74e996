import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { parseDocument } from '../src/markdown/parse-document.js';
import { processor } from '../src/markdown/processor.js';
import directives from '../src/markdown/remark-takeaways.js';

async function model(markdown: string, frontMatter = ''): Promise<{ doc: BriefDocument; file: VFile }> {
  const file = new VFile({ path: 'brief.md', value: `---\ntitle: A brief\n${frontMatter}---\n\n${markdown}` });
  return { doc: (await processor.process(file)).result as BriefDocument, file };
}

const texts = (items: Array<{ text: string }>) => items.map((item) => item.text);

describe('the summary content', () => {
  it('should not take the note that stands for a refused image as a key point', async () => {
    const markdown =
      '---\ntitle: A brief\n---\n\nIntro text that says what the brief is about today.\n\n## Ports\n\n![Map of the harbour, its two basins and the new container terminal](/etc/passwd)\n\nThe harbour will close for repairs for most of next year.\n';
    const { document, messages } = await parseDocument({ path: '/tmp/brief.md', value: markdown, allowNet: false });
    expect(messages.map((message) => message.reason).join()).toContain('/etc/passwd');
    expect(texts(document!.digest.keyPoints)).toEqual(['The harbour will close for repairs for most of next year.']);
  });

  it('should take the bottom line from a conclusion and the key points from the other sections', async () => {
    const { doc } = await model(
      [
        'Ministers met on Monday to discuss the budget for the coming year.',
        '## Spending',
        'Spending on schools will rise by a tenth over three years. Most of it goes to buildings.',
        '## Conclusion',
        'The budget shifts money from roads to schools. It does so without raising taxes. Whether it lasts depends on growth. Nobody knows.',
        'A second paragraph is not needed.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'The budget shifts money from roads to schools.',
      'It does so without raising taxes.',
      'Whether it lasts depends on growth.',
      'Nobody knows.',
    ]);
    expect(doc.digest.keyPoints).toMatchObject([
      { label: 'Spending', text: 'Spending on schools will rise by a tenth over three years.' },
    ]);
    expect(doc.summary).toBe(texts(doc.digest.bottomLine).join(' '));
  });

  it('should take two to four sentences from the opening when there is no summary or conclusion, ending with a paragraph of at least 25 words', async () => {
    const { doc } = await model(
      [
        'The port is full. Ships wait three days to berth, and the queue is growing every month of the year.',
        'A third sentence in the next paragraph brings the bottom line to twenty-five words.',
        'A fourth, in the paragraph after, is left for the brief.',
        '## Demand',
        'Volumes will double by 2035 on every forecast we have seen.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'The port is full.',
      'Ships wait three days to berth, and the queue is growing every month of the year.',
      'A third sentence in the next paragraph brings the bottom line to twenty-five words.',
    ]);
  });

  it('should skip lead sentences that are too short, lead into a list, or ask a question', async () => {
    const { doc } = await model(
      [
        'An opening paragraph that says what the brief is about.',
        '## Costs',
        'In short:',
        '- a list the lead-in introduces',
        'Costs rose by a third in two years, mostly for energy.',
        '## Options',
        'What can be done? Three options are open to the ministry, and each has a price.',
        '## Timing',
        'Soon. The decision is due before the summer recess of parliament.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.keyPoints)).toEqual([
      'Costs rose by a third in two years, mostly for energy.',
      'Three options are open to the ministry, and each has a price.',
      'The decision is due before the summer recess of parliament.',
    ]);
    expect(doc.sections.map((section) => section.lead)).toEqual(texts(doc.digest.keyPoints));
  });

  it('should label key points with the first part of their heading and keep at most five', async () => {
    const sections = Array.from(
      { length: 7 },
      (_, i) => `## Part ${i + 1} — more words\n\nThe lead sentence of section number ${i + 1} is here.`,
    );
    const { doc } = await model(['An opening paragraph of the brief.', ...sections].join('\n\n'));
    expect(doc.digest.keyPoints.map((point) => point.label)).toEqual([
      'Part 1',
      'Part 2',
      'Part 3',
      'Part 4',
      'Part 5',
    ]);
    expect(doc.keyPoints).toEqual(texts(doc.digest.keyPoints));
  });

  it('should split a risk’s bold lead-in into a label and merge lists under the same heading', async () => {
    const { doc } = await model(
      [
        'An opening paragraph of the brief.',
        '## Big Stakes — What Could Go Wrong',
        '- **Sanctions:** deepening ties could strain relations.\n- **Delay** — projects may slip.\n- A plain risk with no label.',
        '## Recommendations',
        '- Act now.',
        '## More: what could go wrong',
        '- **Prices.** Oil may fall.',
      ].join('\n\n'),
    );
    expect(doc.digest.lists).toMatchObject([
      {
        heading: 'What Could Go Wrong',
        items: [
          { label: 'Sanctions', text: 'Deepening ties could strain relations.' },
          { label: 'Delay', text: 'Projects may slip.' },
          { text: 'A plain risk with no label.' },
          { label: 'Prices', text: 'Oil may fall.' },
        ],
      },
      { heading: 'Recommendations', items: [{ text: 'Act now.' }] },
    ]);
  });

  it('should rank what the fit may drop: later sections first, then the bottom line’s later sentences, never its first', async () => {
    const { doc } = await model(
      [
        'First sentence here. Second sentence here.',
        '## One',
        'The first section leads with this sentence of nine words.',
        '## Risks',
        '- **A:** one.\n- **B:** two.',
      ].join('\n\n'),
    );
    expect(doc.digest.bottomLine[0]?.drop).toBeUndefined();
    const ranks = [doc.digest.bottomLine[1], doc.digest.keyPoints[0], ...doc.digest.lists[0]!.items].map(
      (item) => item?.drop?.rank,
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a! - b!));
    expect(doc.digest.keyPoints[0]?.drop?.name).toBe('section 1 (“One”)');
    expect(doc.digest.lists[0]?.items[1]?.drop?.name).toBe('“B”');
  });

  it('should use front matter takeaways and summary verbatim, never to be dropped', async () => {
    const { doc } = await model(
      '## One\n\nA derived lead sentence that is not used.',
      'summary: "Written by hand. Twice."\ntakeaways:\n  - Second is **not** first\n  - First\n',
    );
    expect(doc.digest.keyPoints).toEqual([{ text: 'Second is **not** first' }, { text: 'First' }]);
    expect(doc.keyPointsMarked).toBe(true);
    expect(texts(doc.digest.bottomLine)).toEqual(['Written by hand.', 'Twice.']);
  });

  it('should not end a sentence at an abbreviation or an initial', async () => {
    const { doc } = await model(
      'Dr. Müller sagte, die Kosten stiegen um 20 Mrd. Euro im Jahr. John F. Kennedy hätte zugestimmt.',
      'lang: de\n',
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'Dr. Müller sagte, die Kosten stiegen um 20 Mrd. Euro im Jahr.',
      'John F. Kennedy hätte zugestimmt.',
    ]);
  });

  it('should skip a line of links and make the items of a note that is only a list its points', async () => {
    const { doc } = await model(
      'Read this in: [English](https://a.example) | [Français](https://b.example)\n\n- Buy eggs.\n- Call the plumber.',
    );
    expect(doc.digest.bottomLine).toEqual([]);
    expect(texts(doc.digest.keyPoints)).toEqual(['Buy eggs.', 'Call the plumber.']);
  });

  it('should read a document written with `#` headings as sections for its key points', async () => {
    const { doc } = await model(
      'An opening paragraph of the note.\n\n# Background\n\nRainfall has fallen by a third since 1990 in the north.\n\n# Analysis\n\nWells are dug deeper every year, at rising cost.',
    );
    expect(doc.sections.map((section) => section.heading)).toEqual(['Background', 'Analysis']);
    expect(doc.digest.keyPoints.map((point) => `${point.label}: ${point.text}`)).toEqual([
      'Background: Rainfall has fallen by a third since 1990 in the north.',
      'Analysis: Wells are dug deeper every year, at rising cost.',
    ]);
  });

  it('should leave footnote numbers out of the sentences', async () => {
    const { doc } = await model('Rates rose by a tenth last year[^1] across the region.\n\n[^1]: Central bank data.');
    expect(texts(doc.digest.bottomLine)).toEqual(['Rates rose by a tenth last year across the region.']);
  });
});

describe('the summary of a real document’s habits', () => {
  it('should not end a sentence at a dotted acronym', async () => {
    const { doc } = await model(
      'This policy will improve U.S. Government software development and make it more open. It applies to every agency, e.g. Defense and Energy, from next year on.',
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'This policy will improve U.S. Government software development and make it more open.',
      'It applies to every agency, e.g. Defense and Energy, from next year on.',
    ]);
  });

  it('should leave out footnote numbers written by hand and a bold line that heads its paragraph', async () => {
    const { doc } = await model(
      [
        'An opening paragraph that says what this short note is about, in a few words of plain prose for the reader.',
        '## Agencies',
        '18F<sup id="fnr9"><a href="#fn9">9</a></sup> and the Bureau<sup><a href="#fn10">10</a></sup> publish the code they write by default, as their policies require.',
        '## Case study',
        '**About FindSupport.gov**<br>\nThe department launched a new website to help people find mental health resources near them.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.keyPoints)).toEqual([
      '18F and the Bureau publish the code they write by default, as their policies require.',
      'The department launched a new website to help people find mental health resources near them.',
    ]);
  });

  it('should never quote a paragraph that invites contributions, even its plain sentences', async () => {
    const { doc } = await model(
      [
        'Content suggestions and discussions are welcome via GitHub issues. Each issue is a conversation initiated by a member of the public. We encourage you to browse and join in on discussions in existing issues.',
        'The purpose of the initiative is to enhance network security across the Federal Government, giving agencies more freedom to use modern security tools in the cloud.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'The purpose of the initiative is to enhance network security across the Federal Government, giving agencies more freedom to use modern security tools in the cloud.',
    ]);
  });

  it('should take a memo’s purpose from a bold heading inside its one section', async () => {
    const { doc } = await model(
      [
        '### SUBJECT: Update to the Initiative',
        'A.  **Background of the Initiative**',
        'The initiative began in 2007 to reduce the number of external network connections across all agencies.',
        'B.  **Purpose of the Initiative**',
        'The purpose of the initiative is to enhance network security across the Federal Government. This memorandum gives agencies more freedom to use modern security tools.',
        'C.  **Definitions**',
        'Agencies shall report each of their connections to the department by the end of the year.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'The purpose of the initiative is to enhance network security across the Federal Government.',
      'This memorandum gives agencies more freedom to use modern security tools.',
    ]);
    expect(doc.digest.keyPoints.map((point) => point.label)).toEqual(['Background of the Initiative', 'Definitions']);
  });

  it('should open the bottom line with the front matter description, and fill it from the text', async () => {
    const { doc } = await model(
      'Back in February, the team posted its plans for the year. This post reports the progress made on each of them so far, item by item.',
      'description: The team’s midyear report on its plans for 2022\n',
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      'The team’s midyear report on its plans for 2022.',
      'Back in February, the team posted its plans for the year.',
      'This post reports the progress made on each of them so far, item by item.',
    ]);
  });

  it('should not go on in the bottom line to a paragraph’s “Thus, …” whose sentence before was left out', async () => {
    // joss-gmr-gaussian-mixture-regression's summary: the sentence "Thus" leans on is a formula.
    const { doc } = await model(
      [
        '## Summary',
        'GMR is a regression approach that models probability distributions rather than functions. Hence, it is possible to model multimodal mappings.',
        'In GMR we first learn a joint probability distribution $p(x, y)$ of input $x$ and output $y$ through expectation maximization and then compute the conditional distribution $p(y|x)$ to make predictions. Thus, training is the same procedure as in a standard Gaussian mixture model (GMM).',
        '## Statement of Need',
        'The prediction process for regression is not available in scikit-learn and, thus, will be provided by gmr.',
      ].join('\n\n'),
    );
    const bottomLine = texts(doc.digest.bottomLine);
    expect(bottomLine.slice(0, 2)).toEqual([
      'GMR is a regression approach that models probability distributions rather than functions.',
      'Hence, it is possible to model multimodal mappings.',
    ]);
    expect(bottomLine.join(' ')).not.toContain('Thus, training');
  });

  it('should end the bottom line before a sentence that hands over to a list, in any language', async () => {
    // opensource-guide-security-ko: "아래는 … 중요한 실천 사항들입니다" (below are the important practices …).
    const { doc } = await model(
      [
        '버그 수정과 새로운 기능도 중요하지만, 프로젝트의 장기적인 지속 가능성은 유용성뿐만 아니라 사용자로부터 얻는 신뢰에 달려 있습니다. 이 신뢰를 유지하기 위해서는 강력한 보안 조치가 중요합니다. 아래는 프로젝트의 보안 수준을 크게 향상시킬 수 있는 중요한 실천 사항들입니다.',
        '## 다중 인증',
        '모든 관리자 계정에 다중 인증을 설정하면 도난당한 비밀번호만으로는 프로젝트에 접근할 수 없습니다.',
      ].join('\n\n'),
      'lang: ko\ndescription: MFA, 코드 스캐닝, 안전한 의존성 관리, 비공개 취약점 신고까지 — 필수적인 보안 실천을 통해 신뢰를 구축하고 프로젝트의 미래를 강화하세요.\n',
    );
    const bottomLine = texts(doc.digest.bottomLine);
    expect(bottomLine.at(-1)).toBe('이 신뢰를 유지하기 위해서는 강력한 보안 조치가 중요합니다.');
  });

  it('should take the opening rather than a conclusion that is the author’s personal sign-off', async () => {
    const { doc } = await model(
      [
        'Back in February, the compiler team posted a collection of plans for the year. This post is a midyear report summarising the progress so far on all of those items.',
        '## Survey',
        'The survey itself had two parts, a set of structured questions and a set of free-form ones.',
        '## Conclusion',
        'I have one final thought before I sign off on this blog post: my approach this year was very bottom-up, and I surveyed everyone.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)[0]).toBe(
      'Back in February, the compiler team posted a collection of plans for the year.',
    );
  });

  it('should take no key point from a form’s fields, repeated under every heading', async () => {
    const { doc } = await model(
      ['A', 'B', 'C']
        .map(
          (name) =>
            `## Initiative ${name}\n\n- Progress: The project has made progress on initiative ${name} since the start of the year.\n- Goals: We had no goals for initiative ${name} planned for this year, only hopes.\n\nInitiative ${name} was proposed by the team that maintains the compiler and its tools.`,
        )
        .join('\n\n'),
    );
    for (const point of doc.digest.keyPoints) expect(point.text).toMatch(/^Initiative [ABC] was proposed/);
  });

  it('should not take an item that goes on its lead-in for a key point', async () => {
    const { doc } = await model(
      [
        'An opening paragraph that says what this short note is about, in a few words of plain prose for the reader.',
        '## Duties',
        'The Council’s duties include:',
        '- Ensuring top-level teams are accountable to their purviews, to other teams, and to the Project.\n- Some other duty.',
        'The Council meets once a month in public and publishes the minutes of every meeting it holds.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.keyPoints)).toEqual([
      'The Council meets once a month in public and publishes the minutes of every meeting it holds.',
    ]);
  });

  it('should give a document of one section that is a long list several points, from its items', async () => {
    const { doc } = await model(
      [
        'The standard is a set of criteria that every digital team building a government service has to meet.',
        '## The criteria',
        [
          'Understand user needs and research them to know who the users of the service really are.',
          'Put in place a team that can design, build and operate the service in a sustainable way.',
          'Evaluate the privacy risks to make sure that personal data are collected and stored safely.',
          'Measure the completion rate of the service and publish it on the performance platform.',
        ]
          .map((text, i) => `${i + 1}. ${text}`)
          .join('\n'),
      ].join('\n\n'),
    );
    expect(doc.digest.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(doc.digest.keyPoints.every((point) => point.label === undefined)).toBe(true);
  });

  it('should not take a labelled note for a key point', async () => {
    const { doc } = await model(
      [
        'An opening paragraph that says what this short note is about, in a few words of plain prose for the reader.',
        '## Appendix',
        'Traditional TIC: For instances not covered in other use cases, agencies are required to continue as before.',
        'The traditional use case may include agency use of the two older providers of managed services.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.keyPoints)).toEqual([
      'The traditional use case may include agency use of the two older providers of managed services.',
    ]);
  });

  it('should read a lead-in and its list of short names as one sentence, and leave a list of links out', async () => {
    const { doc } = await model(
      [
        'GDS has defined 6 principles for governing service delivery. Following them should help you create the right culture. They are:',
        '1. Don’t slow down delivery\n2. Do it with the right people\n3. Trust and verify',
        '## Sources',
        'The team read what others had written about governance before it wrote its own principles down.',
        'Similar efforts can be found at:',
        '- [Open Definition](https://opendefinition.org/)\n- [Open Gov Data](https://opengovdata.org/)',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine).at(-1)).toBe(
      'They are: Don’t slow down delivery; Do it with the right people; Trust and verify.',
    );
    expect(JSON.stringify(doc.digest)).not.toContain('Open Definition');
  });

  it('should say a labelled list’s names whole in its lead-in, and go on into its items when that is short', async () => {
    const items = ['Public', 'Accessible', 'Described', 'Reusable', 'Complete', 'Timely', 'Managed', 'Open', 'Free'];
    const { doc } = await model(
      [
        'In general, open data will be consistent with the following principles:',
        items
          .map(
            (name) =>
              `* *${name}.* Open data are ${name.toLowerCase()} so that the public can use them for any purpose.`,
          )
          .join('\n'),
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)).toEqual([
      `In general, open data will be consistent with the following principles: ${items.join('; ')}.`,
      'Open data are public so that the public can use them for any purpose.',
    ]);
  });

  it('should take a purpose paragraph that ends on a colon before its list for prose, not for links', async () => {
    const { doc } = await model(
      [
        'A.  **Purpose of the Initiative**',
        'The purpose of the initiative is to enhance network security across the Federal Government. Accordingly, this memorandum provides a new approach. In accordance with [Memorandum M-17-26](https://example.gov/m-17-26.pdf), OMB is rescinding the following memoranda:',
        '- [M-08-05](https://example.gov/a.pdf)\n- [M-08-16](https://example.gov/b.pdf)',
        'B.  **Agency Implementation**',
        'Agency Chief Information Officers shall maintain an accurate inventory of agency network connections.',
      ].join('\n\n'),
    );
    expect(texts(doc.digest.bottomLine)[0]).toBe(
      'The purpose of the initiative is to enhance network security across the Federal Government.',
    );
  });
});

describe('the takeaways directive', () => {
  const run = async (markdown: string) => {
    const file = new VFile({ path: 'brief.md', value: markdown });
    const pipeline = unified().use(remarkParse).use(remarkDirective).use(directives);
    const tree = (await pipeline.run(pipeline.parse(file), file)) as Root;
    return { file, tree };
  };

  it('should move the marked points out of the body, several blocks adding up in order', async () => {
    const { file, tree } = await run(':::takeaways\n- One\n- **Two**\n:::\n\nBody text.\n\n:::takeaways\nThree\n:::\n');
    expect(file.data.takeaways).toEqual(['One', 'Two', 'Three']);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('should warn, with its place, about an empty takeaways block', async () => {
    const { file } = await run('Text.\n\n:::takeaways\n:::\n');
    expect(file.data.takeaways).toBeUndefined();
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '3:1 empty `:::takeaways` block: put the key points in it as a list',
    ]);
  });
});
