import { OpenAPIHono, createRoute, type z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { Context, MiddlewareHandler } from 'hono';
import type { Engine } from './engine/index.js';
import { indexTag, serveAsk } from './http/cache.js';
import type { AppEnv, Env } from './http/env.js';
import { ApiError, errorBody, type ErrorCode } from './http/errors.js';
import { logLine, requestLogger } from './http/log.js';
import { rateLimit } from './http/ratelimit.js';
import { AskQuery, AskResponse, ErrorResponse, HealthResponse } from './http/schemas.js';
import { securityHeaders } from './http/security.js';
import { DEMO_ETAG, DEMO_JS, DEMO_STYLE_HASH, WIDGET_ETAG, WIDGET_JS } from './generated/widget.js';
import { demoPage } from './pages/demo.js';

export type { Env } from './http/env.js';

/** The demo page runs only /widget.js and /demo.js and talks only to this origin. */
const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src ${DEMO_STYLE_HASH}`,
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const JSON_ERROR = { content: { 'application/json': { schema: ErrorResponse } } };
const API_METHODS = ['GET', 'HEAD', 'OPTIONS'];

const askRoute = createRoute({
  method: 'get',
  path: '/ask',
  summary: 'Ask the documents a question',
  description:
    'Returns the passages that best answer the question, each quoted verbatim with the sentence that best answers and an exact citation. `answers` is empty when nothing in the documents answers well enough.',
  request: { query: AskQuery },
  responses: {
    200: {
      description:
        'Cited answers, best first. Carries `ETag` and `Cache-Control` (max-age from CACHE_MAX_AGE), and `X-Cache: HIT` when served from the Workers cache without searching.',
      content: { 'application/json': { schema: AskResponse } },
    },
    304: { description: '`If-None-Match` matched the ETag: the answers have not changed.' },
    400: { description: 'Bad question or parameter.', ...JSON_ERROR },
    405: { description: 'Method other than GET, HEAD or OPTIONS.', ...JSON_ERROR },
    429: { description: 'Too many requests from this client; see `Retry-After`.', ...JSON_ERROR },
  },
});

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Index status',
  responses: {
    200: { description: 'The loaded index.', content: { 'application/json': { schema: HealthResponse } } },
  },
});

/** Maps a failed query validation to the API's stable error code. */
function validationError(error: z.ZodError, repeated: (name: string) => boolean): ApiError {
  const issue = error.issues[0];
  const field = issue?.path[0];
  const custom = issue?.code === 'custom' ? (issue.params?.code as ErrorCode | undefined) : undefined;
  if (custom !== undefined) return new ApiError(400, custom, issue!.message);
  if (typeof field === 'string' && repeated(field)) {
    return new ApiError(400, 'repeated_parameter', `Give \`${String(field)}\` only once.`);
  }
  if (field === 'q') return new ApiError(400, 'missing_question', 'Ask a question with the `q` parameter, e.g. /ask?q=Who+is+Alexandr+Wang');
  return new ApiError(400, 'invalid_k', '`k` must be a whole number from 1 to 10.');
}

function corsFor(env: Env): MiddlewareHandler {
  const list = (env.ALLOWED_ORIGINS ?? '*')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const any = list.length === 0 || list.includes('*');
  return cors({
    origin: any ? '*' : (origin) => (list.includes(origin) ? origin : null),
    allowMethods: API_METHODS,
    // Cross-origin pages (the widget) may only read Retry-After of a 429 if it is exposed.
    exposeHeaders: ['Retry-After'],
    maxAge: 86400,
  });
}

/**
 * The HTTP adapter over an engine: parses and validates requests, calls the
 * engine, shapes JSON. Every error, expected or not, leaves through
 * `onError` as `{"error":{"code","message"}}`.
 */
export function createApp(engine: Engine): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(result.error, (name) => (c.req.queries(name)?.length ?? 0) > 1);
    },
  });

  const tag = indexTag(engine.meta);
  let corsCache: { key: string | undefined; handler: MiddlewareHandler } | undefined;
  const apiCors: MiddlewareHandler<AppEnv> = (c, next) => {
    const key = c.env?.ALLOWED_ORIGINS;
    if (corsCache === undefined || corsCache.key !== key) corsCache = { key, handler: corsFor(c.env ?? {}) };
    return corsCache.handler(c, next);
  };
  // Outermost first: the log line and security headers cover every response,
  // CORS headers every API response (errors too), and a limited client is
  // refused before its request is parsed.
  app.use('*', requestLogger());
  app.use('*', securityHeaders());
  app.use('/ask', apiCors);
  app.use('/health', apiCors);
  app.use('/openapi.json', apiCors);
  app.use('/ask', rateLimit());

  // Percent-escapes that do not decode to UTF-8 are bytes, not a question.
  app.use('/ask', async (c, next) => {
    const query = c.req.url.split('?')[1] ?? '';
    for (const pair of query.split('&')) {
      try {
        decodeURIComponent(pair.replace(/\+/g, ' '));
      } catch {
        throw new ApiError(400, 'invalid_question', 'The query string is not valid UTF-8 percent-encoding.');
      }
    }
    await next();
  });

  app.openapi(askRoute, async (c) => {
    const { q, k } = c.req.valid('query');
    // A raw Response: its body is an AskResponse, possibly spliced from the cache.
    return (await serveAsk(c, engine, tag, q, k)) as never;
  });

  app.openapi(healthRoute, (c) =>
    c.json(
      {
        status: 'ok' as const,
        documents: engine.meta.documents,
        passages: engine.meta.passages,
        index: { version: engine.meta.schemaVersion, corpusHash: engine.meta.corpusHash, builtAt: engine.meta.builtAt },
      },
      200,
    ),
  );

  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'citeqa',
      version: '1',
      description: 'Question answering over a document collection, answered only with cited quotes from it.',
    },
  });

  // The widget and the demo page: bundled into the Worker as strings by
  // scripts/build-widget.ts (one deployable, no asset binding to keep in step).
  const script = (body: string, etag: string, crossOrigin: boolean) => (c: Context<AppEnv>) => {
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('ETag', etag);
    if (crossOrigin) {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.body(body, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  };
  app.get('/widget.js', script(WIDGET_JS, WIDGET_ETAG, true));
  app.get('/demo.js', script(DEMO_JS, DEMO_ETAG, false));
  app.get('/', (c) => {
    c.header('Content-Security-Policy', DEMO_CSP);
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(demoPage({ widgetSrc: new URL('/widget.js', c.req.url).href, examples: engine.meta.examples }));
  });

  for (const path of ['/ask', '/health', '/openapi.json', '/', '/widget.js', '/demo.js']) {
    app.all(path, (c) => {
      throw new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${path}; use GET.`, {
        Allow: API_METHODS.join(', '),
      });
    });
  }

  // The one error path: every error response, expected or not, is made here.
  const onError = (err: Error, c: Context<AppEnv>): Response => {
    const log = c.get('log');
    c.header('Cache-Control', 'no-store');
    if (err instanceof ApiError) {
      if (log !== undefined) log.error = err.code;
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(errorBody(err.code, err.message), err.status);
    }
    if (log !== undefined) log.error = 'internal_error';
    logLine({
      level: 'error',
      msg: 'unhandled error',
      error: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    return c.json(errorBody('internal_error', 'Something went wrong on our side; the error was logged.'), 500);
  };
  app.onError(onError);
  // Returned, not thrown: a throw from here would skip the middlewares' work
  // after `next()` (security headers, the log line).
  app.notFound((c) => onError(new ApiError(404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), c));

  return app;
}
