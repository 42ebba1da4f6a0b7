/**
 * Charts rendered on the server as SVG with Apache ECharts' server-side renderer, so a page needs no
 * client JavaScript to show them. The output is post-processed to live under the site's strict CSP
 * (`style-src 'self'`, no inline script):
 *
 * - ECharts writes text styles as `style="font-size:12px;font-family:…"` attributes and appends a
 *   `<style>` element with hover rules. A CSP without 'unsafe-inline' blocks both (style attributes
 *   count as inline style), so the text would fall back to the browser's defaults and the console
 *   would fill with violations. Rather than loosening the policy for every page, the known
 *   declarations are turned into SVG presentation attributes (font-size, font-family, font-weight,
 *   …), which CSP does not govern, and the `<style>` element is dropped: its only rules are hover
 *   effects meant for the interactive client, which a static chart does not have.
 * - The `ecmeta_*` attributes only serve ECharts' client-side hydration and are removed.
 * - The SVG gets role="img", a <title> and a <desc> (referenced by aria-labelledby) so that screen
 *   readers announce it as one image; the page puts the same figures in a table next to it.
 * - A chart is refused outright if it would contain a script or an event handler attribute.
 */
import { createRequire } from 'node:module';
import type * as EChartsModule from 'echarts';
import type { Locale } from '../../config/index.ts';
import { formatNumber } from '../../platform/text/format.ts';

export interface ChartPoint {
  readonly label: string;
  readonly value: number | null;
  /** Drawn in a second colour (the site's own province in a breakdown). */
  readonly highlight?: boolean;
}

export interface ChartSpec {
  readonly kind: 'line' | 'bar';
  /** Short accessible name of the chart (its <title>). */
  readonly title: string;
  /** Longer description (its <desc>), e.g. where the table with the figures is. */
  readonly description: string;
  readonly points: readonly ChartPoint[];
  readonly locale: Locale;
  readonly decimals: number;
  /** Prefix for the ids inside the SVG, unique within a page. */
  readonly idPrefix: string;
  readonly width?: number;
}

/** Width of the narrow rendition, drawn for phones (see renderResponsiveChart). */
const NARROW_WIDTH = 320;

/**
 * ECharts, loaded on the first chart drawn and through its single-file build: the package's ES-module
 * entry loads several hundred modules, about 100 MB of the server's resident memory, and a server
 * that draws no chart (one serving news) need not hold even the bundle's share.
 */
const requireHere = createRequire(import.meta.url);
let loaded: typeof EChartsModule | undefined;
const echartsLib = (): typeof EChartsModule => (loaded ??= requireHere('echarts') as typeof EChartsModule);

/** Colours with at least 3:1 contrast against white for graphical objects (WCAG 1.4.11). */
const PRIMARY = '#1d4f91';
const HIGHLIGHT = '#b3261e';
const TEXT = '#3b3b3b';
const GRID = '#d6d9de';
const FONT = "'Be Vietnam Pro', system-ui, sans-serif";

