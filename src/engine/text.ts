import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.js';

/** A word of a text: its folded form and its UTF-16 offsets, end exclusive. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// A word is a run of letters, digits and combining marks that starts with a
// letter or digit. Everything else (punctuation, curly quotes, dashes,
// symbols, whitespace) separates words.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARKS = /\p{M}+/gu;
const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * Folds case and diacritics: `"Café"` → `"cafe"`, `"ﬁne"` → `"fine"`.
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS, '');
}

/**
 * Splits `text` into folded words with their offsets in `text`.
 * Punctuation never reaches the index or the query: `"Avocado,”` → `avocado`.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Folded words of `text`, without offsets (MiniSearch's `tokenize` option). */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}

/**
 * Turns one folded word into an index term, or `null` when the word carries
 * no meaning for retrieval: stop words, question words and single letters.
 * Words are stemmed with the Porter stemmer (`stemmer` package), so "models"
 * and "model" meet; numbers are kept as written.
 */
export function term(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  if (word.length === 1 && !(word >= '0' && word <= '9')) return null;
  if (!ASCII_WORD.test(word) || /^[0-9]/.test(word)) return word;
  return stemmer(word);
}

/**
 * The distinct index terms of a question, in first-seen order.
 * `"Who is Alexandr Wang?"` → `["alexandr", "wang"]`.
 */
export function queryTerms(question: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenize(question)) {
    const s = term(t.word);
    if (s !== null) seen.add(s);
  }
  return [...seen];
}

const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_MAX = 200_000;

/**
 * {@link term} with a bounded memo: re-ranking stems the words of candidate
 * passages on every question, and a corpus's vocabulary repeats.
 */
export function cachedTerm(word: string): string | null {
  let t = TERM_CACHE.get(word);
  if (t === undefined) {
    if (TERM_CACHE.size >= TERM_CACHE_MAX) TERM_CACHE.clear();
    t = term(word);
    TERM_CACHE.set(word, t);
  }
  return t;
}
