import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectPdf } from './inspect-pdf.ts';
import { fontRuns, VietnamesePdf } from './pdf-document.ts';

const LINE = 'Sở Thông tin và Truyền thông tỉnh Lào Cai — Giấy phép xuất bản tài liệu không kinh doanh';

test('a Vietnamese line is cut into runs of the subset fonts that have each glyph', () => {
  const runs = fontRuns('Sở Đạt');
  assert.deepEqual(runs.map((r) => r.text).join(''), 'Sở Đạt');
  assert.ok(runs.some((r) => r.font.endsWith('vietnamese')));
  assert.ok(runs.some((r) => r.font.endsWith('-latin')));
  // A character none of the subsets has is shown as "?" rather than dropped.
  assert.equal(fontRuns('a😀b').map((r) => r.text).join(''), 'a?b');
});

test('a PDF with Vietnamese text is valid, embeds fonts covering every code point, and reads back as written', async () => {
  const pdf = new VietnamesePdf({ title: LINE });
  pdf.text(LINE, { size: 14, bold: true, align: 'center' });
  pdf.text(`${LINE} `.repeat(6), { size: 11 });
  pdf.qr('https://congso.example.vn/tra-cuu', { x: 400, y: 600, size: 100 });
  const bytes = await pdf.finish();
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const facts = inspectPdf(bytes);
  assert.equal(facts.pages, 1);
  assert.ok(facts.rectangles > 50, 'the QR code');
  assert.ok(facts.embeddedFonts >= 3, 'latin and vietnamese subsets, regular and bold');
  for (const ch of LINE) assert.ok(facts.codePoints.has(ch.codePointAt(0) ?? 0), `no glyph for ${ch}`);
  assert.ok(facts.text.startsWith(LINE.replace(' liệu', '\nliệu')), facts.text);
  // The long paragraph wraps at spaces only: every line is whole words of the text.
  const words = new Set(LINE.split(' '));
  for (const line of facts.text.split('\n').slice(2)) for (const w of line.trim().split(' ')) assert.ok(words.has(w), `broken word ${w}`);
});

test('text running past the page bottom continues on a new page', async () => {
  const pdf = new VietnamesePdf({ title: 'dài' });
  for (let i = 0; i < 80; i++) pdf.text(`Dòng thứ ${i + 1}: giấy phép`);
  const facts = inspectPdf(await pdf.finish());
  assert.ok(facts.pages >= 2);
  assert.ok(facts.text.includes('Dòng thứ 80: giấy phép'));
});

test('a label and its value start on the same page when the value does not fit at the page bottom', async () => {
  const pdf = new VietnamesePdf({ title: 'hàng' });
  pdf.text('Trang đầu');
  pdf.y = pdf.doc.page.height - pdf.doc.page.margins.bottom - 20;
  pdf.row('Tên tài liệu', 'Sổ tay kỹ thuật trồng chè Shan tuyết vùng cao tỉnh Lào Cai '.repeat(4));
  const facts = inspectPdf(await pdf.finish());
  assert.equal(facts.pages, 2);
  const lines = facts.text.split('\n');
  assert.equal(lines[0], 'Trang đầu');
  // Drawn at the same height on the second page, label and value read back as one line.
  assert.match(lines[1] ?? '', /^Tên tài liệuSổ tay kỹ thuật/);
});

test('letters a font would join into a ligature (ff, fi, fl) read back as the letters: a token in a link copies exactly', async () => {
  const line = 'https://congso.example.vn/xac-thuc/giay-phep/gff-qnr8cXIJ office fi fl ffi';
  const pdf = new VietnamesePdf({ title: 'ligatures' });
  pdf.text(line, { size: 11 });
  pdf.text(line, { size: 11, bold: true });
  const text = inspectPdf(await pdf.finish()).text;
  assert.equal(text.split(line).length - 1, 2, text);
});
