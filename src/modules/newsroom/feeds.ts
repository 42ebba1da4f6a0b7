/** RSS 2.0 (RSS Advisory Board spec) and Atom (RFC 4287) feeds, and the sitemap (sitemaps.org 0.9). */

const escapeXml = (s: string): string =>
  // Characters not allowed in XML 1.0 are dropped; the five special ones escaped.
  s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface FeedItem {
  readonly title: string;
  readonly url: string;
  readonly summary: string;
  readonly author: string;
  readonly publishedAt: string;
  readonly category: string;
}

export interface FeedInfo {
  readonly title: string;
  readonly url: string;
  readonly selfUrl: string;
  readonly description: string;
  readonly language: string;
}

export function rss(info: FeedInfo, items: readonly FeedItem[]): string {
  const entries = items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.url)}</link>
      <guid isPermaLink="true">${escapeXml(i.url)}</guid>
      <description>${escapeXml(i.summary)}</description>
      <category>${escapeXml(i.category)}</category>
      <pubDate>${new Date(i.publishedAt).toUTCString()}</pubDate>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(info.title)}</title>
    <link>${escapeXml(info.url)}</link>
    <atom:link href="${escapeXml(info.selfUrl)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(info.description)}</description>
    <language>${escapeXml(info.language)}</language>
${entries}
  </channel>
</rss>
`;
}

export function atom(info: FeedInfo, items: readonly FeedItem[]): string {
  const updated = items[0]?.publishedAt ?? new Date(0).toISOString();
  const entries = items
    .map(
      (i) => `  <entry>
    <title>${escapeXml(i.title)}</title>
    <link href="${escapeXml(i.url)}"/>
    <id>${escapeXml(i.url)}</id>
    <published>${i.publishedAt}</published>
    <updated>${i.publishedAt}</updated>
    <author><name>${escapeXml(i.author)}</name></author>
    <category term="${escapeXml(i.category)}"/>
    <summary>${escapeXml(i.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(info.language)}">
  <title>${escapeXml(info.title)}</title>
  <subtitle>${escapeXml(info.description)}</subtitle>
  <link href="${escapeXml(info.url)}"/>
  <link rel="self" href="${escapeXml(info.selfUrl)}"/>
  <id>${escapeXml(info.selfUrl)}</id>
  <updated>${updated}</updated>
${entries}
</feed>
`;
}

export function sitemap(urls: readonly { loc: string; lastmod?: string }[]): string {
  const body = urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod === undefined ? '' : `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>`}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}
