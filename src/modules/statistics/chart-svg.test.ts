import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderChartSvg, renderResponsiveChart, sanitiseChartSvg } from './chart-svg.ts';

test('an ECharts SVG becomes CSP-safe and accessible: no style attribute or element, role=img with title and desc', () => {
  const svg = renderChartSvg({
    kind: 'bar',
    title: 'Số thuê bao <Internet>',
    description: 'Số liệu ở bảng bên dưới',
    points: [
      { label: 'Lào Cai <b>', value: 11_900, highlight: true },
      { label: 'Yên Bái', value: 9_500.5 },
    ],
    locale: 'vi',
    decimals: 1,
    idPrefix: 'c1',
  });
  assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
  assert.match(svg, /<title id="c1-title">Số thuê bao &lt;Internet&gt;<\/title>/);
  assert.doesNotMatch(svg, /style=|<style|<script|ecmeta_/);
  assert.match(svg, /font-size="12px"/);
  assert.match(svg, /Lào Cai &lt;b&gt;/, 'labels are escaped');
  assert.match(svg, /11\.900,0/, 'vi-VN number format on bar labels');
  assert.match(svg, /#b3261e/, 'the highlighted bar has its own colour');
  // A second rendering of the same chart is served from the cache, identical.
  assert.equal(renderChartSvg({ kind: 'bar', title: 'Số thuê bao <Internet>', description: 'Số liệu ở bảng bên dưới', points: [{ label: 'Lào Cai <b>', value: 11_900, highlight: true }, { label: 'Yên Bái', value: 9_500.5 }], locale: 'vi', decimals: 1, idPrefix: 'c1' }), svg);
});

test('the sanitiser refuses a chart with a script or an event handler', () => {
  assert.throws(() => sanitiseChartSvg('<svg><script>alert(1)</script></svg>', 't', 'd', 'x'));
  assert.throws(() => sanitiseChartSvg('<svg><rect onload="alert(1)"/></svg>', 't', 'd', 'x'));
});

test('a page chart comes in a wide and a narrow rendition with ids of their own', () => {
  const html = renderResponsiveChart({ kind: 'bar', title: 'Thuê bao', description: 'Bảng bên dưới', points: [{ label: 'Thành phố Hồ Chí Minh', value: 5 }, { label: 'Lào Cai', value: 3, highlight: true }], locale: 'vi', decimals: 0, idPrefix: 'c2' });
  const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
  assert.equal(svgs.length, 2);
  assert.match(svgs[0]!, /class="chart chart--wide"/);
  assert.match(svgs[1]!, /class="chart chart--narrow"/);
  assert.match(svgs[1]!, /aria-labelledby="c2-narrow-title c2-narrow-desc"/);
  assert.match(svgs[1]!, /viewBox="0 0 320 /, 'the narrow one is drawn 320 units wide');
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'no id appears twice on the page');
});
