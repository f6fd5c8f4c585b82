import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { logWarning } from './log.js';

/**
 * Seconds a limited client is told to wait. The binding counts in fixed
 * windows of 10 or 60 seconds and does not say when the window ends, so this
 * is the longest window: waiting that long always clears the limit.
 */
export const RETRY_AFTER_SECONDS = 60;

/**
 * The key a client is counted under: its address from `CF-Connecting-IP`
 * (set by Cloudflare, which drops any copy the client sent). IPv6 clients
 * usually hold a whole /64, so they are counted by that prefix; IPv4 addresses
 * (and IPv4-mapped IPv6) by the full address. `undefined` without the header:
 * only service bindings and tests call the Worker that way.
 */
export function clientKey(ip: string | undefined): string | undefined {
  const addr = ip?.trim();
  if (addr === undefined || addr === '') return undefined;
  if (!addr.includes(':')) return addr;
  if (addr.includes('.')) return addr.slice(addr.lastIndexOf(':') + 1);
  const [head = '', tail] = addr.toLowerCase().split('::', 2);
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':') + '::/64';
}

/**
 * Per-client rate limit through the Workers Rate Limiting binding
 * `RATE_LIMITER`. Off when the binding is absent, when `RATE_LIMIT` is `off`,
 * and for requests without a client address. Over the limit: `429
 * rate_limited` with `Retry-After`. If the binding itself fails the request is
 * let through and a warning logged: an outage of the limiter must not take
 * the API down.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = c.env?.RATE_LIMITER;
    const key = clientKey(c.req.header('CF-Connecting-IP'));
    if (limiter !== undefined && c.env?.RATE_LIMIT?.trim().toLowerCase() !== 'off' && key !== undefined) {
      let allowed = true;
      try {
        allowed = (await limiter.limit({ key })).success;
      } catch (err) {
        logWarning('rate limiter failed; request let through', err);
      }
      if (!allowed) {
        throw new ApiError(429, 'rate_limited', `Too many questions from your address; try again in ${RETRY_AFTER_SECONDS} seconds.`, {
          'Retry-After': String(RETRY_AFTER_SECONDS),
        });
      }
    }
    await next();
  };
}
