/** A browser-like client over app.inject: keeps cookies, reads CSRF tokens from pages, posts forms. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Response {
  readonly status: number;
  readonly body: string;
  readonly headers: LightMyRequestResponse['headers'];
  readonly location: string | undefined;
}

export class Client {
  readonly cookies = new Map<string, string>();
  lastCsrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): Response {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (match?.[1] !== undefined) this.lastCsrf = match[1];
    const location = res.headers.location;
    return { status: res.statusCode, body: res.body, headers: res.headers, location: typeof location === 'string' ? location : undefined };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } });
    return this.remember(res);
  }

  /** Posts a form; adds the last CSRF token seen unless `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const params = new URLSearchParams();
    if (!('_csrf' in form)) params.append('_csrf', this.lastCsrf);
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    return this.remember(res);
  }

  async raw(options: { method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'; url: string; payload?: string | Buffer; headers?: Record<string, string> }): Promise<Response> {
    const res = await this.app.inject({ method: options.method, url: options.url, payload: options.payload, headers: { cookie: this.cookieHeader(), ...(options.headers ?? {}) } });
    return this.remember(res);
  }
}
