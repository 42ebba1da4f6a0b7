import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from '../../helpers/build.ts';
import { Client } from '../../helpers/client.ts';
import { articleForm, categoryId, publishedArticle } from './helpers.ts';

/** The sources of one CSP directive, e.g. imgSources(csp) → ["'self'", 'data:', 'https:']. */
function sources(csp: string, directive: string): string[] {
  const found = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === directive);
  assert.ok(found, `${directive} in ${csp}`);
  return found.slice(1);
}

/** Whether an image address may load under img-src (the host-less scheme sources and 'self' only). */
function allowsImage(csp: string, address: string, pageOrigin: string): boolean {
  const url = new URL(address, pageOrigin);
  return sources(csp, 'img-src').some((s) => (s === "'self'" ? url.origin === pageOrigin : s === '*' || s === url.protocol));
}

test('an article body with an image kept on another https site is shown and allowed by the CSP; clear-text images are not', async (t) => {
  const { app, store } = await build(t);
  const image = 'https://images.example.org/2008/10/doan-cong-tac.jpg';
  const { path } = await publishedArticle(app, store, articleForm(await categoryId(store, 'tin-trong-tinh'), {
    title: 'Ảnh từ cổng thông tin cũ',
    body: `<p>Đoàn công tác làm việc tại Lào Cai.</p><p><img src="${image}" alt="Đoàn công tác tại Sở"></p>`,
  }));
  const page = await new Client(app).get(path);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes(`<img src="${image}" alt="Đoàn công tác tại Sở"`), 'the image is in the body');
  const csp = String(page.headers['content-security-policy']);
  const origin = 'http://localhost:3000';
  assert.equal(allowsImage(csp, image, origin), true, csp);
  assert.equal(allowsImage(csp, '/uploads/cover.webp', origin), true);
  assert.equal(allowsImage(csp, 'data:image/png;base64,AAAA', origin), true);
  assert.equal(allowsImage(csp, 'http://images.example.org/a.jpg', origin), false, 'no clear-text images');
  assert.deepEqual(sources(csp, 'img-src'), ["'self'", 'data:', 'https:']);
  // Nothing else is opened up: scripts, styles, frames and connections stay on the portal.
  assert.deepEqual(sources(csp, 'script-src'), ["'self'"]);
  assert.deepEqual(sources(csp, 'connect-src'), ["'self'"]);
  assert.deepEqual(sources(csp, 'default-src'), ["'self'"]);
});
