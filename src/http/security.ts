import type { MiddlewareHandler } from 'hono';

/**
 * Content-Security-Policy of HTML pages (the home/demo page). It allows this
 * origin's own scripts (the widget, `/widget.js`) and styles, inline styles
 * (the widget's shadow DOM `<style>`), `fetch` to this origin's API, images
 * from this origin and `data:` URLs, and nothing else: no inline or third-party
 * scripts, no plugins, no `<base>`, forms only to this origin. Pages may be
 * framed by any site (`frame-ancestors *`) so the demo can be embedded.
 *
 * To change it, edit this table (docs/hardening.md). A handler that sets its
 * own `Content-Security-Policy` header keeps it.
 */
export const HTML_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'connect-src': "'self'",
  'img-src': "'self' data:",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': '*',
};

/** Everything that is not HTML (JSON, scripts): nothing may load from it, nobody may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function cspHeader(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const HTML_CSP = cspHeader(HTML_CSP_DIRECTIVES);

/** Headers every response carries, whatever its status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Adds {@link SECURITY_HEADERS} to every response, and a CSP: {@link HTML_CSP}
 * on HTML, {@link API_CSP} on everything else, unless the handler set one.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // c.header, not c.res.headers.set: a response may have immutable headers.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (!c.res.headers.has('Content-Security-Policy')) {
      const html = /^text\/html\b/i.test(c.res.headers.get('Content-Type') ?? '');
      c.header('Content-Security-Policy', html ? HTML_CSP : API_CSP);
    }
  };
}
