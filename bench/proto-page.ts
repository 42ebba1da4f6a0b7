import { createRequire } from "node:module"; const require = createRequire(import.meta.url);
import { startApp } from './lib/http.ts';
const app = await startApp();
const r = await fetch(app.url + '/tin-tuc/hoat-dong-cua-so/doan-cong-tac-cua-bo-thong-tin-truyen-thong-lam-viec-voi-so-tt-tt-tinh-lao-cai');
const t = await r.text();
console.log(r.status, Buffer.byteLength(t), [...r.headers.entries()].map(([k,v])=>k+': '+v.slice(0,60)).join('\n'));
require('fs').writeFileSync('/tmp/proto/page.html', t);
await app.stop();
