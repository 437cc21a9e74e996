// The docs-site syntax remark-docs-site removes, and how it is found in time linear in the text.

/**
 * One form of a kind of syntax. A lazy pattern (`\{%[\s\S]*?%\}`) tried at each opener without a closer
 * after it reads on to the end of the text: ten thousand `{%` took minutes. Each form is therefore only
 * tried on the text up to its last possible end (`close` after the last `last`): openers past it are left.
 */
interface Form {
  pattern: RegExp;
  /** The literal text every match holds last but `close`: the last one bounds the search. */
  last: string;
  /** The literal text every match ends with. */
  close: string;
}

const form = (pattern: RegExp, last: string, close = last): Form => ({ pattern, last, close });

/** What docs sites write that is not Markdown, by kind, each removed and warned about once a document. */
export const kinds = [
  // `{% comment %}…{% endcomment %}` goes whole; other Liquid tags go, what they enclose stays.
  {
    name: 'Liquid tags (`{% … %}`)',
    forms: [
      form(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, 'endcomment', '%}'),
      form(/\{%[\s\S]*?%\}/g, '%}'),
    ],
  },
  {
    name: 'Hugo shortcodes (`{{< … >}}`, `{{% … %}}`)',
    forms: [form(/\{\{<[\s\S]*?>\}\}/g, '>}}'), form(/\{\{%[\s\S]*?%\}\}/g, '%}}')],
  },
  // Liquid output of the site's own variables; other `{{ … }}` may be the author's text.
  {
    name: 'Liquid variables (`{{ site.… }}`)',
    forms: [form(/\{\{-?\s*(?:site|page|layout|include|content|jekyll|paginator)\b[^}]*\}\}/g, '}}')],
  },
  // kramdown's attribute lists (`{: #id .class}`, `{:.x}`), extensions (`{::options … /}`), `{:toc}`,
  // and the heading ids kramdown and Pandoc share (`## Aims {#aims}`).
  {
    name: 'kramdown attribute lists (`{: … }`)',
    forms: [form(/\{::?[^{}\n]*\}/g, '}'), form(/\{#[A-Za-z][\w:.-]*(?:\s+[.#][\w-]+)*\}/g, '}')],
  },
] as const;

export type Kind = (typeof kinds)[number];

/** Where the last match of `form` in `text` can end, at most. */
function bound(text: string, { last, close }: Form): number {
  const at = text.lastIndexOf(last);
  if (at === -1) return 0;
  const end = text.indexOf(close, at + last.length - (last === close ? last.length : 0));
  return end === -1 ? 0 : end + close.length;
}

/** Whether `text` holds syntax of `kind`. */
export function holds(text: string, kind: Kind): boolean {
  return kind.forms.some((each) => {
    const end = bound(text, each);
    each.pattern.lastIndex = 0;
    return end > 0 && each.pattern.test(text.slice(0, end));
  });
}

/**
 * `text` without the syntax of `kind`; with `spaces`, first each with the spaces or tabs before it where
 * a space or the end follows (`## Aims {: #aims}` leaves `Aims`, `a {% x %} b` leaves `a b`).
 */
export function without(text: string, kind: Kind, spaces = false): string {
  let value = text;
  for (const each of kind.forms) {
    const passes = spaces
      ? // Only from the start of a run of spaces: tried from inside a long run, each try read it to its end.
        [new RegExp(`(?<![ \\t])[ \\t]*(?:${each.pattern.source})(?=\\s|$)`, 'g'), each.pattern]
      : [each.pattern];
    for (const pattern of passes) {
      // One character past the bound, so that `(?=\s|$)` sees what follows.
      const end = Math.min(value.length, bound(value, each) + 1);
      if (end <= 0) continue;
      value = value.slice(0, end).replace(pattern, '') + value.slice(end);
    }
  }
  return value;
}
