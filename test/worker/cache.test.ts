/**
 * Caching of /ask: ETag and Cache-Control, 304 on If-None-Match, answers from
 * the Workers cache (caches.default) without calling the engine, and ETags
 * and cache entries that change with every index build.
 */
import { SELF, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type Env } from '../../src/app.js';
import { buildIndex, loadEngine, parseTextFile, type Engine } from '../../src/engine/index.js';
import { cacheMaxAge, etagMatches, normaliseQuestion } from '../../src/http/cache.js';

const BASE = 'https://citeqa.test';
const ENV = env as Env;

const ARTICLE_V1 = `Alexandr Wang founded Scale AI in 2016 after dropping out of MIT.
Meta invested $14 billion in Scale AI in June 2025.

Avocado is the code name of Meta's next large language model.
It was planned for release in March 2026.`;
const ARTICLE_V2 = `${ARTICLE_V1}

Avocado was delayed after internal tests.`;
const QUESTIONS = [
  'Who is Alexandr Wang?',
  'When did Meta invest in Scale AI?',
  'What is Avocado?',
  'When was Avocado planned for release?',
  'Who founded Scale AI?',
  'How much did Meta invest?',
  'What is the capital of France?',
];

function engineFor(text: string, corpusHash: string, builtAt = '2026-01-01T00:00:00.000Z'): Engine {
  const parsed = parseTextFile('corpus/article.txt', text);
  return loadEngine(buildIndex(parsed.documents, { corpusHash, builtAt }));
}

/**
 * Counts how often the engine's index is consulted, whichever search the
 * engine runs (MiniSearch's or a compact one): every search reads
 * `engine.mini` first, and nothing else in the app does.
 */
