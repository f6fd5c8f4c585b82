import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv, RequestLogFields } from './env.js';

/** One request's log line (docs/hardening.md). */
export interface RequestLogLine extends RequestLogFields {
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  method: string;
  /** The matched route pattern (`/ask`), or null when no route matched: never the raw path. */
  route: string | null;
  status: number;
  /** Wall time in ms. Workers only advance the clock on I/O, so CPU-only requests log 0. */
  ms: number;
}

/** Writes a structured log line (one JSON object per line; Workers Logs index the fields). */
export function logLine(line: object): void {
  console.log(JSON.stringify(line));
}

/** A `warn` line for something that went wrong but did not fail the request. */
export function logWarning(message: string, err?: unknown): void {
  logLine({ level: 'warn', msg: message, ...(err === undefined ? {} : { cause: err instanceof Error ? err.message : String(err) }) });
}

/**
 * One JSON line per request, written after the response is ready: route,
 * status, duration and what the handler added (k, answers, abstained, cache,
 * error code). The question text only with `LOG_QUESTIONS=true`.
 */
export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    c.set('log', {});
    await next();
    const fields = c.get('log') ?? {};
    const route = routePath(c, -1);
    const status = c.res.status;
    const line: RequestLogLine = {
      level: status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      route: route === '' || route.includes('*') ? null : route,
      status,
      ms: Date.now() - started,
      ...fields,
    };
    if (c.env?.LOG_QUESTIONS !== 'true') delete line.q;
    logLine(line);
  };
}
