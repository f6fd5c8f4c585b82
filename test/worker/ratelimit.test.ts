/**
 * Per-client rate limiting of /ask. The first tests use the `[[ratelimits]]`
 * binding of wrangler.toml as miniflare runs it in workerd (fixed windows,
 * counted in memory); the rest inject bindings into `createApp` to cover a
 * missing, switched-off or failing limiter.
 */
import { SELF, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import wranglerToml from '../../wrangler.toml?raw';
import { createApp, type Env } from '../../src/app.js';
import { seedEngine } from './cache-fixtures.js';
import worker from '../../src/worker.js';
import { RETRY_AFTER_SECONDS, clientKey } from '../../src/http/ratelimit.js';

const BASE = 'https://citeqa.test';
const ENV = env as Env;

/** `limit` of the `[[ratelimits]]` block in wrangler.toml. */
const LIMIT = Number(/\[\[ratelimits\]\][^[]*?limit\s*=\s*(\d+)/.exec(wranglerToml)?.[1]);

function from(ip: string, path = '/ask?q=Wang', init: RequestInit = {}): Promise<Response> {
  return SELF.fetch(BASE + path, { ...init, headers: { 'CF-Connecting-IP': ip, ...(init.headers as Record<string, string> | undefined) } });
}

/**
 * Sends requests from `ip` until the first 429; returns how many passed
 * before it. The binding counts in fixed windows, so a window may roll over
 * during the burst once: allow up to 2 × limit + 1 requests.
 */
async function burst(ip: string): Promise<{ passed: number; limited: Response | undefined }> {
  for (let i = 0; i < 2 * LIMIT + 1; i++) {
    const res = await from(ip);
    if (res.status === 429) return { passed: i, limited: res };
    expect(res.status).toBe(200);
    await res.body?.cancel();
  }
  return { passed: 2 * LIMIT + 1, limited: undefined };
}

describe('the RATE_LIMITER binding from wrangler.toml, in workerd', () => {
  it('is configured: a [[ratelimits]] block named RATE_LIMITER, with the RATE_LIMIT var on', () => {
    expect(LIMIT).toBeGreaterThan(0);
    expect(wranglerToml).toMatch(/\[\[ratelimits\]\]\s*\nname = "RATE_LIMITER"/);
    expect(ENV.RATE_LIMITER).toBeDefined();
    expect(ENV.RATE_LIMIT).toBe('on');
  });

  it(`lets a client ask ${LIMIT} times, then answers 429 rate_limited with Retry-After`, async () => {
    const { passed, limited } = await burst('192.0.2.10');
    expect(limited, `no 429 after ${passed} requests`).toBeDefined();
    expect(passed).toBeGreaterThanOrEqual(LIMIT);
    const res = limited!;
    expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/try again in 60 seconds/);

    // Still limited, whatever it asks, even a malformed question (the limit comes first) ...
    expect((await from('192.0.2.10', '/ask?q=')).status).toBe(429);
    // ... while other clients, clients without an address and other routes are not.
    expect((await from('192.0.2.11')).status).toBe(200);
    expect((await SELF.fetch(`${BASE}/ask?q=Wang`)).status).toBe(200);
    expect((await from('192.0.2.10', '/health')).status).toBe(200);
    // A CORS preflight is answered before the limit is counted.
    const preflight = await from('192.0.2.10', '/ask', { method: 'OPTIONS', headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
  });

  it('counts an IPv6 client by its /64, so rotating addresses inside it does not help', async () => {
    // The Worker's own export with the same binding: SELF gets slower per request (fuzz.test.ts).
    const direct = async (ip: string): Promise<Response> => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(`${BASE}/ask?q=Wang`, { headers: { 'CF-Connecting-IP': ip } }), ENV, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    };
    let limited = 0;
    for (let i = 0; i < 2 * LIMIT + 1 && limited === 0; i++) {
      const res = await direct(`2001:db8:1:2::${(i + 1).toString(16)}`);
      if (res.status === 429) limited = i;
      await res.body?.cancel();
    }
    expect(limited).toBeGreaterThanOrEqual(LIMIT);
    expect((await direct('2001:db8:1:3::1')).status).toBe(200);
  });
});

describe('rate limiting with injected bindings (createApp)', () => {
  const engine = seedEngine();
  const app = createApp(engine);
  const denyAll: RateLimit = { limit: async () => ({ success: false }) };
  const ask = async (e: Env, ip: string | null = '192.0.2.20'): Promise<Response> => {
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request(`${BASE}/ask?q=Wang`, { headers: ip === null ? {} : { 'CF-Connecting-IP': ip } }), e, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
  let logs: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((l: unknown) => void logs.push(String(l)));
  afterEach(() => {
    logs = [];
  });
  afterAll(() => spy.mockRestore());

  it('limits when the binding says so', async () => {
    const res = await ask({ RATE_LIMITER: denyAll });
    expect(res.status).toBe(429);
    expect(JSON.parse(logs.at(-1)!)).toMatchObject({ route: '/ask', status: 429, error: 'rate_limited' });
  });

  it('passes the client address to the binding as the key', async () => {
    const keys: string[] = [];
    const recording: RateLimit = { limit: async ({ key }) => (keys.push(key), { success: true }) };
    await ask({ RATE_LIMITER: recording }, '198.51.100.7');
    await ask({ RATE_LIMITER: recording }, '2001:DB8:0:0a::1');
    expect(keys).toEqual(['198.51.100.7', '2001:db8:0:a::/64']);
  });

  it.each([
    ['RATE_LIMIT=off', { RATE_LIMITER: denyAll, RATE_LIMIT: 'off' }],
    ['RATE_LIMIT=OFF', { RATE_LIMITER: denyAll, RATE_LIMIT: ' OFF ' }],
    ['no binding', {}],
    ['no binding, RATE_LIMIT=on', { RATE_LIMIT: 'on' }],
  ] as Array<[string, Env]>)('does not limit with %s', async (_, e) => {
    expect((await ask(e)).status).toBe(200);
  });

  it('does not limit requests without a client address (service bindings, tests)', async () => {
    expect((await ask({ RATE_LIMITER: denyAll }, null)).status).toBe(200);
  });

  it('lets the request through and logs a warning when the limiter fails', async () => {
    const broken: RateLimit = { limit: async () => Promise.reject(new Error('limiter unavailable')) };
    const res = await ask({ RATE_LIMITER: broken });
    expect(res.status).toBe(200);
    const warn = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 'warn');
    expect(warn).toMatchObject({ msg: 'rate limiter failed; request let through', cause: 'limiter unavailable' });
  });
});

describe('clientKey', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9 ', '203.0.113.9'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:0db8:0000:0000::1', '2001:db8:0:0::/64'],
    ['2001:db8::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['fe80::1:2:3:4', 'fe80:0:0:0::/64'],
  ])('keys %j as %j', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });
});
