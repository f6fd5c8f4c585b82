import type { ParsedDocument } from './corpus.js';

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
