import type { ParsedDocument } from './corpus.js';
import { isQuestion, type Sentence } from './sentences.js';
import { encodeFixed, escapeWide, fixedLength, pushVarint, readFixed, unescapeWide, VarintReader, type FixedColumn } from './compact.js';

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
  /**
   * The sentences joined by one character: a line break before a sentence
   * that begins a line of the document ({@link Sentence.newLine}: a
   * paragraph, list item, table row, line of code), a space otherwise.
   */
  text: string;
  /** Start offset in `text` of each sentence; sentence i ends where i+1 starts (minus the separator). */
  sentences: number[];
}

/**
 * Cuts a document into passages: consecutive whole sentences of one section,
 * packed while the passage stays within {@link MAX_PASSAGE_CHARS}. A longer
 * sentence stands alone. Questions are not left at the end of a passage when
 * they can open the next one with the sentence after them (FAQ text: "Q: How
 * do I export my data?" stays with its answer), nor is a paragraph cut in
 * two when it can open the next one whole. Every sentence lands in exactly
 * one passage, in order.
 *
 * @param docIndex the document's index, stored in each passage
 */
export function toPassages(doc: ParsedDocument, docIndex: number, maxChars = MAX_PASSAGE_CHARS): Passage[] {
  const out: Passage[] = [];
  for (const section of doc.sections) {
    let cur: Sentence[] = [];
    let length = -1;
    const close = (): void => {
      if (cur.length > 0) out.push(passageOf(cur, docIndex, out.length + 1, section.heading));
    };
    const sentences = section.sentences;
    for (let at = 0; at < sentences.length; at++) {
      const s = sentences[at]!;
      if (cur.length > 0 && length + 1 + s.text.length <= maxChars) {
        cur.push(s);
        length += 1 + s.text.length;
        continue;
      }
      // The questions that end the passage (one or more: "Q: My laptop is
      // lost. What should I do?") open the next one with `s`, if they fit
      // and leave a sentence behind.
      let moved = 0;
      let movedLength = s.text.length;
      while (cur.length - moved > 1 && isQuestion(cur[cur.length - 1 - moved]!.text)) {
        const q = cur[cur.length - 1 - moved]!;
        if (q.text.length + 1 + movedLength > maxChars) break;
        movedLength += q.text.length + 1;
        moved++;
      }
      // Else the paragraph (list item, glossary entry) that `s` continues opens the next passage
      // with it, if they fit and leave a line behind: "**Probation**: your first six months." stays
      // with "At the end your manager confirms …".
      if (moved === 0 && s.newLine !== true) {
        let start = cur.length - 1;
        while (start > 0 && cur[start]!.newLine !== true) start--;
        let runLength = s.text.length;
        for (let i = start; i < cur.length; i++) runLength += cur[i]!.text.length + 1;
        // The whole paragraph: its sentences after `s` too.
        let whole = runLength;
        for (let i = at + 1; i < sentences.length && sentences[i]!.newLine !== true && whole <= maxChars; i++) whole += 1 + sentences[i]!.text.length;
        if (start > 0 && whole <= maxChars) {
          moved = cur.length - start;
          movedLength = runLength;
        }
      }
      if (moved > 0) {
        const carried = cur.splice(cur.length - moved, moved);
        close();
        cur = [...carried, s];
        length = movedLength;
        continue;
      }
      close();
      cur = [s];
      length = s.text.length;
    }
    close();
  }
  return out;
}

function passageOf(sentences: readonly Sentence[], doc: number, ordinal: number, section: string): Passage {
  const starts: number[] = [];
  let text = '';
  for (const s of sentences) {
    starts.push(text === '' ? 0 : text.length + 1);
    text = text === '' ? s.text : `${text}${s.newLine ? '\n' : ' '}${s.text}`;
  }
  return {
    doc,
    ordinal,
    section,
    lines: [sentences[0]!.lines[0], Math.max(...sentences.map((s) => s.lines[1]))],
    text,
    sentences: starts,
  };
}

/** The text of the `i`-th sentence of a passage. */
export function sentenceText(p: Pick<Passage, 'text' | 'sentences'>, i: number): string {
  const next = p.sentences[i + 1];
  return p.text.slice(p.sentences[i]!, next === undefined ? undefined : next - 1);
}

/** The text of each sentence of a passage, in order. */
export function passageSentences(p: Pick<Passage, 'text' | 'sentences'>): string[] {
  return p.sentences.map((_, i) => sentenceText(p, i));
}

/**
 * The passage store as the built index ships it: every passage's text in one
 * string, its citation data in one string of small integers, and where each
 * passage starts in both, so a passage is decoded only when it is read and
 * loading decodes nothing (docs/performance.md).
 */
