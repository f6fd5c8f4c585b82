import type { Context } from 'hono';
import { ask, fnv1a, type Engine, type IndexMeta } from '../engine/index.js';
import type { AppEnv } from './env.js';
import { logWarning } from './log.js';

/** Seconds `/ask` answers may be cached when CACHE_MAX_AGE is not set. */
export const DEFAULT_CACHE_MAX_AGE = 300;
/** Longest CACHE_MAX_AGE accepted (one year, the HTTP convention). */
export const MAX_CACHE_MAX_AGE = 31_536_000;

/**
 * The question as the cache and ETags see it: Unicode NFC, whitespace runs
 * collapsed to one space, trimmed. Deliberately conservative: it only does what
 * the engine's tokenizer ignores anyway (it splits on whitespace and folds
 * Unicode forms), so two questions with the same normal form get the same
 * answers. Case and punctuation are kept.
 */
export function normaliseQuestion(q: string): string {
  return q.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A short tag of the loaded index: schema version, text options, corpus hash
 * and build time. Any rebuild (every `wrangler deploy` rebuilds) changes it,
 * so a new corpus or a new engine never answers from an old cache entry or
 * with an old ETag.
 */
export function indexTag(meta: IndexMeta): string {
  return fnv1a(JSON.stringify([meta.schemaVersion, meta.optionsFingerprint, meta.corpusHash, meta.builtAt]));
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * ETag of an `/ask` answer: index tag plus a hash of k and the normalised
 * question. Weak (`W/`) because questions that normalise alike share it while
 * their bodies echo each their own `question`, and because Cloudflare weakens
 * strong ETags when it compresses anyway.
 */
export async function askETag(tag: string, normalised: string, k: number): Promise<string> {
  return `W/"${tag}-${(await sha256Hex(`${k}\n${normalised}`)).slice(0, 32)}"`;
}

/** Does an `If-None-Match` header match `etag` (weak comparison, lists and `*` allowed)? */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (t: string): string => t.trim().replace(/^W\//, '');
  const want = opaque(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === want);
}

const warnedMaxAge = new Set<string>();

/** CACHE_MAX_AGE as seconds; an invalid value falls back to the default with a warning (once per isolate). */
export function cacheMaxAge(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_CACHE_MAX_AGE;
  const n = /^\s*\d{1,9}\s*$/.test(raw) ? Number(raw) : NaN;
  if (n >= 0 && n <= MAX_CACHE_MAX_AGE) return n;
  if (!warnedMaxAge.has(raw)) {
    warnedMaxAge.add(raw);
    logWarning(`CACHE_MAX_AGE=${JSON.stringify(raw)} is not a number of seconds from 0 to ${MAX_CACHE_MAX_AGE}; using ${DEFAULT_CACHE_MAX_AGE}`);
  }
  return DEFAULT_CACHE_MAX_AGE;
}

/** The Workers cache, or undefined where there is none (Node). */
function defaultCache(): Cache | undefined {
  return (globalThis as { caches?: { default?: Cache } }).caches?.default;
}

function waitUntil(c: Context<AppEnv>, work: Promise<unknown>): Promise<unknown> | undefined {
  try {
    c.executionCtx.waitUntil(work);
    return undefined;
  } catch {
    return work; // no ExecutionContext (app.request in tests): finish before answering
  }
}

const ANSWER_COUNT = 'X-Citeqa-Answers';

/**
 * Serves `GET /ask` for a validated question: `304` when `If-None-Match`
 * matches the ETag, else the answers from the Workers cache (`X-Cache: HIT`,
 * the engine is not called) or from the engine (`X-Cache: MISS`, then stored
 * in the cache in the background). The cached entry holds the answers only;
 * the response echoes this request's own `question`.
 */
export async function serveAsk(c: Context<AppEnv>, engine: Engine, tag: string, q: string, k: number): Promise<Response> {
  const log = c.get('log') ?? {};
  const normalised = normaliseQuestion(q);
  const maxAge = cacheMaxAge(c.env?.CACHE_MAX_AGE);
  const etag = await askETag(tag, normalised, k);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': maxAge > 0 ? `public, max-age=${maxAge}` : 'no-cache',
  };
  log.k = k;
  log.q = q;
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    log.cache = 'not_modified';
    return new Response(null, { status: 304, headers });
  }

  const cache = maxAge > 0 ? defaultCache() : undefined;
  // A key per index, k and question under this origin; never a URL anyone requests.
  const key = `${new URL(c.req.url).origin}/.citeqa-cache/ask/${etag.slice(3, -1)}`;
  let answersJson: string | undefined;
  let count = 0;
  if (cache !== undefined) {
    try {
      const hit = await cache.match(key);
      if (hit !== undefined) {
        count = Number(hit.headers.get(ANSWER_COUNT) ?? 0);
        answersJson = await hit.text();
      }
    } catch (err) {
      logWarning('cache read failed; answering from the engine', err);
    }
  }
  log.cache = cache === undefined ? 'off' : answersJson === undefined ? 'miss' : 'hit';
  let pending: Promise<unknown> | undefined;
  if (answersJson === undefined) {
    const { answers } = ask(engine, normalised, k);
    answersJson = JSON.stringify(answers);
    count = answers.length;
    if (cache !== undefined) {
      const entry = new Response(answersJson, {
        headers: { 'Content-Type': 'application/json', 'Cache-Control': `max-age=${maxAge}`, [ANSWER_COUNT]: String(count) },
      });
      pending = waitUntil(
        c,
        cache.put(key, entry).catch((err: unknown) => logWarning('cache write failed', err)),
      );
    }
  }
  log.answers = count;
  log.abstained = count === 0;
  if (pending !== undefined) await pending;
  headers['Content-Type'] = 'application/json';
  headers['X-Cache'] = log.cache === 'hit' ? 'HIT' : log.cache === 'miss' ? 'MISS' : 'BYPASS';
  return new Response(`{"question":${JSON.stringify(q)},"answers":${answersJson}}`, { status: 200, headers });
}
