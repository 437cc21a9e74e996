// The front matter's text read into fields, YAML or TOML, with where each is written.
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Point } from 'unist';
import { LineCounter, parseDocument } from 'yaml';

export type Refuse = (reason: string, place?: Point) => void;

export interface Read {
  data: Record<string, unknown>;
  /** Where a field (or its key) is written. */
  placeOf?: (path: PropertyKey[], key?: boolean) => Point | undefined;
}

export function readYaml(text: string, at: (offset?: number) => Point | undefined, refuse: Refuse): Read | undefined {
  const doc = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    lineCounter: new LineCounter(),
    prettyErrors: false,
  });
  for (const error of doc.errors) refuse(`invalid YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]));
  // Tags such as `!!js/function` are left unresolved by the core schema; refuse them outright.
  const tags = doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  for (const tag of tags) refuse(`YAML tags are not allowed: ${tag.message.split(' at line')[0]}`, at(tag.pos[0]));
  if (doc.errors.length > 0 || tags.length > 0) return undefined;
  let data: unknown;
  try {
    // Aliases are bounded so that a "billion laughs" document cannot exhaust memory.
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error: unknown) {
    refuse(
      `front matter: too many YAML alias expansions (${error instanceof Error ? error.message : String(error)})`,
      at(),
    );
    return undefined;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    refuse('front matter: expected fields (`name: value` lines)', at());
    return undefined;
  }
  type Ranged = { range?: [number, number] } | undefined;
  const placeOf = (path: PropertyKey[], key = false): Point | undefined => {
    if (key && doc.contents && 'items' in doc.contents) {
      const items = doc.contents.items as Array<{ key?: { value?: unknown; range?: [number, number] } }>;
      return at(items.find((item) => item.key?.value === path[0])?.key?.range?.[0]);
    }
    const target = (doc.getIn(path, true) as Ranged)?.range ?? (doc.get(path[0], true) as Ranged)?.range;
    return at(target?.[0]);
  };
  return { data: data as Record<string, unknown>, placeOf };
}

export function readToml(text: string, at: (offset?: number) => Point | undefined, refuse: Refuse): Read | undefined {
  try {
    // Dates become the text they were written as (TomlDate keeps it), as YAML's core schema leaves them.
    return { data: JSON.parse(JSON.stringify(parseToml(text))) as Record<string, unknown> };
  } catch (error: unknown) {
    if (!(error instanceof TomlError)) throw error;
    const start = at();
    const line = (start?.line ?? 1) + error.line - 1;
    refuse(`invalid TOML: ${error.message.split('\n')[0]}`, { line, column: error.column });
    return undefined;
  }
}
