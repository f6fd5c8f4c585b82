/**
 * The demo page served at `/`: what citeqa is, the widget, example questions,
 * the embed snippet and the API link. Static HTML with no inline script (the
 * behaviour is `/demo.js`), so it runs under `script-src 'self'`; its one
 * `<style>` block is allowed by hash (`DEMO_STYLE_HASH` in the generated
 * widget module, computed from {@link DEMO_CSS} at build time).
 */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's stylesheet, exactly as it appears in the `<style>` element (hash it as is). */
export const DEMO_CSS = [
  ':root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#f6f8fa;--card:#fff;--border:#d1d9e0;--accent:#0550ae}',
  '@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--card:#151b23;--border:#3d444d;--accent:#6cb6ff}}',
  '*{box-sizing:border-box}',
  'body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  'main{max-width:48rem;margin:0 auto;padding:2rem 1rem 3rem}',
  'h1{font-size:2rem;margin:0;letter-spacing:-.02em}',
  'h2{font-size:1.125rem;margin:2.25rem 0 .5rem}',
  '.lede{font-size:1.125rem;margin:.25rem 0 1.5rem;color:var(--muted)}',
  'a{color:var(--accent)}',
  'citeqa-ask{max-width:none}',
  '.examples{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:.75rem 0 0;padding:0}',
  'button{font:inherit;font-size:.9375rem;color:var(--fg);background:var(--card);border:1px solid var(--border);border-radius:8px;padding:.35rem .8rem;cursor:pointer;text-align:left}',
  'button:hover{border-color:var(--accent)}',
  ':focus-visible{outline:3px solid var(--accent);outline-offset:2px}',
  'ol.how{padding-left:1.25rem}ol.how li{margin:.25rem 0}',
  '.snippet-head{display:flex;align-items:center;justify-content:space-between;gap:1rem;margin:0 0 .5rem}.snippet-head p{margin:0}',
  'pre{margin:0;background:var(--card);border:1px solid var(--border);border-radius:8px;padding:1rem;overflow-x:auto;font-size:.875rem;line-height:1.5}',
  '.snippet-head button{flex:none;font-size:.8125rem}',
  'code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}',
  'p code,li code{font-size:.875em;background:var(--card);border:1px solid var(--border);border-radius:4px;padding:0 .25em;white-space:nowrap}',
  'footer{margin-top:3rem;font-size:.875rem;color:var(--muted)}',
  '@media (max-width:480px){main{padding-top:1.25rem}.lede{font-size:1rem}}',
].join('');

/** Options for {@link demoPage}. */
export interface DemoPageOptions {
  /**
   * URL of `widget.js` as embedders should write it. Pass an absolute URL
   * (e.g. `new URL('/widget.js', request.url).href`) so the snippet on the
   * page can be copied as is; a relative one shows a placeholder host.
   */
  widgetSrc: string;
  /** Example questions about the corpus (its manifest's `examples`), shown as buttons that ask them; none: no section. */
  examples: string[];
}

/** The complete HTML of the demo page. */
export function demoPage(opts: DemoPageOptions): string {
  const absolute = /^https?:\/\//i.test(opts.widgetSrc);
  const origin = absolute ? new URL(opts.widgetSrc).origin : 'https://<your-worker>';
  const snippetSrc = absolute ? opts.widgetSrc : `${origin}/widget.js`;
  const snippet = `<script src="${snippetSrc}" defer></script>\n<citeqa-ask endpoint="${origin}"></citeqa-ask>`;
  const examples = opts.examples
    .map((q) => `<li><button type="button" data-q="${escapeHtml(q)}">${escapeHtml(q)}</button></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>citeqa: answers quoted from your documents, with citations</title>
<meta name="description" content="Ask a question, get the sentence that answers it, quoted from the documents, with the passage and lines it comes from.">
<style>${DEMO_CSS}</style>
<script src="${escapeHtml(opts.widgetSrc)}" defer></script>
<script src="/demo.js" defer></script>
</head>
<body>
<main>
<header>
<h1>citeqa</h1>
<p class="lede">Ask the documents a question. citeqa answers with the sentence that answers it, quoted word for word, inside its passage, with the file, passage and lines it comes from. It never writes text of its own, and says so when the documents have no answer.</p>
</header>
<citeqa-ask placeholder="Ask a question about the documents" k="3"></citeqa-ask>
${
  examples
    ? `<section aria-labelledby="try">
<h2 id="try">Try a question</h2>
<ul class="examples">
${examples}
</ul>
</section>`
    : ''
}
<section aria-labelledby="how">
<h2 id="how">How it answers</h2>
<ol class="how">
<li>It searches the passages of the documents for the words of your question (BM25, with stemming).</li>
<li>In the best passages it picks the sentence that answers best and marks the words that matched.</li>
<li>Each answer cites its document, passage number and line range, so you can check it.</li>
</ol>
</section>
<section aria-labelledby="embed">
<h2 id="embed">Put it on your site</h2>
<div class="snippet-head">
<p>Paste these two lines into any page:</p>
<button type="button" data-copy="snippet">Copy</button>
</div>
<pre><code id="snippet">${escapeHtml(snippet)}</code></pre>
<p>Attributes: <code>placeholder</code>, <code>label</code>, <code>k</code> (answers, 1 to 10), <code>as-you-type</code> (ask while typing), <code>theme</code> (<code>light</code> or <code>dark</code>). Colours and fonts follow CSS custom properties such as <code>--citeqa-accent</code> and <code>--citeqa-font</code>.</p>
</section>
<section aria-labelledby="api">
<h2 id="api">API</h2>
<p><code>GET /ask?q=your+question&amp;k=3</code> returns the answers as JSON. The full contract: <a href="/openapi.json">/openapi.json</a>.</p>
</section>
<footer>citeqa: question answering over your documents with cited quotes, on Cloudflare Workers.</footer>
</main>
</body>
</html>
`;
}
