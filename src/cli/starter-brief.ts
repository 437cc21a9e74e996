/** The brief `briefpress init` writes: every front-matter field, each explained where it stands. */
export function starterBrief(today: string): string {
  return `---
# Front matter: the brief's details, in YAML. Only \`title\` is required; delete what you don't need.

# The title, on the cover and in the PDF's metadata.
title: "A Clear Title That States the Issue"
# A one-line dek under the title.
subtitle: "What is at stake, for whom, and what to do about it"
# Used in the running header of pages 2 onward (default: the title).
shortTitle: "A Clear Title"
# Publication date, as YYYY-MM-DD: shown on the masthead and in the citation.
date: ${today}
# Who publishes it (default: the config's \`organisation\`).
organisation: "Your Organisation"
# Shown in the byline.
authors:
  - "First Author"
  - "Second Author"
# The series label and its number: "Policy Brief No. 2026/01".
series: "Policy Brief"
number: "2026/01"
# Shown on the cover and written into the PDF's metadata.
keywords:
  - "first topic"
  - "second topic"
# Language of the text (BCP 47): dates and sentence splitting follow it.
lang: en
# One line about the brief: the PDF's subject, and the start of the summary's bottom line when \`summary\` is not set.
description: "A one-sentence description of the brief, for catalogues and search results."
# The "bottom line" of the one-page summary (default: the first paragraph below).
summary: "Two to four sentences a busy reader can act on: the finding, why it matters now, and the one thing to do."
# Key takeaways, on the cover and in the summary (default: a \`:::takeaways\` block, else each section's first sentence).
takeaways:
  - "The first thing a reader must remember."
  - "The second, with a number if there is one."
  - "The third: what should happen next."
# Page size: a4 or letter (default: the config's \`format\`, else a4).
format: a4
# Writing direction: ltr or rtl (default: the language's, rtl for ar, he, fa…).
dir:
# Citations: a BibTeX (.bib) or CSL-JSON (.json) file beside this one, e.g. refs.bib; then cite [@key, p. 4].
bibliography:
# Citation style: chicago-author-date (default), chicago-notes (endnotes), or a .csl file beside this one.
csl: chicago-author-date
---

The opening paragraph sets out the issue in plain words. Unless the front matter has a \`summary\`, it becomes the bottom line of the one-page summary.

## Background

Each level-2 heading starts a numbered section. Its first sentence is used as a key point when no takeaways are given, so make it count.

## Analysis

Write the argument here. Lists, tables, footnotes[^1] and images (\`![A caption](figure.png)\`, next to this file) are all welcome; link to another section with [its heading as an anchor](#background).

## Risks

A section named "Risks" or "Recommendations" is also listed on the summary:

- The first risk, in one line.
- The second risk.

## Sources

1. Author, *Title of the Source*, Publisher, 2026. https://example.org/source

[^1]: Footnotes are printed at the end of the brief.
`;
}
