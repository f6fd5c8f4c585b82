import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headOf, IRREGULAR_VERBS, irregularHeadsOf, term, tokenize } from '../../src/engine/index.js';
import { DATASETS_DIR } from './datasets.js';
import { referenceTokens as reference } from './reference-words.js';

describe('tokenize', () => {
  it('finds exactly the words of its Unicode definition', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'aZ9v .,-’“é\u0301ﬁ😀Ωж中\u00a0\u200b_USIT\n'.split('')) }),
      fc.constantFrom('Café', 'naïve', 'X-Men: Apocalypse', '4:51', 'U.S.', 'e\u0301', '😀word', 'word😀', 'ab\ud800cd', 'v4.2.0', '3.2.', '1.5é', '29.11.2026', 'v1.2024', '3.14159', 'IT', 'US', 'the IT desk', 'CONTACT US', 'D.C', 'J.R.R.', 'A.b.', 'as long as', ' AS LONG AS '),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the seed article as before', () => {
    const text = readFileSync('corpus/meta-avocado-scale-ai.txt', 'utf8');
    expect(tokenize(text)).toEqual(reference(text));
  });
});

/** Every distinct word of the seed article and, when present, the shared evaluation corpora (read once). */
const everyWord = (() => {
  let words: Set<string> | undefined;
  return (): ReadonlySet<string> => {
    if (words !== undefined) return words;
    const texts = [readFileSync('corpus/meta-avocado-scale-ai.txt', 'utf8')];
    for (const f of ['squad-v1.1-dev/corpus.jsonl', 'cranfield/corpus.jsonl']) {
      const file = path.join(DATASETS_DIR, f);
      if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
    }
    words = new Set();
    for (const t of texts) for (const tok of tokenize(t)) words.add(tok.word);
    return words;
  };
})();

/** A word's first `n` characters, a `y` after the first read as `i` (as Porter may turn it). */
const prefix = (s: string, n: number): string => s.slice(0, 1) + s.slice(1, n).replaceAll('y', 'i');

/** Checks `check` on arbitrary lower-case words, and on every word of the seed and the shared sets. */
function forEveryWord(check: (word: string) => void): void {
  it('for arbitrary lower-case words', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'abcdefgilmnorstuvwxyz'.split('')), minLength: 1, maxLength: 12 }), check), {
      numRuns: 50000,
    });
  });

  it('for every word of the seed and, when present, the shared evaluation sets', () => {
    const words = everyWord();
    for (const w of words) check(w);
    expect(words.size).toBeGreaterThan(100);
  });
}

/**
 * analysePassage() skips the term lookup for words whose first two
 * characters start no question term and no irregular verb form of one; that
 * is only right if a word's term always keeps the word's first two
 * characters (its first one, for a one-character term), reading a second `y`
 * as `i` (Porter turns "ays" into "ai"), unless the word is an irregular
 * verb form whose head irregularHeadsOf() lists under its term's ("bought" → "bui").
 */
describe('a term keeps the first characters of its word, or lists the word as an irregular form', () => {
  const keepsHead = (word: string): void => {
    const t = term(word);
    if (t === null) return;
    if (IRREGULAR_VERBS.has(word) && headOf(word) !== headOf(t)) expect(irregularHeadsOf(headOf(t))).toContain(headOf(word));
    else expect(prefix(t, 2)).toBe(prefix(word, Math.min(2, t.length)));
  };

  it('for every irregular verb form', () => {
    for (const form of IRREGULAR_VERBS.keys()) keepsHead(form);
    expect(irregularHeadsOf(headOf(term('buy')!))).toContain(headOf('bought'));
  });

  forEveryWord(keepsHead);
});

/**
 * analysePassage() looks a word up as one of the question's related terms
 * only when its first three or four characters start one (search.ts,
 * `mayBeRelated`): that is only right if a term of three or four
 * characters keeps its word's first three (Porter may add an `e`: "voting"
 * → "vote") and a longer term its first four, reading `y` as `i` after the first, unless the word is one of the
 * listed forms (irregular verbs, plurals, units), which are not looked for,
 * or starts with a character beyond ASCII (such words are all looked up).
 */
describe('a term of three or more characters keeps the first three (four, from five) characters of its word', () => {
  const keepsPrefix = (word: string): void => {
    const t = term(word);
    if (t === null || t.length < 3 || IRREGULAR_VERBS.has(word) || /[^\x00-\x7f]/.test(word.slice(0, 4))) return;
    const n = t.length >= 5 ? 4 : 3;
    expect(prefix(t, n)).toBe(prefix(word, n));
  };

  forEveryWord(keepsPrefix);
});
