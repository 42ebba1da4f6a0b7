import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countedPath, deviceOf, isBot, referrerHost } from './classify.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const ANDROID_PHONE = 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const ANDROID_TAB = 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1';

test('people are counted; crawlers, tools and headless browsers are not', () => {
  for (const ua of [CHROME, IPHONE, ANDROID_PHONE, IPAD]) assert.equal(isBot(ua), false, ua);
  for (const ua of [
    undefined,
    '',
    '   ',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'coccocbot-web/1.0',
    'curl/8.5.0',
    'Wget/1.21.4',
    'python-requests/2.31.0',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'facebookexternalhit/1.1',
  ]) assert.equal(isBot(ua), true, String(ua));
});

test('device classes', () => {
  assert.equal(deviceOf(CHROME), 'desktop');
  assert.equal(deviceOf(IPHONE), 'mobile');
  assert.equal(deviceOf(ANDROID_PHONE), 'mobile');
  assert.equal(deviceOf(ANDROID_TAB), 'tablet');
  assert.equal(deviceOf(IPAD), 'tablet');
});

test('paths: public pages only, query reduced to the allowlist', () => {
  assert.equal(countedPath('/'), '/');
  assert.equal(countedPath('/tin-tuc/'), '/tin-tuc');
  assert.equal(countedPath('/tin-tuc?trang=2&utm_source=x'), '/tin-tuc?trang=2');
  assert.equal(countedPath('/tim-kiem?q=nguyen+van+a'), '/tim-kiem');
  assert.equal(countedPath('/tin-tuc?trang=abc'), '/tin-tuc');
  for (const url of ['/assets/site.css', '/api/v1/indicators', '/quan-tri', '/quan-tri/nguoi-dung', '/healthz', '//evil.example']) assert.equal(countedPath(url), null, url);
});

test('referrers: external hosts only', () => {
  const own = new Set(['congso.laocai.gov.vn', 'localhost']);
  assert.equal(referrerHost('https://www.google.com/search?q=x', own), 'google.com');
  assert.equal(referrerHost('https://congso.laocai.gov.vn/tin-tuc', own), null);
  assert.equal(referrerHost('http://localhost:3000/', own), null);
  assert.equal(referrerHost('android-app://com.google.android.gm/', own), null);
  assert.equal(referrerHost('not a url', own), null);
  assert.equal(referrerHost(undefined, own), null);
});
