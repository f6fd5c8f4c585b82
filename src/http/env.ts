/**
 * Bindings and vars from wrangler.toml. Every one is optional: the app runs
 * with none of them (tests, `createApp` in Node), with the defaults below.
 */
export interface Env {
  /** Comma-separated origins allowed to call the API from browsers, or `*` (default). */
  ALLOWED_ORIGINS?: string;
  /** Seconds `/ask` answers may be cached by browsers and the Workers cache (default 300; `0` turns caching off). */
  CACHE_MAX_AGE?: string;
  /** `off` turns rate limiting off even when the `RATE_LIMITER` binding exists. */
  RATE_LIMIT?: string;
  /** Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml); without it nothing is limited. */
  RATE_LIMITER?: RateLimit;
  /** `true` adds the question text to the request log line (off by default: questions may be personal). */
  LOG_QUESTIONS?: string;
}

/** How `/ask` was served with respect to caching. */
export type CacheStatus = 'hit' | 'miss' | 'not_modified' | 'off';

/** What handlers add to the request's log line. */
export interface RequestLogFields {
  k?: number;
  answers?: number;
  abstained?: boolean;
  cache?: CacheStatus;
  /** Error code of a 4xx/5xx answer. */
  error?: string;
  /** The question; only when LOG_QUESTIONS is `true`. */
  q?: string;
}

export type AppEnv = { Bindings: Env; Variables: { log: RequestLogFields } };
