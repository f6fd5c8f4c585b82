/**
 * DOM building for the widget. Every piece of corpus or question text reaches
 * the page through `document.createTextNode` / `textContent` only; nothing in
 * this file (or the widget) assigns data to `innerHTML`.
 */

import { boldRanges } from './bold.js';
import { citationHref } from './links.js';

/** One answer as `/ask` returns it (fields checked before use: the widget may face any server). */
export interface Answer {
  text: string;
  answer?: string;
  answerRange?: unknown;
  score?: number;
  highlights?: unknown;
  citation?: {
    source?: string;
    title?: string;
    passage?: number;
    lines?: unknown;
    section?: string;
    url?: string;
  };
}

/** `document.createElement` with an optional class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}

/** Valid `[start, end)` ranges inside a string of length `len`; anything else is dropped. */
export function ranges(v: unknown, len: number): [number, number][] {
  const out: [number, number][] = [];
  if (!Array.isArray(v)) return out;
  for (const r of v) {
    if (!Array.isArray(r)) continue;
    const [s, e] = r as unknown[];
    if (Number.isInteger(s) && Number.isInteger(e) && (s as number) >= 0 && (s as number) < (e as number) && (e as number) <= len) {
      out.push([s as number, e as number]);
    }
  }
  return out;
}

/**
 * The passage as nodes: the answering sentence (where `range` says, when it
 * holds exactly the sentence, else its first occurrence in the passage)
 * inside `<strong class="answer">`, matched words inside `<mark>`, Markdown
 * bold ({@link boldRanges}) as `<b>` without its marks.
 * Returns whether the sentence was found.
 */
export function renderPassage(into: HTMLElement, text: string, sentence: string | undefined, highlights: unknown, range?: unknown): boolean {
  const [at] = ranges([range], text.length);
  const s = !sentence ? -1 : at !== undefined && text.slice(at[0], at[1]) === sentence ? at[0] : text.indexOf(sentence);
  const e = s < 0 ? -1 : s + sentence!.length;
  const hl = ranges(highlights, text.length);
  const bold = boldRanges(text);
  const cuts = [0, text.length];
  if (s >= 0) cuts.push(s, e);
  for (const [a, b] of [...hl, ...bold.marks]) cuts.push(a, b);
  cuts.sort((a, b) => a - b);
  let strong: HTMLElement | undefined;
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (a === b || bold.marks.some(([x, y]) => x <= a && b <= y)) continue;
    let node: Node = document.createTextNode(text.slice(a, b));
    if (hl.some(([x, y]) => x <= a && b <= y)) {
      const m = el('mark');
      m.append(node);
      node = m;
    }
    if (bold.inner.some(([x, y]) => x <= a && b <= y)) {
      const m = el('b');
      m.append(node);
      node = m;
    }
    if (s >= 0 && a >= s && b <= e) {
      if (!strong) into.append((strong = el('strong', 'answer')));
      strong.append(node);
    } else {
      into.append(node);
    }
  }
  return s >= 0;
}

const int = (v: unknown): number | undefined => (Number.isInteger(v) ? (v as number) : undefined);

/** One answer card: the passage with the sentence emphasised, then its citation line (title › section, passage, lines, file). */
export function renderAnswer(a: Answer, base: string): HTMLLIElement {
  const li = el('li');
  const text = typeof a.text === 'string' ? a.text : '';
  const sentence = typeof a.answer === 'string' && a.answer.trim() ? a.answer : undefined;
  const q = el('blockquote', 'passage');
  if (!renderPassage(q, text, sentence, a.highlights, a.answerRange) && sentence) {
    // The sentence is not verbatim in the passage: show it above it.
    const p = el('p', 'lead');
    p.append(el('strong', 'answer'));
    p.firstChild!.textContent = sentence;
    li.append(p);
  }
  li.append(q);

  const c = a.citation ?? {};
  const cite = el('p', 'cite');
  const title = (typeof c.title === 'string' && c.title) || (typeof c.source === 'string' && c.source) || 'Source';
  const href = citationHref(c.url, base, sentence);
  const t = el(href ? 'a' : 'cite');
  t.textContent = title;
  if (href) (t as HTMLAnchorElement).href = href;
  cite.append(t);
  if (typeof c.section === 'string' && c.section.trim() && c.section !== title) {
    const section = el('span', 'section');
    section.textContent = c.section;
    cite.append(' › ', section);
  }
  const bits: string[] = [];
  const n = int(c.passage);
  if (n !== undefined) bits.push(`passage ${n}`);
  const lines = Array.isArray(c.lines) ? c.lines : [];
  const l0 = int(lines[0]);
  const l1 = int(lines[1]) ?? l0;
  if (l0 !== undefined) bits.push(l0 === l1 ? `line ${l0}` : `lines ${l0}–${l1}`);
  if (bits.length) cite.append(', ' + bits.join(', '));
  if (typeof c.source === 'string' && c.source && c.source !== title) {
    const src = el('code', 'src');
    src.textContent = c.source;
    cite.append(' ', src);
  }
  li.append(cite);
  return li;
}
