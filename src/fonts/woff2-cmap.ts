import { brotliDecompressSync } from 'node:zlib';

/**
 * The characters a WOFF2 font draws, read from its `cmap` table. A CJK slice's `unicode-range` claims
 * more than its file holds (Noto Sans TC's slice 103 lists 报, U+62A5, and has no glyph for it), so
 * which family draws a character is decided on the file itself (see `fontFacesFor`). Node's own
 * Brotli decodes the table stream; the format is WOFF2's (W3C, 2018) and OpenType's `cmap` formats 4
 * and 12. A file that cannot be read draws nothing here: the caller then trusts the range.
 */
export function woff2Characters(data: Uint8Array): Set<number> | undefined {
  try {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (view.getUint32(0) !== 0x774f4632) return undefined; // 'wOF2'
    if (view.getUint32(4) === 0x74746366) return undefined; // a collection ('ttcf') is not shipped
    const numTables = view.getUint16(12);
    const compressedLength = view.getUint32(20);
    let at = 48;
    const base128 = () => {
      let value = 0;
      for (let i = 0; i < 5; i++) {
        const byte = view.getUint8(at++);
        value = value * 128 + (byte & 0x7f);
        if (!(byte & 0x80)) return value;
      }
      throw new Error('bad UIntBase128');
    };
    // Each table's place in the decompressed stream, where the tables lie back to back.
    let offset = 0;
    let cmap: { offset: number; length: number } | undefined;
    for (let table = 0; table < numTables; table++) {
      const flags = view.getUint8(at++);
      const tag = flags & 0x3f;
      if (tag === 0x3f) at += 4; // an arbitrary tag, spelled out
      const version = flags >> 6;
      const length = base128();
      // glyf and loca (10, 11) are transformed unless version 3; the others only when not version 0.
      const transformed = tag === 10 || tag === 11 ? version !== 3 : version !== 0;
      const stored = transformed ? base128() : length;
      if (tag === 0) cmap = { offset, length };
      offset += stored;
    }
    if (!cmap) return undefined;
    const tables = brotliDecompressSync(data.subarray(at, at + compressedLength));
    return cmapCharacters(new DataView(tables.buffer, tables.byteOffset + cmap.offset, cmap.length));
  } catch {
    return undefined;
  }
}

/** The code points a `cmap` table maps to a glyph other than .notdef: its Unicode subtable of format 12, else 4. */
function cmapCharacters(cmap: DataView): Set<number> | undefined {
  const count = cmap.getUint16(2);
  const subtables = new Map<number, number>(); // format → offset, Unicode encodings only
  for (let i = 0; i < count; i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))
      subtables.set(cmap.getUint16(offset), offset);
  }
  const characters = new Set<number>();
  const twelve = subtables.get(12);
  if (twelve !== undefined) {
    const groups = cmap.getUint32(twelve + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.getUint32(twelve + 16 + g * 12);
      const end = cmap.getUint32(twelve + 20 + g * 12);
      const glyph = cmap.getUint32(twelve + 24 + g * 12);
      for (let point = start; point <= end; point++) if (glyph + point - start !== 0) characters.add(point);
    }
    return characters;
  }
  const four = subtables.get(4);
  if (four === undefined) return undefined;
  const segments = cmap.getUint16(four + 6) / 2;
  const ends = four + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = cmap.getUint16(ends + s * 2);
    const start = cmap.getUint16(starts + s * 2);
    const delta = cmap.getInt16(deltas + s * 2);
    const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
    for (let point = start; point <= end && point !== 0xffff; point++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (point + delta) & 0xffff;
      else {
        const index = cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (point - start) * 2);
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) characters.add(point);
    }
  }
  return characters;
}
