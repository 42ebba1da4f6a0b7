/**
 * Compressed bodies for pages kept in memory: a kept page is compressed once and sent as it is to
 * every browser that accepts the encoding (a 12 KB article page is about 4 KB in Brotli or gzip, a
 * difference a reader on a phone feels). Pages rendered per request are sent uncompressed: compressing
 * each one would cost more server time than it saves on a local network, and a reverse proxy in front
 * can do it.
 */
import type { FastifyReply } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3): Brotli, then gzip, when
 * accepted with a q-value above zero (directly or through `*`); otherwise none.
 */
export function preferredEncoding(header: string | undefined): ContentEncoding {
  if (header === undefined || header === '') return 'identity';
  let br: number | undefined;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const item of header.split(',')) {
    const [rawName = '', ...params] = item.split(';');
    const name = rawName.trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
      if (m !== null) q = Number(m[1]);
    }
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gzip = q;
    else if (name === '*') any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzipQ = gzip ?? any ?? 0;
  if (brQ > 0 && brQ >= gzipQ) return 'br';
  if (gzipQ > 0) return 'gzip';
  return 'identity';
}

/** Compresses a page body once, for keeping: Brotli at a middle quality (fast enough to redo each second), gzip at level 6. */
export function compressBody(body: Buffer, encoding: Exclude<ContentEncoding, 'identity'>): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: 6 });
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/**
 * Marks a response whose body depends on Accept-Encoding: `Vary` always (a shared cache must not give
 * one browser's encoding to another), `Content-Encoding` when the body is compressed.
 */
export function markEncoding(reply: FastifyReply, encoding: ContentEncoding): FastifyReply {
  return reply.headers(encodingHeaders(encoding));
}

/** The headers `markEncoding` sets, for an answer written without a Fastify reply. */
export function encodingHeaders(encoding: ContentEncoding): Record<string, string> {
  return encoding === 'identity' ? { vary: 'Accept-Encoding' } : { vary: 'Accept-Encoding', 'content-encoding': encoding };
}