function counted(engine: Engine): { engine: Engine; searches: () => number } {
  let n = 0;
  const proxy = new Proxy(engine, {
    get(target, prop, receiver) {
      if (prop === 'mini') n++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { engine: proxy, searches: () => n };
}

/** Calls an app the way the runtime does, and waits for its background work (cache writes). */
async function call(app: ReturnType<typeof createApp>, path: string, init: RequestInit = {}, e: Env = ENV): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(BASE + path, init), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

let logSpy: ReturnType<typeof vi.spyOn> | undefined;
function captureLogs(): string[] {
  const lines: string[] = [];
  logSpy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  return lines;
}
afterEach(() => {
  logSpy?.mockRestore();
  logSpy = undefined;
});

describe('/ask through the Worker (SELF)', () => {
  it('sends ETag and Cache-Control, then serves the same answers from the Workers cache', async () => {
    const url = `${BASE}/ask?q=${encodeURIComponent('Who is Alexandr Wang? (cache test 1)')}`;
    const first = await SELF.fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]{8}-[0-9a-f]{32}"$/);
    const body = await first.text();

    let second = await SELF.fetch(url);
    // The first response's cache write runs in waitUntil; give it a moment if it has not landed.
    for (let i = 0; i < 20 && second.headers.get('x-cache') !== 'HIT'; i++) {
      await second.text();
      await new Promise((r) => setTimeout(r, 10));
      second = await SELF.fetch(url);
    }
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('etag')).toBe(etag);
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await second.text()).toBe(body);
  });

  it('answers If-None-Match with 304 and no body, for the ETag alone, in a list, or *', async () => {
    const url = `${BASE}/ask?q=Avocado&k=2`;
    const etag = (await SELF.fetch(url)).headers.get('etag')!;
    for (const inm of [etag, `W/"nope", ${etag}`, etag.slice(2), '*']) {
      const res = await SELF.fetch(url, { headers: { 'If-None-Match': inm, Origin: 'https://blog.example' } });
      expect(res.status, inm).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    const stale = await SELF.fetch(url, { headers: { 'If-None-Match': 'W/"00000000-00000000000000000000000000000000"' } });
    expect(stale.status).toBe(200);
  });

  it('gives questions that differ only in spacing or Unicode form one ETag and one cache entry, each echoing its own question', async () => {
    const a = 'Who founded Scale AI?';
    const b = '  Who \t founded   Scale\u00a0AI? ';
    const ra = await SELF.fetch(`${BASE}/ask?q=${encodeURIComponent(a)}`);
    const rb = await SELF.fetch(`${BASE}/ask?q=${encodeURIComponent(b)}`);
    expect(rb.headers.get('etag')).toBe(ra.headers.get('etag'));
    const ba = (await ra.json()) as { question: string; answers: unknown[] };
    const bb = (await rb.json()) as { question: string; answers: unknown[] };
    expect(ba.question).toBe(a);
    expect(bb.question).toBe(b.trim());
    expect(bb.answers).toEqual(ba.answers);
  });

  it('gives another k or another question another ETag', async () => {
    const tags = await Promise.all(
      ['/ask?q=Avocado', '/ask?q=Avocado&k=4', '/ask?q=avocado', '/ask?q=Avocado%3F'].map(async (p) => (await SELF.fetch(BASE + p)).headers.get('etag')),
    );
    expect(new Set(tags).size).toBe(4);
  });

  it('marks errors no-store and gives them no ETag', async () => {
    for (const path of ['/ask?q=', '/ask?q=a&k=0', '/nope']) {
      const res = await SELF.fetch(BASE + path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('etag'), path).toBeNull();
    }
  });
});

describe('/ask from the cache does not reach the engine', () => {
  it('runs the search once for two identical questions, again for another k', async () => {
    const { engine, searches } = counted(engineFor(ARTICLE_V1, 'aaaa000000000001'));
    const app = createApp(engine);
    const logs = captureLogs();
    const q = '/ask?q=Who+is+Alexandr+Wang%3F';

    const first = await call(app, q);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const once = searches();
    expect(once).toBeGreaterThan(0);
    const second = await call(app, q);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(searches()).toBe(once);
    expect(await second.text()).toBe(await first.text());
    const head = await call(app, q, { method: 'HEAD' });
    expect(head.headers.get('x-cache')).toBe('HIT');
    expect(searches()).toBe(once);
    await call(app, `${q}&k=1`);
    expect(searches()).toBeGreaterThan(once);

    const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.cache)).toEqual(['miss', 'hit', 'hit', 'miss']);
    expect(lines[1]).toMatchObject({ route: '/ask', status: 200, k: 3, answers: 1, abstained: false, cache: 'hit' });
  });

  it('with CACHE_MAX_AGE=0 searches every time, says no-cache, and still answers If-None-Match', async () => {
    const { engine, searches } = counted(engineFor(ARTICLE_V1, 'aaaa000000000002'));
    const app = createApp(engine);
    const off: Env = { ...ENV, CACHE_MAX_AGE: '0' };
    captureLogs();
    const a = await call(app, '/ask?q=Avocado', {}, off);
    const once = searches();
    const b = await call(app, '/ask?q=Avocado', {}, off);
    expect(searches()).toBe(2 * once);
    expect(a.headers.get('cache-control')).toBe('no-cache');
    expect(b.headers.get('x-cache')).toBe('BYPASS');
    const etag = a.headers.get('etag')!;
    const c = await call(app, '/ask?q=Avocado', { headers: { 'If-None-Match': etag } }, off);
    expect(c.status).toBe(304);
    expect(searches()).toBe(2 * once);
  });

  it('uses CACHE_MAX_AGE for max-age, and falls back to 300 with one warning when it is not a number', async () => {
    const app = createApp(engineFor(ARTICLE_V1, 'aaaa000000000003'));
    const logs = captureLogs();
    expect((await call(app, '/ask?q=Wang', {}, { ...ENV, CACHE_MAX_AGE: '60' })).headers.get('cache-control')).toBe('public, max-age=60');
    for (let i = 0; i < 3; i++) {
      expect((await call(app, '/ask?q=Wang', {}, { ...ENV, CACHE_MAX_AGE: 'ten minutes' })).headers.get('cache-control')).toBe('public, max-age=300');
    }
    const warnings = logs.filter((l) => l.includes('"level":"warn"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('CACHE_MAX_AGE');
  });
});

describe('a new index build changes every ETag and every cache entry', () => {
  it('gives every question a different ETag after the corpus changes, and the same ETag for the same build', async () => {
    const v1 = createApp(engineFor(ARTICLE_V1, 'aaaa000000000010'));
    const v1again = createApp(engineFor(ARTICLE_V1, 'aaaa000000000010'));
    const v2 = createApp(engineFor(ARTICLE_V2, 'bbbb000000000010'));
    const rebuilt = createApp(engineFor(ARTICLE_V1, 'aaaa000000000010', '2026-01-02T00:00:00.000Z'));
    captureLogs();
    const tags = async (app: ReturnType<typeof createApp>): Promise<string[]> =>
      Promise.all(
        QUESTIONS.flatMap((q) => [1, 3].map(async (k) => (await call(app, `/ask?q=${encodeURIComponent(q)}&k=${k}`)).headers.get('etag')!)),
      );
    const [t1, t1again, t2, t3] = [await tags(v1), await tags(v1again), await tags(v2), await tags(rebuilt)];
    expect(t1again).toEqual(t1);
    expect(new Set(t1).size).toBe(t1.length);
    t1.forEach((tag, i) => {
      expect(t2[i]).not.toBe(tag);
      expect(t3[i]).not.toBe(tag);
    });
  });

  it('never serves one build the answers cached by another', async () => {
    const v1 = createApp(engineFor(ARTICLE_V1, 'aaaa000000000020'));
    const { engine: v2engine, searches } = counted(engineFor(ARTICLE_V2, 'bbbb000000000020'));
    const v2 = createApp(v2engine);
    captureLogs();
    const q = '/ask?q=Was+Avocado+delayed%3F';
    expect((await call(v1, q)).headers.get('x-cache')).toBe('MISS');
    expect((await call(v1, q)).headers.get('x-cache')).toBe('HIT');
    const fresh = await call(v2, q);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(searches()).toBeGreaterThan(0);
    const body = (await fresh.json()) as { answers: Array<{ text: string }> };
    expect(body.answers[0]!.text).toContain('delayed after internal tests');
  });
});

describe('cache helpers', () => {
  it.each([
    ['  a\t\n b  ', 'a b'],
    ['Cafe\u0301', 'Café'],
    ['a\u00a0\u3000b', 'a b'],
    ['Who is Wang?', 'Who is Wang?'],
  ])('normalises %j to %j', (raw, want) => {
    expect(normaliseQuestion(raw)).toBe(want);
  });

  it('compares If-None-Match weakly', () => {
    const tag = 'W/"abc-123"';
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches('"abc-123"', tag)).toBe(true);
    expect(etagMatches('W/"x", W/"abc-123"', tag)).toBe(true);
    expect(etagMatches(' * ', tag)).toBe(true);
    expect(etagMatches('W/"abc-1234"', tag)).toBe(false);
    expect(etagMatches('', tag)).toBe(false);
  });

  it.each([
    [undefined, 300],
    ['', 300],
    ['0', 0],
    ['86400', 86400],
    [' 60 ', 60],
    ['-1', 300],
    ['1.5', 300],
    ['99999999999', 300],
  ])('reads CACHE_MAX_AGE %j as %d seconds', (raw, want) => {
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(cacheMaxAge(raw)).toBe(want);
    quiet.mockRestore();
  });
});
