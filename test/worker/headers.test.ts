/**
 * Security headers on every response, the CSP of HTML pages, and the CORS
 * allowlist (ALLOWED_ORIGINS), tested through the Worker and through
 * `createApp` with other vars.
 */
import { SELF, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type Env } from '../../src/app.js';
import { seedEngine } from './cache-fixtures.js';
import { API_CSP, HTML_CSP, HTML_CSP_DIRECTIVES } from '../../src/http/security.js';

const BASE = 'https://citeqa.test';

const ROUTES: Array<[string, RequestInit?]> = [
  ['/ask?q=Who+is+Alexandr+Wang'],
  ['/ask?q='],
  ['/ask?q=Wang', { method: 'POST' }],
  ['/ask', { method: 'OPTIONS', headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'GET' } }],
  ['/ask?q=Wang', { method: 'HEAD' }],
  ['/health'],
  ['/openapi.json'],
  ['/'],
  ['/widget.js'],
  ['/demo.js'],
  ['/nope'],
];

/** The baseline every HTML page's CSP must meet, whether the default or a page's own. */
function expectBaselineHtmlCsp(csp: string): void {
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['default-src']).toEqual(["'none'"]);
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src'] ?? directives['default-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['form-action']).toBeDefined();
  expect(directives['frame-ancestors']).toBeDefined();
  expect(csp).not.toMatch(/'unsafe-eval'/);
}

describe('security headers', () => {
  it.each(ROUTES)('%s carries nosniff, Referrer-Policy and a CSP', async (path, init) => {
    const res = await SELF.fetch(BASE + path, init);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = res.headers.get('content-security-policy')!;
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) expectBaselineHtmlCsp(csp);
    else expect(csp).toBe(API_CSP);
  });

  it('gives HTML pages without a CSP of their own the default one, which meets the baseline', async () => {
    const app = createApp(seedEngine());
    app.get('/page', (c) => c.html('<!doctype html><p>A page</p>'));
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const res = await app.fetch(new Request(`${BASE}/page`), {});
    quiet.mockRestore();
    expect(res.headers.get('content-security-policy')).toBe(HTML_CSP);
    expectBaselineHtmlCsp(HTML_CSP);
    expect(HTML_CSP.split('; ').map((d) => d.split(' ')[0]).sort()).toEqual(Object.keys(HTML_CSP_DIRECTIVES).sort());
  });

  it('gives the demo page (/) a CSP that meets the baseline, without inline script', async () => {
    const res = await SELF.fetch(`${BASE}/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expectBaselineHtmlCsp(csp);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it('keeps no inline script in the HTML page (the CSP would block it)', async () => {
    const html = await (await SELF.fetch(`${BASE}/`)).text();
    for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      expect(m[0]).toMatch(/\bsrc=/);
      expect(m[1]!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('keeps a CSP a handler set itself', async () => {
    const app = createApp(seedEngine());
    app.get('/custom', (c) => c.html('<p>x</p>', 200, { 'Content-Security-Policy': "default-src 'self'" }));
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const res = await app.fetch(new Request(`${BASE}/custom`), {});
    quiet.mockRestore();
    // Routes added after createApp still pass the '*' middlewares.
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS allowlist (ALLOWED_ORIGINS)', () => {
  const app = createApp(seedEngine());
  const env: Env = { ALLOWED_ORIGINS: 'https://blog.example, https://docs.example' };
  let quiet: ReturnType<typeof vi.spyOn>;
  beforeAll(() => {
    quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(() => quiet.mockRestore());

  async function call(path: string, origin: string | undefined, init: RequestInit = {}, e: Env = env): Promise<Response> {
    const headers = new Headers(init.headers);
    if (origin !== undefined) headers.set('Origin', origin);
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(BASE + path, { ...init, headers }), e, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }
  const preflight = { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'GET' } };

  it.each(['https://blog.example', 'https://docs.example'])('lets %s read answers, errors and preflights', async (origin) => {
    for (const [path, init] of [['/ask?q=Wang', {}], ['/ask?q=', {}], ['/health', {}], ['/ask', preflight]] as const) {
      const res = await call(path, origin, init);
      expect(res.headers.get('access-control-allow-origin'), path).toBe(origin);
      expect(res.headers.get('vary') ?? '', path).toMatch(/origin/i);
    }
  });

  it.each([
    'https://evil.example',
    'https://blog.example.evil.example',
    'http://blog.example',
    'https://blog.example:8443',
    'https://BLOG.example',
    'null',
    '',
    '*',
    'https://blog.example, https://docs.example',
  ])('gives origin %j no Access-Control-Allow-Origin', async (origin) => {
    for (const [path, init] of [['/ask?q=Wang', {}], ['/ask?q=', {}], ['/health', {}], ['/openapi.json', {}], ['/ask', preflight]] as const) {
      const res = await call(path, origin, init);
      expect(res.headers.get('access-control-allow-origin'), `${origin} ${path}`).toBeNull();
    }
  });

  it('still answers a request from another origin (CORS is enforced by browsers; the body is the same)', async () => {
    const res = await call('/ask?q=Wang', 'https://evil.example');
    expect(res.status).toBe(200);
  });

  it('lets every origin in with "*", with an empty list, and without the var', async () => {
    for (const e of [{ ALLOWED_ORIGINS: '*' }, { ALLOWED_ORIGINS: ' , ' }, {}]) {
      expect((await call('/ask?q=Wang', 'https://evil.example', {}, e)).headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('follows a changed ALLOWED_ORIGINS without a new app', async () => {
    expect((await call('/health', 'https://new.example', {}, env)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await call('/health', 'https://new.example', {}, { ALLOWED_ORIGINS: 'https://new.example' })).headers.get('access-control-allow-origin')).toBe('https://new.example');
  });

  it('answers "*" through the Worker with wrangler.toml\'s default', async () => {
    const res = await SELF.fetch(`${BASE}/ask?q=Wang`, { headers: { Origin: 'https://anywhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
