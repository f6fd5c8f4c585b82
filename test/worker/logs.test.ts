/**
 * One structured JSON log line per request (docs/hardening.md, "Logs"):
 * route, status, k, answer count, abstained, cache status, duration; the
 * question only with LOG_QUESTIONS=true; unexpected errors logged once more
 * with their stack, and answered with a JSON 500.
 */
import { SELF, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type Env } from '../../src/app.js';
import { seedEngine } from './cache-fixtures.js';

const BASE = 'https://citeqa.test';
const ENV = env as Env;
const QUESTION = 'Who is Alexandr Wang? secret-marker-41';

let lines: string[] = [];
let spies: Array<ReturnType<typeof vi.spyOn>> = [];
beforeEach(() => {
  lines = [];
  spies = (['log', 'info', 'warn', 'error'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
  );
});
afterEach(() => {
  for (const s of spies) s.mockRestore();
});
const parsed = (): Array<Record<string, unknown>> => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

async function call(app: ReturnType<typeof createApp>, path: string, e: Env = ENV, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(BASE + path, init), e, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('request log lines', () => {
  const app = createApp(seedEngine());

  it('writes exactly one JSON line for a request through the Worker', async () => {
    const res = await SELF.fetch(`${BASE}/ask?q=${encodeURIComponent('Who is Alexandr Wang?')}&k=2`);
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1);
    const line = parsed()[0]!;
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/ask', status: 200, k: 2, abstained: false });
    expect(line.answers).toBeGreaterThan(0);
    expect(['hit', 'miss']).toContain(line.cache);
    expect(typeof line.ms).toBe('number');
    expect(Object.keys(line).sort()).toEqual(['abstained', 'answers', 'cache', 'k', 'level', 'method', 'ms', 'msg', 'route', 'status']);
    expect(lines[0]).not.toContain('Alexandr');
  });

  it('never logs the question unless LOG_QUESTIONS is "true"', async () => {
    for (const e of [ENV, { ...ENV, LOG_QUESTIONS: 'false' }, { ...ENV, LOG_QUESTIONS: 'yes' }, {}]) {
      await call(app, `/ask?q=${encodeURIComponent(QUESTION)}`, e);
      await call(app, `/ask?q=${encodeURIComponent(QUESTION)}&k=99`, e);
    }
    expect(lines).toHaveLength(8);
    expect(lines.join('\n')).not.toContain('secret-marker');
    lines = [];
    await call(app, `/ask?q=${encodeURIComponent(QUESTION)}`, { ...ENV, LOG_QUESTIONS: 'true' });
    expect(parsed()[0]!.q).toBe(QUESTION);
  });

  it('logs abstentions, 304s, errors with their code, and unmatched paths without the path', async () => {
    const miss = await call(app, '/ask?q=What+is+the+capital+of+France%3F&k=1');
    const etag = miss.headers.get('etag')!;
    await call(app, '/ask?q=What+is+the+capital+of+France%3F&k=1', ENV, { headers: { 'If-None-Match': etag } });
    await call(app, '/ask?q=');
    await call(app, '/ask?q=Wang', ENV, { method: 'POST' });
    await call(app, '/private/secret-marker-path');
    await call(app, '/health');
    await call(app, '/ask', ENV, { method: 'OPTIONS', headers: { Origin: 'https://blog.example', 'Access-Control-Request-Method': 'GET' } });
    const out = parsed().map(({ ms, ...rest }) => (expect(typeof ms).toBe('number'), rest));
    expect(out).toEqual([
      { level: 'info', msg: 'request', method: 'GET', route: '/ask', status: 200, k: 1, cache: expect.stringMatching(/^(hit|miss)$/), answers: 0, abstained: true },
      { level: 'info', msg: 'request', method: 'GET', route: '/ask', status: 304, k: 1, cache: 'not_modified' },
      { level: 'info', msg: 'request', method: 'GET', route: '/ask', status: 400, error: 'empty_question' },
      { level: 'info', msg: 'request', method: 'POST', route: '/ask', status: 405, error: 'method_not_allowed' },
      { level: 'info', msg: 'request', method: 'GET', route: null, status: 404, error: 'not_found' },
      { level: 'info', msg: 'request', method: 'GET', route: '/health', status: 200 },
      { level: 'info', msg: 'request', method: 'OPTIONS', route: '/ask', status: 204 },
    ]);
    expect(lines.join('\n')).not.toContain('secret-marker');
  });
});

describe('an unexpected error', () => {
  it('answers 500 internal_error as JSON and logs it once with its stack, plus the request line', async () => {
    // An engine whose index fails when a search reads it (whichever search the engine runs).
    const engine = new Proxy(seedEngine(), {
      get(target, prop, receiver) {
        if (prop === 'mini') throw new Error('index exploded');
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const app = createApp(engine);
    const res = await call(app, '/ask?q=Wang');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on our side; the error was logged.' } });
    const [error, request] = parsed();
    expect(error).toMatchObject({ level: 'error', msg: 'unhandled error', error: 'index exploded' });
    expect(String(error!.stack)).toContain('index exploded');
    expect(request).toMatchObject({ level: 'error', msg: 'request', route: '/ask', status: 500, error: 'internal_error', k: 3 });
    expect(lines).toHaveLength(2);
  });
});
