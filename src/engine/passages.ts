import type { ParsedDocument } from './corpus.js';
import { escapeWide, pushVarint, unescapeWide, VarintReader } from './compact.js';

/** Passages hold whole sentences up to about this many characters. */
export const MAX_PASSAGE_CHARS = 600;

/** One retrievable unit: a run of whole sentences of one section of one document. */
export interface Passage {
  /** Index of the document in the built index's `docs`. */
  doc: number;
  /** 1-based position of the passage in its document. */
  ordinal: number;
  /** Heading the passage sits under ("" when none). */
  section: string;
  /** 1-based, inclusive first and last source line. */
  lines: [number, number];
  /** The sentences joined with single spaces. */
  text: string;
  /** Start offset in `text` of each sentence; sentence i ends where i+1 starts (minus the space). */
  sentences: number[];
}

/**
 * Cuts a document into passages: consecutive whole sentences of one section,
 * packed while the passage stays within {@link MAX_PASSAGE_CHARS}. A longer
 * sentence stands alone. Every sentence lands in exactly one passage, in order.
 *
 * @param docIndex the document's index, stored in each passage
 */
export function toPassages(doc: ParsedDocument, docIndex: number, maxChars = MAX_PASSAGE_CHARS): Passage[] {
  const out: Passage[] = [];
  for (const section of doc.sections) {
    let cur: Passage | undefined;
    for (const s of section.sentences) {
      if (cur !== undefined && cur.text.length + 1 + s.text.length <= maxChars) {
        cur.sentences.push(cur.text.length + 1);
        cur.text += ' ' + s.text;
        cur.lines[1] = Math.max(cur.lines[1], s.lines[1]);
        continue;
      }
      cur = {
        doc: docIndex,
        ordinal: out.length + 1,
        section: section.heading,
        lines: [s.lines[0], s.lines[1]],
        text: s.text,
        sentences: [0],
      };
      out.push(cur);
    }
  }
  return out;
}

/** The text of each sentence of a passage, in order. */
export function passageSentences(p: Pick<Passage, 'text' | 'sentences'>): string[] {
  return p.sentences.map((start, i) => {
    const next = p.sentences[i + 1];
    return p.text.slice(start, next === undefined ? undefined : next - 1);
  });
}

/**
 * The passage store as the built index ships it: every passage's text in one
 * string and its citation data in one column of small integers, so loading
 * it parses no JSON (docs/performance.md).
 */
export interface PassageStoreData {
  /** Distinct section headings; passages refer to them by index. */
  sections: string[];
  /** Every passage's text, one after another, with {@link escapeWide} applied. */
  text: string;
  /**
   * Per passage, as {@link pushVarint} digits: gap from the previous passage's
   * document, ordinal, section index, first line, last line − first line,
   * length of its escaped text, number of sentences, then each sentence's
   * start as the gap from the previous start (the first from 0).
   */
  columns: string;
}

/** Encodes passages (in document order) as a {@link PassageStoreData}. */
export function encodePassages(passages: readonly Passage[]): PassageStoreData {
  const sections: string[] = [];
  const sectionIndex = new Map<string, number>();
  const text: string[] = [];
  const cols: string[] = [];
  let prevDoc = 0;
  for (const p of passages) {
    if (p.doc < prevDoc) throw new Error('citeqa build: passages must be in document order');
    let s = sectionIndex.get(p.section);
    if (s === undefined) {
      s = sections.length;
      sections.push(p.section);
      sectionIndex.set(p.section, s);
    }
    const escaped = escapeWide(p.text);
    text.push(escaped);
    pushVarint(cols, p.doc - prevDoc);
    pushVarint(cols, p.ordinal);
    pushVarint(cols, s);
    pushVarint(cols, p.lines[0]);
    pushVarint(cols, p.lines[1] - p.lines[0]);
    pushVarint(cols, escaped.length);
    pushVarint(cols, p.sentences.length);
    let prev = 0;
    for (const start of p.sentences) {
      pushVarint(cols, start - prev);
      prev = start;
    }
    prevDoc = p.doc;
  }
  return { sections, text: text.join(''), columns: cols.join('') };
}

/** Decodes `count` passages from a {@link PassageStoreData}. */
export function decodePassages(store: PassageStoreData, count: number): Passage[] {
  const out = new Array<Passage>(count);
  const r = new VarintReader(store.columns);
  let doc = 0;
  let at = 0;
  for (let i = 0; i < count; i++) {
    doc += r.next();
    const ordinal = r.next();
    const section = store.sections[r.next()];
    const first = r.next();
    const last = first + r.next();
    const len = r.next();
    const n = r.next();
    const sentences = new Array<number>(n);
    let start = 0;
    for (let j = 0; j < n; j++) sentences[j] = start += r.next();
    if (section === undefined) throw new Error('citeqa index: a passage names a section that does not exist');
    out[i] = { doc, ordinal, section, lines: [first, last], text: unescapeWide(store.text.slice(at, at + len)), sentences };
    at += len;
  }
  if (r.pos !== store.columns.length || at !== store.text.length) {
    throw new Error('citeqa index: the passage store does not match its passage count; rebuild it with `npm run build`');
  }
  return out;
}
