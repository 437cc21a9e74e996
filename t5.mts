import { readFile } from 'node:fs/promises';
const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const doc = await getDocument({ data: new Uint8Array(await readFile(process.argv[2]!)), verbosity: 0, fontExtraProperties: true }).promise;
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const ops = await page.getOperatorList();
  let font = '';
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.setFont) font = ops.argsArray[i][0];
    if (fn === OPS.showText) {
      const glyphs = ops.argsArray[i][0];
      const text = glyphs.map((g: any) => (typeof g === 'object' && g ? g.unicode : '')).join('');
      const bad = glyphs.filter((g: any) => g && typeof g === 'object' && (g.unicode === '' || g.unicode === '\ufffd' || g.fontChar === '\u0000'));
      if (bad.length) {
        const f = page.commonObjs.has(font) ? page.commonObjs.get(font) : undefined;
        console.log(p, f?.name, JSON.stringify(text).slice(0, 120), bad.length);
      }
    }
  });
}
