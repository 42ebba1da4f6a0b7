import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, raw } from './html.ts';

test('text is escaped as JSX escapes safe children; attribute values as @kitajs/html writes them', () => {
  const title = '<script>alert("x")</script> & \'quoted\'';
  assert.equal(html`<h1>${title}</h1>`.html, '<h1>&lt;script>alert(&#34;x&#34;)&lt;/script> &amp; &#39;quoted&#39;</h1>');
  assert.equal(html`<a href="${'/x?a=1&b="2"'}" title="${'<b>'}">x</a>`.html, '<a href="/x?a=1&b=&#34;2&#34;" title="<b>">x</a>');
  // The same text written by JSX: <h1 safe>{title}</h1> and <a href={…} title={…}>.
  assert.equal(html`<p>${'Đoàn công tác'}</p>`.html, '<p>Đoàn công tác</p>');
});

test('a handler in a value stays inside its attribute; text cannot open a tag', () => {
  const hostile = '" onmouseover="alert(1)';
  const out = html`<img alt="${hostile}"/>`.html;
  assert.equal(out, '<img alt="&#34; onmouseover=&#34;alert(1)"/>');
  assert.doesNotMatch(out, /" onmouseover="/);
  assert.equal(html`<p>${'<img src=x onerror=alert(1)>'}</p>`.html, '<p>&lt;img src=x onerror=alert(1)></p>');
});

test('markup, numbers, arrays and empty values', () => {
  const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
  assert.equal(html`<ul>${items}</ul>`.html, '<ul><li>a&lt;b</li><li>c</li></ul>');
  assert.equal(html`<p>${raw('<em>kept</em>')}${null}${undefined}${false}${3}</p>`.html, '<p><em>kept</em>3</p>');
  const current = true;
  assert.equal(html`<a href="/"${current ? raw(' aria-current="page"') : ''}>x</a>`.html, '<a href="/" aria-current="page">x</a>');
  assert.equal(html`<a href="/"${false}>x</a>`.html, '<a href="/">x</a>');
  assert.equal(html`<a href="/"${''}>x</a>`.html, '<a href="/">x</a>');
  assert.equal(String(html`<b>${'x'}</b>`), '<b>x</b>');
});

test('values where escaping cannot make them safe are refused', () => {
  assert.throws(() => html`<a href='${'/x'}'>x</a>`, /single-quoted attribute/);
  assert.throws(() => html`<a ${'onclick=alert(1)'}>x</a>`, /inside a tag/);
  assert.throws(() => html`<input value=${'x'}>`, /inside a tag/);
  assert.throws(() => html`<a title="${raw('<b>')}">x</a>`, /markup in an attribute value/);
});

test('the analysis of a template is kept per call site and does not leak between templates', () => {
  const cell = (v: string) => html`<td data-v="${v}">${v}</td>`;
  assert.equal(cell('"').html, '<td data-v="&#34;">&#34;</td>');
  assert.equal(cell('<').html, '<td data-v="<">&lt;</td>');
  // A ">" inside a quoted value does not end the tag.
  assert.equal(html`<a title="a>b" href="${'"'}">${'<'}</a>`.html, '<a title="a>b" href="&#34;">&lt;</a>');
});

test('line breaks and the indentation after them write nothing; a line break inside a tag is refused', () => {
  const out = html`
    <ul>
      <li>${'một'}</li>
      <li>${'hai'}</li>
    </ul>`;
  assert.equal(out.html, '<ul><li>một</li><li>hai</li></ul>');
  assert.throws(() => html`<a
    href="/">x</a>`, /line break inside a tag/);
  assert.throws(() => html`<a title="${'x'}
    ">x</a>`, /line break inside a tag/);
});
