/**
 * Fuzzed HTTP contract through the real Worker in workerd: arbitrary
 * questions, parameters, paths, methods and headers. Every response is one of
 * the documented shapes, never a 5xx, and the Worker never logs an error or a
 * warning. A fixed seed keeps CI reproducible; CITEQA_FUZZ_RUNS and
 * CITEQA_FUZZ_SEED run more or other cases (see vitest.config.ts).
 *
 * The bulk of the cases call the Worker's default export (the very module
 * `SELF` serves, with wrangler.toml's vars and bindings and a real
 * ExecutionContext) because `SELF.fetch` in @cloudflare/vitest-pool-workers
 * 0.15 gets slower with every request a workerd instance has served (upstream
 * workers-sdk issue 15446: ~6 ms to ~150 ms per request after 1,000). A
 * smaller run goes through `SELF` to cover the service-binding hop too.
 */
import { SELF, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Env } from '../../src/app.js';
import type { ErrorCode } from '../../src/http/errors.js';
import worker from '../../src/worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fuzzRuns: string;
    fuzzSeed: string;
  }
}

const RUNS = Number(inject('fuzzRuns')) || 4000;
/** Cases sent through SELF (see above). */
const SELF_RUNS = 150;
const SEED = Number(inject('fuzzSeed')) || 0x0c17e9a;
const BASE = 'https://citeqa.test';

const ERROR_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'missing_question', 'empty_question', 'question_too_long', 'invalid_question', 'invalid_k',
  'repeated_parameter', 'not_found', 'method_not_allowed', 'rate_limited', 'internal_error',
]);
const CODES_BY_STATUS: Record<number, readonly string[]> = {
  400: ['missing_question', 'empty_question', 'question_too_long', 'invalid_question', 'invalid_k', 'repeated_parameter'],
  404: ['not_found'],
  405: ['method_not_allowed'],
  429: ['rate_limited'],
};
const ANSWER_KEYS = ['answer', 'answerRange', 'citation', 'highlights', 'score', 'text'];
const CITATION_KEYS = new Set(['source', 'title', 'passage', 'lines', 'url']);

// --- generators -------------------------------------------------------------

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];
const CONTROL = fc.integer({ min: 0, max: 0x9f }).filter((n) => n < 0x20 || n >= 0x7f).map((n) => String.fromCharCode(n));
const MARKUP = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</title><svg onload=alert(1)>', "' OR 1=1 --",
  '{{7*7}}', '${7*7}', '../../etc/passwd', '\\u0000', '&amp;&lt;', '<!--', ']]>', '{"q":1}', 'null', '__proto__',
];
const WORDS = ['Who', 'is', 'Alexandr', 'Wang', 'Meta', 'Avocado', 'Scale', 'AI', 'models', 'release', '2025', 'billion', 'what', 'the', '?', 'Café', 'naïve', '北京', '🙂', 'e\u0301'];
const RAW_ESCAPES = ['%', '%%', '%2', '%G0', '%FF', '%C3', '%C3%28', '%E2%82', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', '%00', '%0A', '%2B', '%26', '%3D', '%23', '%25'];

/** Questions as text (before they are put into a URL). */
const questionText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(...LONE_SURROGATES), CONTROL, fc.constantFrom('a', ' ', '\t', '\n')), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n', '\u00a0', '\u3000', '\u200b', '\ufeff', '\ufffd') },
  // Long questions around the 500-character limit and up to 10,000 characters.
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: 120, max: 10_000 })).map(([s, n]) => s.repeat(n).slice(0, 10_000)) },
  { weight: 1, arbitrary: fc.integer({ min: 495, max: 505 }).map((n) => 'W'.repeat(n)) },
);

/** How a value is written into the query string. */
type Encoding = 'component' | 'plus' | 'raw' | 'escapes';
function encode(value: string, how: Encoding): string {
  if (how === 'raw') return value; // the URL parser percent-encodes what it must; & # = keep their meaning
  if (how === 'escapes') return value;
  try {
    const e = encodeURIComponent(value);
    return how === 'plus' ? e.replace(/%20/g, '+') : e;
  } catch {
    return value; // lone surrogates: encodeURIComponent throws, send them raw
  }
}

const kValue = fc.oneof(
  fc.integer({ min: -3, max: 13 }).map(String),
  fc.constantFrom('', '03', '007', '1e1', '2.5', ' 3', '3 ', '٣', '0x3', 'NaN', 'Infinity', '+3', '10', '1'),
  fc.string({ maxLength: 6 }),
);

