import { inflateSync } from 'node:zlib';
import { PDFArray, type PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

/**
 * Mark every painting a page does outside marked content as an artifact (`/Artifact BMC … EMC`), as
 * PDF/UA-1 (7.1) asks: content is either tagged or an artifact. Chromium leaves out of its marked
 * content the `@page` margin boxes (running header, footer, page numbers), custom `::marker` content,
 * some rules and borders, and decorative (`alt=""`) images: all of them are page furniture.
 */
export function markUntaggedAsArtifacts(doc: PDFDocument): void {
  const { context } = doc;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = (contents instanceof PDFArray ? contents.asArray() : [contents]) as PDFRef[];
    const streams = refs.map((ref) => context.lookup(ref));
    if (!streams.every((stream) => stream instanceof PDFRawStream)) continue;
    const parts = (streams as PDFRawStream[]).map(streamBytes);
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts.flatMap((part) => [part, newline]));
    const marked = wrapUntagged(bytes);
    if (!marked) continue;
    // pdf-lib deflates with its own pako, pinned in the lockfile: the bytes don't depend on Node's zlib.
    context.assign(refs[0]!, context.flateStream(marked));
    if (refs.length > 1) page.node.set(PDFName.of('Contents'), refs[0]!);
  }
}

const newline = Buffer.from('\n');
const artifactOpen = Buffer.from('/Artifact BMC\n');
const close = Buffer.from('\nEMC');

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (only === undefined) return stream.getContents();
  // Inflating is defined to the byte, whichever zlib does it.
  if (only === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms')))
    return inflateSync(stream.getContents());
  throw new Error(`a page's content stream has an unexpected filter: ${filter}`);
}

/** The content stream with each painting outside marked content wrapped as an artifact; null when none is. */
export function wrapUntagged(s: Uint8Array): Buffer | null {
  const wraps: number[] = [];
  let depth = 0;
  // Whether each open marked-content sequence marks content: Skia brackets right-to-left text in
  // `/ReversedChars BMC` and each shaped cluster in `/Span <</ActualText …>> BDC`, even in a margin box,
  // and neither tags nor makes an artifact of what it holds.
  const open: boolean[] = [];
  let pathStart = -1; // -1 no path, -2 a path begun inside marked content
  let text: { start: number; marked: boolean; shows: boolean; wraps: number[] } | undefined;
  for (const { op, start, end } of operators(s)) {
    switch (op) {
      case 'BDC':
      case 'BMC': {
        const marks = !textOnly(s.subarray(start, end));
        open.push(marks);
        if (!marks) break;
        depth++;
        if (text) text.marked = true;
        break;
      }
      case 'EMC':
        if (open.pop() !== false) depth--;
        break;
      case 'BT':
        // A text object outside marked content is wrapped whole, unless marked content opens inside it.
        if (depth === 0) text = { start, marked: false, shows: false, wraps: [] };
        break;
      case 'ET':
        if (text && !text.marked && text.shows) wraps.push(text.start, end);
        else if (text) wraps.push(...text.wraps);
        text = undefined;
        break;
      case 'm':
      case 'l':
      case 'c':
      case 'v':
      case 'y':
      case 'h':
      case 're':
        if (pathStart === -1) pathStart = depth === 0 ? start : -2;
        break;
      case 'S':
      case 's':
      case 'f':
      case 'F':
      case 'f*':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        if (pathStart >= 0 && depth === 0) wraps.push(pathStart, end);
        pathStart = -1;
        break;
      case 'n':
        pathStart = -1;
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        if (text) text.shows = true;
        if (depth === 0 && text) text.wraps.push(start, end);
        break;
      case 'Do':
      case 'sh':
      case 'BI':
        if (depth === 0) wraps.push(start, end);
        break;
    }
  }
  if (wraps.length === 0) return null;
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (let k = 0; k < wraps.length; k += 2) {
    const from = wraps[k]!;
    const to = wraps[k + 1]!;
    chunks.push(s.subarray(at, from), artifactOpen, s.subarray(from, to), close);
    at = to;
  }
  chunks.push(s.subarray(at));
  return Buffer.concat(chunks);
}

/** `/ReversedChars BMC`, or a `/Span` BDC without an `/MCID`: marked content about the text, not the structure. */
function textOnly(operands: Uint8Array): boolean {
  const written = Buffer.from(operands.buffer, operands.byteOffset, operands.byteLength).toString('latin1');
  return /^\/ReversedChars\s/.test(written) || (/^\/Span\s*<</.test(written) && !written.includes('/MCID'));
}

enum C {
  Percent = 0x25,
  LParen = 0x28,
  RParen = 0x29,
  Slash = 0x2f,
  Less = 0x3c,
  Greater = 0x3e,
  LBracket = 0x5b,
  Backslash = 0x5c,
  RBracket = 0x5d,
  LBrace = 0x7b,
  RBrace = 0x7d,
}
const space = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) space[c] = 1;
const delimiter = new Uint8Array(256);
for (const c of '()<>[]{}/%') delimiter[c.charCodeAt(0)] = 1;
/** Bytes a number starts with: operands, never operators. */
const numeric = new Uint8Array(256);
for (const c of '0123456789+-.') numeric[c.charCodeAt(0)] = 1;

interface Operator {
  op: string;
  /** Where its operands start. */
  start: number;
  end: number;
}

/** The operators of a content stream, scanned as bytes; operators longer than three bytes don't matter here. */
function* operators(s: Uint8Array): Generator<Operator> {
  const n = s.length;
  let i = 0;
  let start = -1;
  while (i < n) {
    const c = s[i]!;
    if (space[c]) {
      i++;
      continue;
    }
    if (c === C.Percent) {
      while (i < n && s[i] !== 0x0a && s[i] !== 0x0d) i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === C.LParen) {
      let nesting = 0;
      for (; i < n; i++) {
        const d = s[i];
        if (d === C.Backslash) i++;
        else if (d === C.LParen) nesting++;
        else if (d === C.RParen && --nesting === 0) {
          i++;
          break;
        }
      }
    } else if ((c === C.Less || c === C.Greater) && s[i + 1] === c) i += 2;
    else if (c === C.Less) {
      while (i < n && s[i] !== C.Greater) i++;
      i++;
    } else if (c === C.LBracket || c === C.RBracket || c === C.LBrace || c === C.RBrace || c === C.RParen) i++;
    else if (c === C.Slash) {
      i++;
      while (i < n && !space[s[i]!] && !delimiter[s[i]!]) i++;
    } else {
      const from = i;
      while (i < n && !space[s[i]!] && !delimiter[s[i]!]) i++;
      if (i === from) {
        i++;
        continue;
      }
      const length = i - from;
      // Numbers are operands, and so are true, false and null, which are longer than any operator wanted here.
      if (numeric[c] || length > 3) continue;
      const op = length === 1 ? String.fromCharCode(c) : String.fromCharCode(...s.subarray(from, i));
      if (op === 'BI') i = endOfInlineImage(s, i);
      yield { op, start, end: i };
      start = -1;
    }
  }
}

/** After an inline image's `BI`: past the `EI` that ends its data (whitespace either side). */
function endOfInlineImage(s: Uint8Array, from: number): number {
  const buffer = Buffer.from(s.buffer, s.byteOffset, s.byteLength);
  let at = buffer.indexOf('ID', from, 'latin1') + 3;
  for (;;) {
    at = buffer.indexOf('EI', at, 'latin1');
    if (at < 0) return s.length;
    if (space[s[at - 1]!] && (at + 2 >= s.length || space[s[at + 2]!])) return at + 2;
    at += 2;
  }
}
