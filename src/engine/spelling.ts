const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const WORD = /^[a-z]+$/;
const A = 0x61;
const Z = 0x7a;

/** The index's terms in code-unit order, as one string and offsets. */
export interface Vocabulary {
  /** Every term, one after another. */
  readonly text: string;
  /** Where each term starts in `text`, and where the last ends (one more than there are terms). */
  readonly starts: Int32Array;
  /** How common the `i`-th term is in the index (larger: in more passages or fields). */
  frequency(i: number): number;
}

/** A {@link Vocabulary} of sorted terms, each as common as `frequency` says (default: all alike). */
export function arrayVocabulary(sorted: readonly string[], frequency: (t: string) => number = () => 1): Vocabulary {
  const starts = new Int32Array(sorted.length + 1);
  sorted.forEach((t, i) => (starts[i + 1] = starts[i]! + t.length));
  return { text: sorted.join(''), starts, frequency: (i) => frequency(sorted[i]!) };
}

/**
 * The strings one edit away from `term` that keep its first `keep` letters:
 * one letter deleted, two adjacent letters swapped, one letter replaced or
 * one inserted (letters a to z). `"avacado"` holds `"avocado"`; about
 * 54 × length strings, `term` not among them.
 */
export function oneEditAway(term: string, keep = 0): Set<string> {
  const out = new Set<string>();
  for (let i = keep; i <= term.length; i++) editsAt(term, i, (s) => out.add(s));
  out.delete(term);
  return out;
}

/** Calls `visit` with each string made by one edit of `term` at position `i` (duplicates possible). */
function editsAt(term: string, i: number, visit: (s: string) => void): void {
  const n = term.length;
  const head = term.slice(0, i);
  const tail = term.slice(i);
  if (i < n) visit(head + tail.slice(1));
  if (i < n - 1) visit(head + tail[1] + tail[0] + tail.slice(2));
  for (const c of LETTERS) {
    if (i < n && c !== tail[0]) visit(head + c + tail.slice(1));
    visit(head + c + tail);
  }
}

/** Whether `a` and `b` differ by exactly one deletion, insertion, replacement or swap of adjacent characters. */
export function oneEditApart(a: string, b: string): boolean {
  return oneEditApartAt(a, 0, a.length, b);
}

/** {@link oneEditApart} for `text[from, from + la)` and `b`, without slicing. */
function oneEditApartAt(text: string, from: number, la: number, b: string): boolean {
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && text.charCodeAt(from + i) === b.charCodeAt(i)) i++;
  if (la > lb) return same(text, from + i + 1, b, i, lb - i);
  if (lb > la) return same(text, from + i, b, i + 1, la - i);
  if (i === la) return false;
  if (same(text, from + i + 1, b, i + 1, la - i - 1)) return true;
  return (
    i + 1 < la &&
    text.charCodeAt(from + i) === b.charCodeAt(i + 1) &&
    text.charCodeAt(from + i + 1) === b.charCodeAt(i) &&
    same(text, from + i + 2, b, i + 2, la - i - 2)
  );
}

function same(text: string, p: number, b: string, q: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (text.charCodeAt(p + k) !== b.charCodeAt(q + k)) return false;
  return true;
}

function isWordAt(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c < A || c > Z) return false;
  }
  return true;
}

/**
 * Ranges of the vocabulary at most this long are scanned instead of
 * searched: a scan costs a few nanoseconds a term, while the edits at one
 * position are about 54 strings to build and look up (measured in
 * docs/quality.md: 44 µs a correction at 16,000 terms, 59 µs at 125,000).
 */
const SCAN = 512;

/**
 * The index term a misspelt question term most likely meant, or `null`:
 * among the terms one edit away that keep its first letter
 * ({@link oneEditAway}) and that the index holds, the most frequent (ties:
 * the first in code-unit order). Only lower-case ASCII words of at least
 * `minLength` letters are corrected: a short word has too many neighbours
 * ("bear": "beer", "beat", "year"), a first letter is rarely mistyped but
 * often the difference between two words ("player", "layer"), and numbers
 * and codes are meant as written ("2015" is not "2016").
 *
 * The sorted vocabulary is walked like a trie: the terms that share the
 * word's first i letters form one range; once a range is short it is
 * scanned, else the edits at position i are looked up in it and the walk
 * narrows to the next letter.
 *
 * @param scan ranges of at most this many terms are scanned (tests set it to
 *   0 or to the vocabulary's size to check both ways give the same term)
 */
