import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MiniSearch, { type SearchOptions } from 'minisearch';
import {
  CompactMiniSearch,
  compactIndex,
  matchedCount,
  matchedTerm,
  orCandidates,
  type Candidates,
  decodePassages,
  decodeVarints,
  encodeFixed,
  fixedLength,
  lazyPassages,
  readFixed,
  encodePassages,
  encodeVarints,
  escapeWide,
  MINISEARCH_OPTIONS,
  parseIndex,
  SEARCH_OPTIONS,
  serializeIndex,
  toPassages,
  unescapeWide,
  type IndexedPassage,
  type Passage,
} from '../../src/engine/index.js';
import { buildIndex, parseTextFile, SCHEMA_VERSION } from '../../src/engine/index.js';
import { readFileSync } from 'node:fs';

describe('compact encodings', () => {
  it('round-trips integers as printable digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x3fffffff })), (xs) => {
        const s = encodeVarints(xs);
        expect(s).toMatch(/^[0-o]*$/);
        expect(Array.from(decodeVarints(s, xs.length))).toEqual(xs);
      }),
    );
  });

  it('reads fixed-width integers in place', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x3fffffff })), (xs) => {
        const col = encodeFixed(xs);
        expect(fixedLength(col)).toBe(xs.length);
        expect(xs.map((_, i) => readFixed(col, i))).toEqual(xs);
      }),
    );
    expect(encodeFixed([0, 31]).width).toBe(1);
    expect(encodeFixed([32]).width).toBe(2);
  });

  it('keeps text one byte per character and restores it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeWide(s);
        expect(/[\u0100-\uffff]/.test(e)).toBe(false);
        expect(unescapeWide(e)).toBe(s);
      }),
    );
  });

  it('round-trips passages, including wide characters and U+0001', () => {
    const passages: Passage[] = [
      { doc: 0, ordinal: 1, section: '', lines: [1, 3], text: 'Plain text. Second one.', sentences: [0, 12] },
      { doc: 0, ordinal: 2, section: 'Ωmega “quoted”', lines: [5, 5], text: 'Ωmega 😀 \u0001 café.', sentences: [0] },
      { doc: 2, ordinal: 1, section: '', lines: [10, 40], text: 'x'.repeat(700), sentences: [0, 300, 650] },
    ];
    const store = encodePassages(passages);
    expect(/[\u0100-\uffff]/.test(store.text + store.records + store.sections.join(''))).toBe(
      /[\u0100-\uffff]/.test(store.sections.join('')),
    );
    expect(decodePassages(store, passages.length)).toEqual(passages);
    expect(() => decodePassages(store, passages.length + 1)).toThrow(/^citeqa index: /);
    const lazy = lazyPassages(store, passages.length);
    expect(lazy[1]).toEqual(passages[1]);
    expect(lazy[1]).toBe(lazy[1]);
    expect(lazy.length).toBe(3);
    expect(lazy[3]).toBeUndefined();
    expect([...lazy]).toEqual(passages);
    expect(lazy).toEqual(passages);
    expect(lazy.map((p) => p.ordinal)).toEqual([1, 2, 1]);
    expect(() => ((lazy as Passage[])[0] = passages[2]!)).toThrow(TypeError);
  });
});

/** A small corpus with repeated, rare, numeric and non-Latin words. */
const DOCS = [
  'Super Bowl 50 was an American football game to determine the champion of the National Football League.',
  'The American Football Conference champion Denver Broncos defeated the National Football Conference champion.',
  'Warsaw is the capital and largest city of Poland; Варшава in Russian, 华沙 in Chinese.',
  'The Normans were the people who in the 10th and 11th centuries gave their name to Normandy.',
  'Football football football: the game of football, played in 1920 and 2016.',
  'Ωmega and alpha are Greek letters; Ωmega is the last.',
  '',
];
const docs: IndexedPassage[] = DOCS.flatMap((text, i) => [
  { id: i * 2, title: `Title ${i % 3} football`, section: i % 2 ? 'History' : '', text },
  { id: i * 2 + 1, title: `Other ${i}`, section: '', text: text.split(' ').reverse().join(' ') },
]).map((d, id) => ({ ...d, id }));

function engines(): { real: MiniSearch<IndexedPassage>; compact: CompactMiniSearch<IndexedPassage> } {
  const real = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  real.addAll(docs);
  const data = JSON.parse(JSON.stringify(compactIndex(real.toJSON(), MINISEARCH_OPTIONS.fields)));
  return { real, compact: new CompactMiniSearch<IndexedPassage>(data, MINISEARCH_OPTIONS) };
}

const QUERIES = [
  'football',
  'american football champion',
  'football football',
  'denver broncos 50',
  'warsaw варшава 华沙',
  'ωmega',
  'nothing matches this',
  '',
  'the of and',
  'normans normandy 10th 1920 2016 title other history',
];

const VARIANTS: Array<[string, SearchOptions]> = [
  ['citeqa options', SEARCH_OPTIONS],
  ['defaults', {}],
  ['field boosts and BM25 parameters', { boost: { title: 3, text: 0.5 }, bm25: { k: 0.9, b: 0.4, d: 0.5 } }],
  ['a field subset, out of order', { fields: ['text', 'title'] }],
  ['a field subset, in order', { fields: ['title', 'text'], boost: { text: 2 } }],
  ['term boosts', { ...SEARCH_OPTIONS, boostTerm: (t, i) => (t.length > 5 ? 2 : 1) + i * 0.1 }],
  ['document boosts, some zero', { ...SEARCH_OPTIONS, boostDocument: (id) => (id % 3 === 0 ? 0 : 1 + (id as number) / 10) }],
  ['a filter', { ...SEARCH_OPTIONS, filter: (r) => (r.id as number) % 2 === 0 }],
  ['combineWith "or" in lower case', { combineWith: 'or' }],
];