/** CSS properties ECharts writes on text that have an SVG presentation attribute of the same name. */
const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'opacity', 'text-anchor', 'dominant-baseline']);

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Rewrites ECharts' SVG so that it is accessible and renders under the CSP (see the file comment). */
export function sanitiseChartSvg(svg: string, title: string, description: string, idPrefix: string): string {
  if (/<script|\son\w+\s*=|javascript:/i.test(svg)) throw new Error('chart SVG contains script');
  let out = svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\sclass="zr\d+-cls-\d+"/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_m, css: string) => {
      const attrs: string[] = [];
      for (const decl of css.split(';')) {
        const i = decl.indexOf(':');
        if (i < 0) continue;
        const prop = decl.slice(0, i).trim().toLowerCase();
        const value = decl.slice(i + 1).trim();
        // The value came out of an attribute already escaped by ECharts; re-escaping quotes keeps it one attribute.
        if (PRESENTATION.has(prop) && value !== '') attrs.push(`${prop}="${value.replace(/"/g, '&quot;')}"`);
      }
      return attrs.length === 0 ? '' : ` ${attrs.join(' ')}`;
    })
    // Unique ids per chart, so two charts on a page never share a clip path.
    .replace(/\bzr\d+-c(\d+)\b/g, `${idPrefix}-clip$1`);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  out = out.replace(
    /^<svg\b([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs.replace(/\swidth="(\d+)"\sheight="(\d+)"/, '')} role="img" aria-labelledby="${titleId} ${descId}" class="chart" focusable="false"><title id="${titleId}">${escapeXml(title)}</title><desc id="${descId}">${escapeXml(description)}</desc>`,
  );
  return out;
}

/**
 * Rendered charts by their full specification (data, labels, locale): ECharts takes tens of
 * milliseconds for a bar per province, and the same chart is asked for again and again. A changed
 * figure changes the key, so nothing stale is served; the oldest entries go first.
 */
const rendered = new Map<string, string>();
const CACHE_SIZE = 200;

/** Renders a chart to an SVG string (a standalone document when served on its own, or inline in a page). */
export function renderChartSvg(spec: ChartSpec): string {
  const key = JSON.stringify(spec);
  const hit = rendered.get(key);
  if (hit !== undefined) {
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const svg = renderUncached(spec);
  rendered.set(key, svg);
  if (rendered.size > CACHE_SIZE) rendered.delete(rendered.keys().next().value as string);
  return svg;
}

/**
 * Two renditions of a chart for a page: the full 720-unit drawing, and one drawn 320 units wide
 * for phones. An SVG scales as a whole, so the wide drawing squeezed into a 320 px screen would
 * shrink its 12 px labels to about 5 px; the narrow one keeps them near their size. The style
 * sheet shows one or the other by the width of the screen (`chart--wide`, `chart--narrow`); the
 * hidden one is `display: none` and so out of the accessibility tree too.
 */
export function renderResponsiveChart(spec: ChartSpec): string {
  const wide = renderChartSvg(spec).replace('class="chart"', 'class="chart chart--wide"');
  const narrow = renderChartSvg({ ...spec, width: NARROW_WIDTH, idPrefix: `${spec.idPrefix}-narrow` }).replace('class="chart"', 'class="chart chart--narrow"');
  return wide + narrow;
}

function renderUncached(spec: ChartSpec): string {
  const n = spec.points.length;
  const horizontal = spec.kind === 'bar';
  const width = spec.width ?? 720;
  const narrow = width < 480;
  // A bar per province needs room for its name: 18 px a bar, plus the axes.
  const height = horizontal ? Math.max(160, 40 + n * 18) : 320;
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const fmt = (v: number): string => formatNumber(v, spec.locale);
    const labels = spec.points.map((p) => p.label);
    const data = spec.points.map((p) => ({ value: p.value, itemStyle: { color: p.highlight === true ? HIGHLIGHT : PRIMARY } }));
    // Narrow bar charts drop the value axis's labels: every bar carries its figure, and the axis's would collide.
    const valueAxis = { type: 'value' as const, ...(narrow ? { splitNumber: 3 } : {}), axisLabel: { show: !(narrow && horizontal), formatter: fmt, color: TEXT, fontFamily: FONT }, splitLine: { lineStyle: { color: GRID } } };
    const categoryAxis = {
      type: 'category' as const,
      data: horizontal ? [...labels].reverse() : labels,
      // On the narrow rendition a long province name is cut with an ellipsis; the table beside the chart has it whole.
      axisLabel: { color: TEXT, fontFamily: FONT, interval: horizontal ? 0 : 'auto', ...(narrow && horizontal ? { width: 96, overflow: 'truncate' as const } : {}) },
      axisLine: { lineStyle: { color: TEXT } },
    };
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT },
      grid: narrow
        ? { left: horizontal ? 104 : 62, right: horizontal ? 64 : 14, top: 16, bottom: horizontal ? 28 : 40, containLabel: false }
        : { left: horizontal ? 130 : 70, right: horizontal ? 90 : 24, top: 16, bottom: horizontal ? 28 : 40, containLabel: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: [
        horizontal
          ? {
              type: 'bar',
              data: [...data].reverse(),
              barMaxWidth: 14,
              label: { show: true, position: 'right', color: TEXT, fontFamily: FONT, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, spec.locale, spec.decimals) : '') },
            }
          : { type: 'line', data, lineStyle: { color: PRIMARY, width: 2 }, symbolSize: 6, connectNulls: false },
      ],
    });
    return sanitiseChartSvg(chart.renderToSVGString(), spec.title, spec.description, spec.idPrefix);
  } finally {
    chart.dispose();
  }
}