interface Param {
  name: string;
  value: string;
  how: Encoding;
}
const param: fc.Arbitrary<Param> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ name: fc.constant('q'), value: questionText, how: fc.constantFrom<Encoding>('component', 'component', 'plus', 'raw') }) },
  { weight: 3, arbitrary: fc.record({ name: fc.constant('k'), value: kValue, how: fc.constantFrom<Encoding>('component', 'raw') }) },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('q', 'k', 'x'), value: fc.array(fc.constantFrom(...RAW_ESCAPES, 'a', 'Wang', ' '), { maxLength: 5 }).map((a) => a.join('')), how: fc.constant<Encoding>('escapes') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      name: fc.oneof(fc.constantFrom('Q', 'K', 'q[]', 'q ', '', 'callback', '__proto__', 'constructor', 'utm_source', 'k%00'), fc.string({ maxLength: 8 })),
      value: fc.oneof(questionText, kValue),
      how: fc.constantFrom<Encoding>('component', 'raw'),
    }),
  },
);

/** A request a client could plausibly send: GET /ask, one question, maybe k, maybe noise. */
const plausible = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD'),
  path: fc.constant('/ask'),
  params: fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }).map((w) => w.join(' ')) },
        { weight: 1, arbitrary: questionText },
      ),
      fc.option(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 10 }).map(String) }, { weight: 1, arbitrary: kValue }), { nil: undefined }),
      fc.array(fc.record({ name: fc.constantFrom('utm_source', 'lang', 'x'), value: fc.string({ maxLength: 8 }), how: fc.constant<Encoding>('component') }), { maxLength: 2 }),
      fc.constantFrom<Encoding>('component', 'plus'),
    )
    .map(([q, k, extra, how]): Param[] => [
      { name: 'q', value: q, how },
      ...(k === undefined ? [] : [{ name: 'k', value: k, how: 'component' as const }]),
      ...extra,
    ]),
  fragment: fc.constant(undefined),
  headers: fc.record({ origin: fc.constantFrom('https://blog.example', 'https://evil.example') }, { requiredKeys: [] }),
});

const wild = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'patch', 'PROPFIND', 'QUERY'),
  path: fc.constantFrom(...Array<string>(20).fill('/ask'), '/ask/', '/ASK', '//ask', '/ask;x', '/health', '/openapi.json', '/', '/widget.js', '/demo.js', '/%FF', '/ask%00', '/..%2fask'),
  params: fc.array(param, { maxLength: 6 }),
  fragment: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
  headers: fc.record(
    {
      origin: fc.constantFrom('https://blog.example', 'null', '', 'https://evil.example'),
      ifNoneMatch: fc.oneof(fc.constantFrom('*', 'W/"x"', '"', ''), fc.string({ maxLength: 40 })),
      accept: fc.constantFrom('text/html', 'application/xml', '*/*', ''),
      acrm: fc.constantFrom('GET', 'POST', 'DELETE'),
    },
    { requiredKeys: [] },
  ),
});
type Req = typeof wild extends fc.Arbitrary<infer T> ? T : never;
/** Three wild requests for each plausible one (a plausible request is a wild one with fewer choices). */
const request: fc.Arbitrary<Req> = fc.oneof({ weight: 3, arbitrary: wild }, { weight: 1, arbitrary: plausible as unknown as fc.Arbitrary<Req> });

/** No lone surrogates (String#isWellFormed is ES2024). */
function wellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

function urlOf(r: Req): string {
  const query = r.params.map((p) => `${encode(p.name, p.how === 'escapes' ? 'component' : p.how)}=${encode(p.value, p.how)}`).join('&');
  return `${BASE}${r.path}${query === '' ? '' : '?' + query}${r.fragment === undefined ? '' : '#' + r.fragment}`;
}

/**
 * The request's parameters as the Worker will see them, when that is certain:
 * percent-encoded with encodeURIComponent, names and values free of lone
 * surrogates. Otherwise undefined (the oracle then only checks the shape).
 */
function knownParams(r: Req): Array<[string, string]> | undefined {
  if (r.fragment !== undefined) return undefined;
  const out: Array<[string, string]> = [];
  for (const p of r.params) {
    if (p.how !== 'component' && p.how !== 'plus') return undefined;
    if (p.name === '' || !wellFormed(p.name) || !wellFormed(p.value)) return undefined;
    out.push([p.name, p.value]);
  }
  return out;
}

const QUESTION_OK = (q: string): boolean =>
  q !== '' && [...q].length <= 500 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u.test(q);
