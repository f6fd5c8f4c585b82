import { createExecutionContext, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import manifestJson from '../../corpus/manifest.json?raw';
import { createApp } from '../../src/app.js';
import { escapeHtml } from '../../src/pages/demo.js';
import { DEMO_STYLE_HASH, WIDGET_ETAG, WIDGET_GZIP_BYTES, WIDGET_JS } from '../../src/generated/widget.js';
import { seedEngine } from './cache-fixtures.js';

const BASE = 'https://citeqa.test';

describe('the widget and the demo page', () => {
  it('serves /widget.js as JavaScript any origin may load, cacheable, with an ETag', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js`, { headers: { Origin: 'https://blog.test' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('etag')).toBe(WIDGET_ETAG);
    expect(await res.text()).toBe(WIDGET_JS);
    const again = await SELF.fetch(`${BASE}/widget.js`, { headers: { 'If-None-Match': WIDGET_ETAG } });
    expect(again.status).toBe(304);
  });

  it('answers HEAD /widget.js with the headers and no body', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('keeps the widget under 6 KB gzip', () => {
    expect(WIDGET_GZIP_BYTES).toBeLessThan(6 * 1024);
    expect(WIDGET_JS).toContain('citeqa-ask');
  });

  it('serves /demo.js', async () => {
    const res = await SELF.fetch(`${BASE}/demo.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves the demo page under a CSP without inline scripts', async () => {
    const res = await SELF.fetch(`${BASE}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`style-src ${DEMO_STYLE_HASH}`);
    const html = await res.text();
    expect(html).toContain(`<script src="${BASE}/widget.js" defer></script>`);
    expect(html).toContain('<citeqa-ask');
    expect(html).toContain('href="/openapi.json"');
    // The snippet is shown escaped, and no script element has inline code.
    expect(html).toContain(`&#60;script src=&#34;${BASE}/widget.js&#34; defer&#62;&#60;/script&#62;`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("offers the corpus manifest's example questions as buttons, escaped", async () => {
    const manifest = JSON.parse(manifestJson) as { examples: string[] };
    const html = await (await SELF.fetch(`${BASE}/`)).text();
    const asked = [...html.matchAll(/<button type="button" data-q="([^"]*)">/g)].map((m) => m[1]);
    expect(asked).toEqual(manifest.examples.map(escapeHtml));
    expect(asked.length).toBeGreaterThan(0);
  });

  it('leaves the examples out of the demo page when the manifest has none', async () => {
    const engine = seedEngine();
    const app = createApp({ ...engine, meta: { ...engine.meta, examples: [] } });
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`${BASE}/`), { RATE_LIMIT: 'off' }, ctx);
    await waitOnExecutionContext(ctx);
    const html = await res.text();
    expect(html).toContain('<citeqa-ask');
    expect(html).not.toContain('data-q=');
    expect(html).not.toContain('Try a question');
  });

  it('answers POST /widget.js with 405', async () => {
    const res = await SELF.fetch(`${BASE}/widget.js`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
});
