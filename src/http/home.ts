import type { Engine } from '../engine/index.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A short page that says what this endpoint is and how to ask it. */
export function homePage(engine: Engine): string {
  const titles = [...new Set(engine.docs.map((d) => d.title))].slice(0, 5).map(escapeHtml);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>citeqa</title></head>
<body>
<h1>citeqa</h1>
<p>Ask these documents a question; every answer is a quote with its citation.
${engine.meta.documents} documents, ${engine.meta.passages} passages: ${titles.join('; ')}${engine.docs.length > 5 ? '; …' : ''}.</p>
<p>Try <a href="/ask?q=Who+is+Alexandr+Wang%3F"><code>GET /ask?q=Who+is+Alexandr+Wang%3F</code></a>,
see <a href="/health">/health</a> and the API description at <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>`;
}