const TRIM = (s: string): string => s.trim();

// --- the property ----------------------------------------------------------

let logs: string[] = [];
/** Outcomes seen, by status and error code: the property must reach every one. */
const tally = new Map<string, number>();
const count = (key: string): void => void tally.set(key, (tally.get(key) ?? 0) + 1);
const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const saved = LEVELS.map((level) => console[level]);
beforeAll(() => {
  // Plain replacements, not vi.spyOn: a spy keeps every call and slows down as they add up.
  for (const level of LEVELS) {
    console[level] = (...args: unknown[]) => {
      logs.push(`${level} ${args.map(String).join(' ')}`);
    };
  }
});
afterAll(() => {
  LEVELS.forEach((level, i) => (console[level] = saved[i]!));
});

type Send = (url: string, init: RequestInit) => Promise<Response>;

const direct: Send = async (url, init) => {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(url, init), env as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
};
const viaSelf: Send = (url, init) => SELF.fetch(url, init);

async function check(r: Req, send: Send): Promise<void> {
  const url = urlOf(r);
  const headers = new Headers();
  if (r.headers.origin !== undefined) headers.set('Origin', r.headers.origin);
  if (r.headers.ifNoneMatch !== undefined) headers.set('If-None-Match', r.headers.ifNoneMatch.replace(/[^\x20-\x7e]/g, ''));
  if (r.headers.accept !== undefined) headers.set('Accept', r.headers.accept);
  if (r.headers.acrm !== undefined) headers.set('Access-Control-Request-Method', r.headers.acrm);
  const hasBody = !['GET', 'HEAD'].includes(r.method.toUpperCase());
  const before = logs.length;
  const res = await send(url, { method: r.method, headers, body: hasBody ? 'q=Wang' : undefined });
  const text = await res.text();
  const where = `${r.method} ${url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;

  expect(res.status, where).toBeLessThan(500);
  expect([200, 204, 304, 400, 404, 405, 429], where).toContain(res.status);
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');

  // The Worker logs exactly one info line for the request, nothing else.
  const lines = logs.slice(before);
  expect(lines.length, `${where}\n${lines.join('\n')}`).toBe(1);
  expect(lines[0], where).toMatch(/^log \{"level":"info","msg":"request"/);

  const method = new Request(url, { method: r.method }).method;
  if (method === 'HEAD' || res.status === 204 || res.status === 304) {
    expect(text, where).toBe('');
    if (res.status === 204) expect(method, where).toBe('OPTIONS');
    if (res.status === 304) expect(res.headers.get('etag'), where).toMatch(/^W\/"/);
    count(`${res.status} ${method === 'HEAD' ? 'HEAD' : 'empty'}`);
    return;
  }
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 200 && type.startsWith('text/html')) {
    expect(new URL(url).pathname, where).toBe('/');
    count('200 html');
    return;
  }
  if (res.status === 200 && type.startsWith('text/javascript')) {
    expect(['/widget.js', '/demo.js'], where).toContain(new URL(url).pathname);
    count('200 script');
    return;
  }
  expect(type, where).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Record<string, unknown>;

  if (res.status !== 200) {
    expect(Object.keys(body), where).toEqual(['error']);
    const error = body.error as { code: ErrorCode; message: string };
    expect(Object.keys(error).sort(), where).toEqual(['code', 'message']);
    expect(ERROR_CODES.has(error.code), where).toBe(true);
    expect(CODES_BY_STATUS[res.status], where).toContain(error.code);
    expect(typeof error.message === 'string' && error.message.length > 0, where).toBe(true);
    if (res.status === 405) expect(res.headers.get('allow'), where).toBe('GET, HEAD, OPTIONS');
    count(`${res.status} ${error.code}`);
  } else if (new URL(url).pathname === '/ask') {
    expect(Object.keys(body), where).toEqual(['question', 'answers']);
    expect(typeof body.question, where).toBe('string');
    expect(QUESTION_OK(body.question as string), where).toBe(true);
    expect(res.headers.get('etag'), where).toMatch(/^W\/"[0-9a-f]{8}-[0-9a-f]{32}"$/);
    expect(res.headers.get('cache-control'), where).toMatch(/^public, max-age=\d+$/);
    const answers = body.answers as Array<Record<string, unknown>>;
    expect(Array.isArray(answers), where).toBe(true);
    count(answers.length > 0 ? '200 answers' : '200 no answer');
    expect(answers.length, where).toBeLessThanOrEqual(10);
    for (const a of answers) {
      expect(Object.keys(a).sort(), where).toEqual(ANSWER_KEYS);
      const t = a.text as string;
      expect(typeof t === 'string' && t.length > 0, where).toBe(true);
      expect(t, where).toContain(a.answer as string);
      expect(t.slice(...(a.answerRange as [number, number])), where).toBe(a.answer);
      expect(Number.isFinite(a.score), where).toBe(true);
      for (const [s, e] of a.highlights as Array<[number, number]>) expect(0 <= s && s < e && e <= t.length, where).toBe(true);
      const c = a.citation as Record<string, unknown>;
      for (const key of Object.keys(c)) expect(CITATION_KEYS.has(key), where).toBe(true);
      expect(typeof c.source === 'string' && Number.isInteger(c.passage), where).toBe(true);
    }
  } else {
    expect(['/health', '/openapi.json'], where).toContain(new URL(url).pathname);
    count(`200 ${new URL(url).pathname}`);
  }

  // Where the parameters are known exactly, the status follows from them.
  const known = knownParams(r);
  if (known === undefined || new URL(url).pathname !== '/ask' || method !== 'GET') return;
  const qs = known.filter(([n]) => n === 'q').map(([, v]) => v);
  const ks = known.filter(([n]) => n === 'k').map(([, v]) => v);
  const kOk = ks.length === 0 || (ks.length === 1 && /^[0-9]{1,2}$/.test(ks[0]!) && Number(ks[0]) >= 1 && Number(ks[0]) <= 10);
  const valid = qs.length === 1 && QUESTION_OK(TRIM(qs[0]!)) && kOk;
  expect(res.status === 200, `${where}\nexpected ${valid ? '200' : '400'}`).toBe(valid);
  count(`oracle ${valid ? 'valid' : 'invalid'}`);
  if (valid) {
    expect(body.question, where).toBe(TRIM(qs[0]!));
    expect((body.answers as unknown[]).length, where).toBeLessThanOrEqual(ks.length === 1 ? Number(ks[0]) : 3);
  } else if (res.status === 400 && qs.length === 0) {
    expect((body.error as { code: string }).code, where).toMatch(/^(missing_question|repeated_parameter|invalid_k)$/);
  }
}

describe('fuzzed HTTP contract', () => {
  it(`answers ${RUNS} arbitrary requests with documented JSON shapes, never a 5xx or a logged error`, async () => {
    await fc.assert(fc.asyncProperty(request, (r) => check(r, direct)), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  }, 600_000);

  it('reached every kind of outcome', () => {
    saved[2]!.call(console, `fuzz outcomes over ${RUNS} cases (seed ${SEED}):\n${[...tally].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
    for (const outcome of [
      '200 answers', '200 no answer', '200 html', '200 script', '200 /health', '200 /openapi.json', '204 empty', '200 HEAD',
      '400 missing_question', '400 empty_question', '400 question_too_long', '400 invalid_question', '400 invalid_k',
      '400 repeated_parameter', '404 not_found', '405 method_not_allowed', 'oracle valid', 'oracle invalid',
    ]) {
      expect(tally.get(outcome) ?? 0, outcome).toBeGreaterThan(RUNS / 500);
    }
  });

  it(`answers ${SELF_RUNS} of them the same through SELF (the service binding)`, async () => {
    await fc.assert(fc.asyncProperty(request, (r) => check(r, viaSelf)), { seed: SEED + 1, numRuns: SELF_RUNS, endOnFailure: true });
  }, 60_000);

  it('generates every kind of input it claims to (the generators are not degenerate)', () => {
    const sample = fc.sample(request, { seed: SEED, numRuns: 2000 });
    const qs = sample.flatMap((r) => r.params.filter((p) => p.name === 'q').map((p) => p.value));
    expect(qs.some((q) => q.length >= 5000)).toBe(true);
    expect(qs.some((q) => !wellFormed(q))).toBe(true);
    expect(qs.some((q) => /[\u0000-\u001f]/.test(q))).toBe(true);
    expect(qs.some((q) => q.includes('<script>'))).toBe(true);
    expect(qs.some((q) => /[^\u0000-\u00ff]/.test(q))).toBe(true);
    expect(sample.some((r) => r.params.some((p) => p.how === 'escapes' && /%(FF|C3|ED)/.test(p.value)))).toBe(true);
    expect(sample.some((r) => r.params.filter((p) => p.name === 'q').length > 1)).toBe(true);
    expect(new Set(sample.map((r) => r.method)).size).toBeGreaterThanOrEqual(10);
  });
});
