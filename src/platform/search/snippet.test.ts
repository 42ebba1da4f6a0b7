import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlight, snippet } from './snippet.ts';

test('matches are found without diacritics and marked on the original text', () => {
  assert.equal(highlight('Đoàn công tác của Bộ', ['doan', 'bo']), '<mark>Đoàn</mark> công tác của <mark>Bộ</mark>');
  assert.equal(highlight('ĐIỆN THOẠI di động', ['dien', 'thoai']), '<mark>ĐIỆN</mark> <mark>THOẠI</mark> di động');
  // Decomposed input is composed first: the marks cover whole letters.
  assert.equal(highlight('Lào Cai'.normalize('NFD'), ['lao']), '<mark>Lào</mark> Cai');
});

test('only whole words are marked', () => {
  assert.equal(highlight('tin tức, tinh thần, Tin', ['tin']), '<mark>tin</mark> tức, tinh thần, <mark>Tin</mark>');
  assert.equal(highlight('số 15/2008', ['2008']), 'số 15/<mark>2008</mark>');
  assert.equal(highlight('Hà Nội2', ['noi']), 'Hà Nội2');
});

test('everything but the marks is escaped', () => {
  assert.equal(highlight('<script>alert("Hà")</script> & Hà', ['ha']), '&lt;script&gt;alert(&quot;<mark>Hà</mark>&quot;)&lt;/script&gt; &amp; <mark>Hà</mark>');
  assert.equal(snippet(`<img src=x onerror='1'> Lào Cai`, ['lao']), '&lt;img src=x onerror=&#39;1&#39;&gt; <mark>Lào</mark> Cai');
});

test('characters outside the Basic Multilingual Plane and marks that fold away keep the marks in place', () => {
  assert.equal(highlight('𝒜 Sa Pa 𝒜 Sa', ['sa', 'pa']), '𝒜 <mark>Sa</mark> <mark>Pa</mark> 𝒜 <mark>Sa</mark>');
  // A combining mark with no composed form stays beside its letter and goes with it into the mark.
  assert.equal(highlight('Sa\u0332 Pa', ['sa']), '<mark>Sa\u0332</mark> Pa');
});

test('the snippet is the window holding the most query words, cut on word boundaries', () => {
  const filler = 'văn bản hành chính được gửi đến các đơn vị trong tỉnh '.repeat(12);
  const text = `Lào Cai ${filler}Tin vui: đường Lào Cai đi Sa Pa đã thông xe. ${filler}`;
  const s = snippet(text, ['lao', 'sa', 'pa'], 120);
  assert.match(s, /^… /);
  assert.match(s, / …$/);
  assert.match(s, /<mark>Lào<\/mark> Cai đi <mark>Sa<\/mark> <mark>Pa<\/mark>/);
  const plain = s.replace(/<\/?mark>/g, '').replace(/^… | …$/g, '');
  assert.ok(text.includes(plain), 'the window is a piece of the text');
  assert.ok(plain.length <= 120);
  assert.ok(text[text.indexOf(plain) - 1] === ' ' && text[text.indexOf(plain) + plain.length] === ' ', 'no word is cut');
});

test('a text without a match gives its beginning; a short text is given whole', () => {
  const long = 'Một hai ba bốn năm sáu bảy tám chín mười. '.repeat(20);
  const s = snippet(long, ['khong'], 60);
  assert.ok(s.startsWith('Một hai ba'));
  assert.ok(s.endsWith(' …'));
  assert.equal(snippet('Ngắn gọn', ['ngan']), '<mark>Ngắn</mark> gọn');
  assert.equal(snippet('', ['a']), '');
});
