import { createHash } from 'node:crypto';
import { type PDFDocument, PDFHexString, PDFName, PDFString, PDFWriter } from 'pdf-lib';
import { srgbProfileBase64 } from './srgb-profile.js';
import { type XmpFields, xmpPacket } from './xmp.js';

/**
 * Declare the document PDF/A-2b and PDF/UA-1: the XMP metadata stream (PDF/A-2 6.6.2, PDF/UA-1 5),
 * and an sRGB output intent, since every colour Chromium paints is DeviceRGB (PDF/A-2 6.2.4.3).
 */
export function declareConformance(doc: PDFDocument, fields: XmpFields): void {
  const { context } = doc;
  // Not compressed: a metadata stream stays readable to tools that don't parse PDF.
  const xmp = context.stream(Buffer.from(xmpPacket(fields), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(xmp));
  const profile = context.flateStream(Buffer.from(srgbProfileBase64, 'base64'), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}

const placeholder = '0'.repeat(32);

/**
 * The document's bytes with a trailer `/ID` (PDF/A-2 6.1.3) that is a hash of the bytes written with
 * a zero one: the same input gives the same ID. The zeros are overwritten in place (same length, so no
 * offset moves); both halves are equal, as for a file never changed since it was made.
 */
export async function serializeWithId(doc: PDFDocument): Promise<Uint8Array> {
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(placeholder), PDFHexString.of(placeholder)]);
  const bytes = await PDFWriter.forContext(doc.context, Infinity).serializeToBuffer();
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zeros = `/ID [ <${placeholder}> <${placeholder}> ]`;
  // The trailer is at the end: searching from there never meets the document's own text.
  const at = buffer.lastIndexOf(zeros, undefined, 'latin1');
  if (at < 0) throw new Error('the PDF was written without its trailer /ID');
  buffer.write(`/ID [ <${id}> <${id}> ]`, at, 'latin1');
  return bytes;
}
