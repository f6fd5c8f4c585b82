import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayVocabulary, correctTerm, longerNumber, oneEditApart, oneEditAway, termFrequency } from '../../src/engine/index.js';

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), for checking. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('strings one edit away', () => {
  it.each([
    ['avacado', 'avocado', 'a replaced letter'],
    ['alexand', 'alexandr', 'a missing letter'],
    ['recieve', 'receive', 'two swapped letters'],
    ['accomodate', 'acomodate', 'a doubled letter'],
  ])('from %j include %j (%s)', (typo, meant) => {
    expect(oneEditAway(typo).has(meant)).toBe(true);
  });

  it('are all exactly one edit from the word, and keep the letters asked to be kept', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,9}$/), fc.integer({ min: 0, max: 2 }), (word, keep) => {
        for (const v of oneEditAway(word, keep)) {
          expect(editDistance(word, v)).toBe(1);
          expect(v.slice(0, Math.min(keep, word.length))).toBe(word.slice(0, Math.min(keep, word.length)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hold every string one edit away that keeps the first letter', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), c: letter }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), c: letter }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{2,8}$/), edit, (word, e) => {
        const at = e.at % (word.length + (e.kind === 'insert' ? 1 : 0));
        const other =
          e.kind === 'delete'
            ? word.slice(0, at) + word.slice(at + 1)
            : e.kind === 'swap'
              ? at + 1 < word.length
                ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
                : word
              : e.kind === 'replace'
                ? word.slice(0, at) + e.c + word.slice(at + 1)
                : word.slice(0, at) + e.c + word.slice(at);
        fc.pre(other !== word && other[0] === word[0]);
        expect(oneEditAway(word, 1).has(other)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('two strings one edit apart', () => {
  it.each([
    ['avocado', 'avacado', true],
    ['alexandr', 'alexand', true],
    ['receive', 'recieve', true],
    ['model', 'models', true],
    ['model', 'model', false],
    ['model', 'mdel', true],
    ['model', 'modles', false],
    ['abc', 'cba', false],
  ])('%j and %j: %s', (a, b, apart) => {
    expect(oneEditApart(a, b)).toBe(apart);
    expect(oneEditApart(b, a)).toBe(apart);
  });

  it('agree with the edit distance', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[abc]{0,6}$/), fc.stringMatching(/^[abc]{0,6}$/), (a, b) => {
        expect(oneEditApart(a, b)).toBe(editDistance(a, b) === 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('correcting a question term', () => {
  const counts = new Map([
    ['avocado', 10],
    ['alexandr', 3],
    ['modell', 1],
    ['models', 7],
    ['layer', 9],
    ['2016', 4],
  ]);
  const vocabulary = arrayVocabulary([...counts.keys()].sort(), (t) => counts.get(t)!);

  it.each([
    ['avacado', 'avocado'],
    ['alexand', 'alexandr'],
    ['modelz', 'models'],
  ])('reads %j as the index term %j', (typo, meant) => {
    expect(correctTerm(typo, vocabulary, 6)).toBe(meant);
    expect(correctTerm(typo, vocabulary, 6, 0)).toBe(meant);
  });

  it.each([
    ['models', 7],
    ['avocado', 10],
    ['model', 0],
    ['zebra', 0],
  ])('says how common the term %j is (%d: 0 when the index lacks it)', (t, n) => {
    expect(termFrequency(vocabulary, t)).toBe(n);
  });

  it('picks the most frequent of several index terms one edit away', () => {
    // "modelx" is one edit from both "modell" (1) and "models" (7).
    expect(correctTerm('modelx', vocabulary, 6)).toBe('models');
  });

  it('breaks a tie between equally frequent terms the same way every time', () => {
    expect(correctTerm('modelc', arrayVocabulary(['modela', 'modelb']), 6)).toBe('modela');
  });

  it.each([
    ['player', 'a changed first letter'],
    ['avcdo', 'a word shorter than the minimum'],
    ['2015', 'a number'],
    ['avocadó', 'a word with non-ASCII letters'],
    ['zzzzzzz', 'a word with no index term one edit away'],
  ])('leaves %j alone (%s)', (word) => {
    expect(correctTerm(word, vocabulary, 6)).toBeNull();
  });

  /** What correctTerm promises, by brute force over every variant. */
  function bruteForce(term: string, words: ReadonlySet<string>, frequency: (t: string) => number): string | null {
    let best: string | null = null;
    let bestF = 0;
    for (const c of [...oneEditAway(term, 1)].sort()) {
      if (words.has(c) && frequency(c) > bestF) {
        best = c;
        bestF = frequency(c);
      }
    }
    return best;
  }

  it('finds the same term as trying every variant, by lookups, by scanning and by both', () => {
    // A three-letter alphabet makes near neighbours common, so both the scan
    // of short ranges and the lookups in long ones are exercised.
    const word = fc.stringMatching(/^[abc]{1,7}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 1500, size: 'max' }), fc.stringMatching(/^[abc]{6,8}$/), fc.nat(), (words, term, seed) => {
        const sorted = [...words].sort();
        const f = (t: string) => 1 + ((t.length * 7 + t.charCodeAt(t.length - 1) + seed) % 3);
        const v = arrayVocabulary(sorted, f);
        if (words.includes(term)) return;
        const expected = bruteForce(term, new Set(words), f);
        expect(correctTerm(term, v, 6)).toBe(expected);
        expect(correctTerm(term, v, 6, 0)).toBe(expected);
        expect(correctTerm(term, v, 6, sorted.length)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a number asked in short', () => {
  const frequency: Record<string, number> = { '4.2.1': 3 };
  const vocabulary = arrayVocabulary(['3', '3.1', '3.2', '4.1.0', '4.2.0', '4.2.1', '4.20', '42', 'v4'].sort(), (t) => frequency[t] ?? 1);
  it.each([
    ['4.2', '4.2.1', 'the most frequent version that continues it'],
    ['3', '3.1', 'the first of equally frequent ones'],
    ['4.1', '4.1.0', 'the only one'],
    ['4.3', null, 'none: no version continues it'],
    ['4.20.1', null, 'none: a longer number is not shortened'],
    ['v4', null, 'none: not a number'],
  ] as const)('reads %j as %j (%s)', (asked, meant, _why) => {
    expect(longerNumber(asked, vocabulary)).toBe(meant);
  });
});
