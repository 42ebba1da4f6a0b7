import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { zipEntries } from './zip-entries.ts';

test('reads stored and deflated entries of an archive written by another library', async () => {
  const zip = new JSZip();
  zip.file('a.txt', 'Lào Cai', { compression: 'STORE' });
  zip.file('xl/worksheets/sheet1.xml', '<row r="1"/>'.repeat(1000), { compression: 'DEFLATE' });
  const entries = zipEntries(await zip.generateAsync({ type: 'nodebuffer' }));
  assert.ok(entries);
  const files = entries.filter((e) => !e.name.endsWith('/'));
  assert.deepEqual(files.map((e) => e.name), ['a.txt', 'xl/worksheets/sheet1.xml']);
  assert.equal(files[0]!.read(100).toString('utf8'), 'Lào Cai');
  assert.equal(files[1]!.read(1_000_000).length, 12_000);
});

test('a decompression bomb stops at the cap; bytes that are not an archive give null', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  assert.ok(bytes.length < 200 * 1024, `${bytes.length} bytes`);
  const sheet = zipEntries(bytes)?.find((e) => e.name === 'xl/worksheets/sheet1.xml');
  assert.throws(() => sheet!.read(16 * 1024 * 1024), RangeError);
  assert.equal(zipEntries(Buffer.from('PK\u0003\u0004 not really')), null);
  assert.equal(zipEntries(Buffer.from('ma_dvhc,ten_dvhc\n')), null);
});
