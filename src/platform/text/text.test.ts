import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, foldWithOffsets, lower, nfc } from './fold.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { compareVi, sortVi } from './collate.ts';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from './format.ts';
import { csvCell, parseCsv } from './csv.ts';
import { encodeUtf8 } from './utf8.ts';

test('fold removes Vietnamese diacritics, lower-cases and maps đ/Đ to d', () => {
  assert.equal(fold('Đoàn công tác của Bộ Thông tin & Truyền thông'), 'doan cong tac cua bo thong tin & truyen thong');
  assert.equal(fold('ĐẮK LẮK'), 'dak lak');
  assert.equal(fold('Thuỷ Thùy THỦY'), 'thuy thuy thuy');
  // Decomposed input (NFD, as some keyboards and macOS file names produce) folds the same.
  assert.equal(fold('Lào Cai'.normalize('NFD')), 'lao cai');
});

test('foldWithOffsets maps folded positions back to the original text', () => {
  const original = 'Sở Thông tin và Truyền thông';
  const { folded, offsets } = foldWithOffsets(original);
  const start = folded.indexOf('truyen');
  const s = offsets[start]!;
  const e = offsets[start + 'truyen'.length]!;
  assert.equal(original.slice(s, e), 'Truyền');
  const decomposed = foldWithOffsets('Đà Nẵng'.normalize('NFD'));
  assert.equal(decomposed.folded, 'da nang');
});

test('nfc and lower keep the diacritics', () => {
  assert.equal(nfc('Lào'.normalize('NFD')), 'Lào');
  assert.equal(lower('ĐIỆN THOẠI'), 'điện thoại');
});

test('slugify gives ASCII slugs and uniqueSlug appends a counter', async () => {
  assert.equal(slugify('Đoàn công tác của Bộ TT&TT làm việc với Sở TT&TT tỉnh Lào Cai'), 'doan-cong-tac-cua-bo-tt-tt-lam-viec-voi-so-tt-tt-tinh-lao-cai');
  assert.equal(slugify('  --Đường  phố-- '), 'duong-pho');
  assert.ok(slugify('a '.repeat(100)).length <= 80);
  const taken = new Set(['lao-cai', 'lao-cai-2']);
  assert.equal(await uniqueSlug('lao-cai', async (s) => taken.has(s)), 'lao-cai-3');
});

test('Vietnamese collation orders letters as the alphabet does', () => {
  const names = ['Đức', 'Dung', 'Ánh', 'Anh', 'Ăn', 'Ân', 'Bình', 'Ơn', 'Ôn', 'On'];
  assert.deepEqual(sortVi(names, (n) => n), ['Anh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Dung', 'Đức', 'On', 'Ôn', 'Ơn']);
  assert.ok(compareVi('d', 'đ') < 0);
});

test('vi-VN numbers and dates', () => {
  assert.equal(formatNumber(11900, 'vi'), '11.900');
  assert.equal(formatNumber(11900, 'en'), '11,900');
  assert.equal(formatNumber(32.5, 'vi', 1), '32,5');
  assert.equal(formatDate('2008-10-06'), '06/10/2008');
  // 2008-10-05T20:00Z is already 6 October in Viet Nam (UTC+7).
  assert.equal(formatDate('2008-10-05T20:00:00.000Z'), '06/10/2008');
  assert.equal(formatDateTime('2008-10-06T01:30:00.000Z'), '06/10/2008 08:30');
  assert.equal(todayInVietnam(new Date('2025-06-30T18:00:00Z')), '2025-07-01');
});

test('CSV parsing handles quotes, doubled quotes, CRLF and a BOM', () => {
  const rows = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n3,\n');
  assert.deepEqual(rows, [
    { a: 'x, y', b: 'say "hi"' },
    { a: '3', b: '' },
  ]);
  assert.equal(csvCell('a"b'), '"a""b"');
  assert.equal(csvCell(12), '12');
});

test('encodeUtf8 gives the same bytes as Buffer.from, long or short, with astral and lone surrogates', () => {
  const vi = 'Đoàn công tác của Bộ Thông tin và Truyền thông làm việc với Sở TT&TT tỉnh Lào Cai. ';
  const samples = [
    '',
    'abc',
    vi,
    vi.repeat(30),
    vi.repeat(2000), // past the first scratch buffer's size: it grows
    'x'.repeat(5000),
    `${vi.repeat(40)}😀🇻🇳${vi.repeat(5)}`,
    `${vi.repeat(40)}\ud800${vi}`, // a lone high surrogate
    `${vi.repeat(40)}\udfff`, // a lone low surrogate at the end
    vi.repeat(60).normalize('NFD'),
  ];
  for (const s of samples) assert.ok(encodeUtf8(s).equals(Buffer.from(s, 'utf8')), `length ${s.length}`);
  // The scratch buffer is reused: an earlier, longer string leaves nothing behind in a later result.
  encodeUtf8('Ư'.repeat(9000));
  assert.equal(encodeUtf8('ư'.repeat(2100)).toString('utf8'), 'ư'.repeat(2100));
});