describe('CompactMiniSearch', () => {
  const { real, compact } = engines();

  for (const [name, options] of VARIANTS) {
    it(`returns exactly what MiniSearch returns (${name})`, () => {
      for (const q of QUERIES) expect(compact.search(q, options)).toEqual(real.search(q, options));
    });
  }

  it('answers those from the compact data, without rebuilding MiniSearch’s index', () => {
    expect(real.search('football', SEARCH_OPTIONS).length).toBeGreaterThan(5);
    expect(Object.getOwnPropertyDescriptor(compact, '_index')?.get).toBeTypeOf('function');
  });

  it('returns exactly what MiniSearch returns for arbitrary word lists', () => {
    const vocabulary = [...new Set(DOCS.join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter(Boolean);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string()), { maxLength: 12 }), (words) => {
        const q = words.join(' ');
        expect(compact.search(q, SEARCH_OPTIONS)).toEqual(real.search(q, SEARCH_OPTIONS));
      }),
    );
  });

  it('lists the same candidates as MiniSearch’s results, for up to 40 distinct terms', () => {
    const vocabulary = [...new Set(DOCS.join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter(Boolean);
    const plain = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
    plain.addAll(docs);
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ minLength: 1 }).filter((t) => !t.includes(' '))), { maxLength: 40 }), (terms) => {
        const fast = compact.candidates(terms, SEARCH_OPTIONS);
        const slow = orCandidates(plain, terms, SEARCH_OPTIONS);
        expect(fast).toBeDefined();
        const rows = (c: Candidates): unknown[] =>
          Array.from(c.ids, (id, j) => [id, c.scores[j], terms.filter((_, i) => matchedTerm(c, j, i)), matchedCount(c, j)]).sort(
            (a, b) => (a[0] as number) - (b[0] as number),
          );
        expect(rows(fast!)).toEqual(rows(slow));
        expect(Array.from(fast!.df)).toEqual(Array.from(slow.df));
      }),
    );
  });

  it('hands prefix, fuzzy, AND and query trees to MiniSearch, with the same results', () => {
    const { real: r, compact: c } = engines();
    const cases: Array<[Parameters<MiniSearch['search']>[0], SearchOptions]> = [
      ['footb', { prefix: true }],
      ['footbal', { fuzzy: 0.2 }],
      ['american football', { combineWith: 'AND' }],
      [{ combineWith: 'AND_NOT', queries: ['football', 'american'] }, {}],
      [MiniSearch.wildcard, {}],
    ];
    for (const [q, o] of cases) expect(c.search(q, o)).toEqual(r.search(q, o));
    expect(c.search('football', SEARCH_OPTIONS)).toEqual(r.search('football', SEARCH_OPTIONS));
    expect(c.termCount).toBe(r.termCount);
    expect(c.documentCount).toBe(r.documentCount);
  });

  it('stays correct after documents are added', () => {
    const { real: r, compact: c } = engines();
    const extra = { id: 1000, title: 'Late football', section: '', text: 'A late football document about Warsaw.' };
    r.add(extra);
    c.add(extra);
    for (const q of QUERIES) expect(c.search(q, SEARCH_OPTIONS)).toEqual(r.search(q, SEARCH_OPTIONS));
  });

  it('rebuilds MiniSearch’s plain object', () => {
    const { real: r, compact: c } = engines();
    const a = r.toJSON();
    const b = c.toPlainObject();
    expect({ ...b, index: undefined }).toEqual({ ...a, index: undefined });
    expect(new Map(b.index)).toEqual(new Map(a.index));
  });
});

describe('the generated module text', () => {
  const seed = parseTextFile('corpus/meta-avocado-scale-ai.txt', readFileSync('corpus/meta-avocado-scale-ai.txt', 'utf8'));
  const wide = parseTextFile('corpus/wide.md', '# Ωmega “notes”\n\nCafé, naïve, Варшава and 华沙 are words. 😀 Emoji too.\n');
  const built = buildIndex([...seed.documents, ...wide.documents], { corpusHash: 'x', builtAt: '2026-01-01T00:00:00.000Z' });

  it('holds only characters up to U+00FF and parses back to the same index', () => {
    const text = serializeIndex(built);
    expect(/[\u0100-\uffff]/.test(text)).toBe(false);
    expect(parseIndex(text)).toEqual(built);
    expect(toPassages(wide.documents[0]!, 1)[0]!.text).toContain('华沙');
  });

  it('refuses text that is not a citeqa index, or is truncated', () => {
    expect(() => parseIndex('{"meta":{}}')).toThrow(/^citeqa index: .*npm run build/);
    expect(() => parseIndex(serializeIndex(built).slice(0, -10))).toThrow(/^citeqa index: .*truncated/);
    expect(() => parseIndex(serializeIndex(built).replace(`citeqa-index ${SCHEMA_VERSION}`, 'citeqa-index 1'))).toThrow(/schema version 1/);
  });
});