export function correctTerm(term: string, vocabulary: Vocabulary, minLength: number, scan = SCAN): string | null {
  if (term.length < minLength || !WORD.test(term)) return null;
  const { text, starts } = vocabulary;
  let best = -1;
  let bestFrequency = 0;
  const consider = (k: number) => {
    const f = vocabulary.frequency(k);
    if (f > bestFrequency || (f === bestFrequency && f > 0 && k < best)) {
      best = k;
      bestFrequency = f;
    }
  };
  let [lo, hi] = prefixRange(vocabulary, term[0]!, 0, starts.length - 1);
  for (let i = 1; lo < hi; i++) {
    if (hi - lo <= scan) {
      for (let k = lo; k < hi; k++) {
        const from = starts[k]!;
        const to = starts[k + 1]!;
        if (oneEditApartAt(text, from, to - from, term) && isWordAt(text, from, to)) consider(k);
      }
      break;
    }
    editsAt(term, i, (s) => {
      const k = lowerBound(vocabulary, s, lo, hi);
      if (k < hi && compareAt(vocabulary, k, s) === 0) consider(k);
    });
    if (i === term.length) break;
    [lo, hi] = prefixRange(vocabulary, term.slice(0, i + 1), lo, hi);
  }
  return best < 0 ? null : text.slice(starts[best]!, starts[best + 1]!);
}

/** A number term: digits, with dots between ("4", "4.2", "192.168"). */
const NUMBER = /^[0-9]+(?:\.[0-9]+)*$/;

/**
 * The index term that continues a number the index lacks, the way a version
 * or section number is asked for in short ("4.2" for "4.2.0", "3" for
 * "3.1"): among the terms that start with `term` and a ".", the most
 * frequent (ties: the first in code-unit order, "4.2.0" before "4.2.1");
 * null when `term` is no number or none continues it.
 */
export function longerNumber(term: string, vocabulary: Vocabulary): string | null {
  if (!NUMBER.test(term)) return null;
  const [lo, hi] = prefixRange(vocabulary, `${term}.`, 0, vocabulary.starts.length - 1);
  let best = -1;
  for (let k = lo; k < hi; k++) if (best < 0 || vocabulary.frequency(k) > vocabulary.frequency(best)) best = k;
  return best < 0 ? null : vocabulary.text.slice(vocabulary.starts[best]!, vocabulary.starts[best + 1]!);
}

/** The index of the term `t` in `vocabulary`, or -1 when it does not hold it. */
function termIndex(vocabulary: Vocabulary, t: string): number {
  const i = lowerBound(vocabulary, t, 0, vocabulary.starts.length - 1);
  return i < vocabulary.starts.length - 1 && compareAt(vocabulary, i, t) === 0 ? i : -1;
}

/** How common the term `t` is in `vocabulary` ({@link Vocabulary.frequency}), 0 when it does not hold it. */
export function termFrequency(vocabulary: Vocabulary, t: string): number {
  const i = termIndex(vocabulary, t);
  return i < 0 ? 0 : vocabulary.frequency(i);
}

/** Whether `vocabulary` holds the term `t`. */
export function inVocabulary(vocabulary: Vocabulary, t: string): boolean {
  return termIndex(vocabulary, t) >= 0;
}

/** Negative, 0 or positive as the `i`-th term sorts before, equals or sorts after `s`. */
function compareAt(v: Vocabulary, i: number, s: string): number {
  const from = v.starts[i]!;
  const len = v.starts[i + 1]! - from;
  const m = len < s.length ? len : s.length;
  for (let k = 0; k < m; k++) {
    const d = v.text.charCodeAt(from + k) - s.charCodeAt(k);
    if (d !== 0) return d;
  }
  return len - s.length;
}

/** The first index in `[lo, hi)` whose term is not below `s` (`hi` if none). */
function lowerBound(v: Vocabulary, s: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(v, mid, s) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The terms in `[lo, hi)` that start with `prefix`, as a range. */
function prefixRange(v: Vocabulary, prefix: string, lo: number, hi: number): [number, number] {
  const from = lowerBound(v, prefix, lo, hi);
  // Every term starting with the prefix sorts below prefix + U+FFFF (stored terms never hold U+FFFF).
  return [from, lowerBound(v, prefix + '\uffff', from, hi)];
}