export interface PassageStoreData {
  /** Distinct section headings; passages refer to them by index. */
  sections: string[];
  /** Every passage's text, one after another, with {@link escapeWide} applied. */
  text: string;
  /** Where each passage's text starts in `text`, and where the last ends (n + 1 values). */
  textStart: FixedColumn;
  /**
   * Per passage, as {@link pushVarint} digits: document index, ordinal,
   * section index, first line, last line − first line, number of sentences,
   * then each sentence's start as the gap from the previous start (the
   * first from 0).
   */
  records: string;
  /** Where each passage's record starts in `records`, and where the last ends (n + 1 values). */
  recordStart: FixedColumn;
}

/** Encodes passages as a {@link PassageStoreData}. */
export function encodePassages(passages: readonly Passage[]): PassageStoreData {
  const sections: string[] = [];
  const sectionIndex = new Map<string, number>();
  const text: string[] = [];
  const textStart = [0];
  const records: string[] = [];
  const recordStart = [0];
  let textAt = 0;
  let recordAt = 0;
  for (const p of passages) {
    let s = sectionIndex.get(p.section);
    if (s === undefined) {
      s = sections.length;
      sections.push(p.section);
      sectionIndex.set(p.section, s);
    }
    const escaped = escapeWide(p.text);
    text.push(escaped);
    textStart.push((textAt += escaped.length));
    const rec: string[] = [];
    pushVarint(rec, p.doc);
    pushVarint(rec, p.ordinal);
    pushVarint(rec, s);
    pushVarint(rec, p.lines[0]);
    pushVarint(rec, p.lines[1] - p.lines[0]);
    pushVarint(rec, p.sentences.length);
    let prev = 0;
    for (const start of p.sentences) {
      pushVarint(rec, start - prev);
      prev = start;
    }
    const r = rec.join('');
    records.push(r);
    recordStart.push((recordAt += r.length));
  }
  return {
    sections,
    text: text.join(''),
    textStart: encodeFixed(textStart),
    records: records.join(''),
    recordStart: encodeFixed(recordStart),
  };
}

/** Passage `i` of a {@link PassageStoreData}, decoded. */
export function decodePassage(store: PassageStoreData, i: number): Passage {
  const r = new VarintReader(store.records, readFixed(store.recordStart, i));
  const doc = r.next();
  const ordinal = r.next();
  const section = store.sections[r.next()];
  const first = r.next();
  const last = first + r.next();
  const n = r.next();
  const sentences = new Array<number>(n);
  let start = 0;
  for (let j = 0; j < n; j++) sentences[j] = start += r.next();
  if (section === undefined || r.pos !== readFixed(store.recordStart, i + 1)) {
    throw new Error('citeqa index: a passage record is damaged; rebuild it with `npm run build`');
  }
  const text = unescapeWide(store.text.slice(readFixed(store.textStart, i), readFixed(store.textStart, i + 1)));
  return { doc, ordinal, section, lines: [first, last], text, sentences };
}

/** Checks that a store holds `count` passages, without decoding them. */
function checkStore(store: PassageStoreData, count: number): void {
  if (
    fixedLength(store.textStart) !== count + 1 ||
    fixedLength(store.recordStart) !== count + 1 ||
    readFixed(store.textStart, count) !== store.text.length ||
    readFixed(store.recordStart, count) !== store.records.length
  ) {
    throw new Error('citeqa index: the passage store does not match its passage count; rebuild it with `npm run build`');
  }
}

/** Decodes all `count` passages of a {@link PassageStoreData}. */
export function decodePassages(store: PassageStoreData, count: number): Passage[] {
  checkStore(store, count);
  return Array.from({ length: count }, (_, i) => decodePassage(store, i));
}

/**
 * The `count` passages of a store as an array that decodes each passage the
 * first time it is read (and keeps it): loading a large corpus decodes
 * nothing, and a question decodes only the passages it looks at.
 */
export function lazyPassages(store: PassageStoreData, count: number): readonly Passage[] {
  checkStore(store, count);
  if (count > 0) decodePassage(store, count - 1); // the last record ends where the records do
  const cache = new Array<Passage | undefined>(count);
  const indexOf = (prop: string | symbol): number => {
    if (typeof prop !== 'string' || prop.length === 0 || prop.length > 10) return -1;
    const c = prop.charCodeAt(0);
    if (c < 0x30 || c > 0x39 || (c === 0x30 && prop.length > 1)) return -1;
    const i = Number(prop);
    return Number.isInteger(i) && i < count ? i : -1;
  };
  const fill = (i: number): Passage => (cache[i] ??= decodePassage(store, i));
  return new Proxy(cache as Passage[], {
    get(target, prop, receiver) {
      const i = indexOf(prop);
      return i >= 0 ? fill(i) : Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      return indexOf(prop) >= 0 || Reflect.has(target, prop);
    },
    ownKeys(target) {
      for (let i = 0; i < count; i++) fill(i);
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, prop) {
      const i = indexOf(prop);
      if (i >= 0) fill(i);
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
    set() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}
