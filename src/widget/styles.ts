/**
 * The widget's stylesheet (shadow DOM). Theme it from the page with these
 * custom properties on `citeqa-ask` (each has a light and a dark default,
 * picked by `prefers-color-scheme`, or forced with `theme="light|dark"`):
 *
 *   --citeqa-font, --citeqa-bg, --citeqa-fg, --citeqa-muted, --citeqa-border,
 *   --citeqa-accent, --citeqa-accent-fg, --citeqa-mark, --citeqa-answer-bg,
 *   --citeqa-error, --citeqa-radius
 *
 * Parts for finer control: `::part(form|label|input|button|status|answers|answer|retry)`.
 */

const palette = (p: string[]): string =>
  ['bg', 'fg', 'muted', 'border', 'accent', 'accent-fg', 'mark', 'answer-bg', 'error']
    .map((name, i) => `--_${name}:var(--citeqa-${name},${p[i]});`)
    .join('');

const LIGHT = palette(['#fff', '#1f2328', '#59636e', '#d1d9e0', '#0550ae', '#fff', '#fff0a0', '#dcecff', '#b42318']);
const DARK = palette(['#151b23', '#e6edf3', '#9da7b3', '#3d444d', '#6cb6ff', '#0d1117', '#6b5500', '#1d3350', '#ff8a80']);

export const CSS =
  `:host{display:block;box-sizing:border-box;max-width:46rem;${LIGHT}color-scheme:light;` +
  `font-family:var(--citeqa-font,inherit);line-height:1.5;color:var(--_fg);background:var(--_bg);` +
  `border:1px solid var(--_border);border-radius:var(--citeqa-radius,10px);padding:1rem}` +
  `@media (prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}color-scheme:dark}}` +
  `:host([theme=dark]){${DARK}color-scheme:dark}` +
  `:host([hidden]){display:none}` +
  `*{box-sizing:border-box}` +
  `label{display:block;font-weight:600;font-size:.875em;margin:0 0 .375rem}` +
  `.row{display:flex;gap:.5rem;position:relative}` +
  `input,button{font:inherit;border-radius:calc(var(--citeqa-radius,10px) - 4px);padding:.5rem .75rem;border:1px solid var(--_border)}` +
  `input{flex:1;min-width:0;color:inherit;background:var(--_bg)}` +
  `button{cursor:pointer;font-weight:600;background:var(--_accent);border-color:var(--_accent);color:var(--_accent-fg)}` +
  `input:focus,:focus-visible{outline:3px solid var(--_accent);outline-offset:2px}` +
  `a{color:var(--_accent);text-underline-offset:2px}` +
  `.status{margin:.75rem 0 0;font-size:.875em;color:var(--_muted)}.status:empty{margin:0}` +
  `:host([data-state=error]) .status,:host([data-state=offline]) .status{color:var(--_error);font-weight:600}` +
  `:host([data-state=empty]) .status{color:var(--_fg);font-weight:600}` +
  `.retry{margin-top:.5rem;background:transparent;color:var(--_accent)}.retry:disabled{cursor:default;opacity:.6}` +
  `ol{list-style:none;margin:0;padding:0}` +
  `li{margin-top:.75rem;padding:.75rem 1rem;border:1px solid var(--_border);border-left:4px solid var(--_accent);border-radius:calc(var(--citeqa-radius,10px) - 4px)}` +
  `blockquote,.lead{margin:0;overflow-wrap:anywhere}blockquote{white-space:pre-line}.lead{margin-bottom:.5rem}` +
  `.answer{font-weight:600;background:var(--_answer-bg);border-radius:3px;padding:0 .125em;-webkit-box-decoration-break:clone;box-decoration-break:clone}` +
  `mark{background:var(--_mark);color:inherit;border-radius:2px}` +
  `.cite{margin:.5rem 0 0;font-size:.875em;color:var(--_muted);overflow-wrap:anywhere}cite,.section{font-style:normal;color:var(--_fg)}` +
  `.src{display:block;font-size:.9em}.hint{margin:.25rem 0 0;font-size:.875em;color:var(--_muted)}` +
  `:host([data-state=loading]) ol{opacity:.55}` +
  `:host([data-state=loading]) .row:after{content:"";position:absolute;left:0;bottom:-6px;height:3px;width:30%;border-radius:2px;background:var(--_accent);animation:q 1s ease-in-out infinite alternate}` +
  `@keyframes q{to{left:70%}}` +
  `@media (prefers-reduced-motion:reduce){:host([data-state=loading]) .row:after{animation:none;width:100%;opacity:.5}}` +
  `@media (max-width:400px){:host{padding:.75rem}li{padding:.625rem .75rem}}`;
