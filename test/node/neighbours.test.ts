import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  cachedTerm,
  checkNeighbours,
  findNeighbours,
  loadEngine,
  NEIGHBOUR_OPTIONS,
  neighbourId,
  neighbourWeight,
  parseTextFile,
  rank,
  toPassages,
  words,
  type Engine,
} from '../../src/engine/index.js';
import { readCorpus } from '../../scripts/lib/corpus-fs.js';

const OPTS = { k: 2, maxDfShare: 0.5, maxDfCount: 1000, maxTerms: 30 };
const neighboursOf = (terms: string[][], opts = OPTS) => {
  const d = checkNeighbours(findNeighbours(terms, opts), terms.length);
  return terms.map((_, p) => Array.from({ length: d.k }, (_, i) => neighbourId(d, p * d.k + i)));
};

describe('passage neighbours', () => {
  // Eight passages: 0, 1 and 2 share rare words (0 and 1 most), 3 shares one with 2, the rest nothing.
  const terms = [
    ['wing', 'slipstream', 'propel', 'lift'],
    ['wing', 'slipstream', 'propel', 'drag'],
    ['wing', 'flutter', 'panel'],
    ['flutter', 'shell', 'buckl'],
    ['boundari', 'layer'],
    ['heat', 'conduct'],
    ['shock', 'wave'],
    ['rocket', 'nozzl'],
  ];

  it('links the passages that share the most rare words, most similar first', () => {
    const nb = neighboursOf(terms);
    expect(nb[0]).toEqual([1, 2]);
    expect(nb[1]).toEqual([0, 2]);
    expect(nb[3]).toEqual([2, -1]);
  });

  it('gives a passage that shares no word with any other no neighbours', () => {
    expect(neighboursOf(terms).slice(4)).toEqual([[-1, -1], [-1, -1], [-1, -1], [-1, -1]]);
  });

  it('leaves out words found in more than the allowed share of passages', () => {
    // "wing" is in 3 of 8 passages: allowed at half, left out at a quarter (more than 2 passages).
    const nb = neighboursOf(terms, { ...OPTS, maxDfShare: 0.25 });
    expect(nb[2]).toEqual([3, -1]);
    expect(nb[0]).toEqual([1, -1]);
  });

  it('stores similarities between 0 and 1, highest first', () => {
    const d = checkNeighbours(findNeighbours(terms, OPTS), terms.length);
    const weights = Array.from({ length: terms.length * d.k }, (_, m) => neighbourWeight(d, m));
    expect(weights[0]).toBeGreaterThan(weights[1]!);
    for (const w of weights) expect(w).toBeGreaterThanOrEqual(0), expect(w).toBeLessThanOrEqual(1);
  });

  it('are built from each passage\'s title, section and text terms, as the index has them', () => {
    const docs = [
      ...parseTextFile('corpus/a.md', '# Wings\n\n## Flutter\n\nPanels flutter in the slipstream. Wings bend.\n\n## Lift\n\nLift grows with speed.').documents,
      ...parseTextFile('corpus/b.txt', 'Slipstream panels flutter near the wing root. Rockets burn kerosene.').documents,
    ];
    const built = buildIndex(docs, { corpusHash: 'test' });
    const terms = docs.flatMap((d, i) =>
      toPassages(d, i).map((p) => [d.title, p.section, p.text].flatMap(words).map(cachedTerm).filter((t): t is string => t !== null)),
    );
    expect(built.neighbours).toEqual(findNeighbours(terms, NEIGHBOUR_OPTIONS));
  });

  it('refuses neighbours that do not fit the passages', () => {
    const data = findNeighbours(terms, OPTS);
    expect(() => checkNeighbours(data, terms.length + 1)).toThrow(/^citeqa index: the passage neighbours do not match/);
  });
});

const corpus = await readCorpus('corpus');

/**
 * The index of one Markdown file whose sections "# A", "# B", "# C" hold
 * `texts`, then "# D" to "# F" on other subjects (D: "A railway bridge opened.").
 */
const lettered = (...texts: string[]) => {
  const all = [...texts, 'A railway bridge opened.', 'Rockets burn kerosene.', 'Tea is steamed.'];
  const text = all.map((t, i) => `# ${String.fromCharCode(0x41 + i)}\n\n${t}`).join('\n\n');
  return buildIndex(parseTextFile('corpus/t.md', text).documents, { corpusHash: 'x' });
};

describe('ranking with neighbours', () => {
  const engine = loadEngine(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash }));
  const questions = [
    'Who is Alexandr Wang?',
    'How much did Meta pay for its stake in Scale AI?',
    'When was Avocado originally planned to be released?',
    'Why will Meta initially release closed models?',
    'What did Zuckerberg say about superintelligence?',
  ];

  it.each(questions)('gives %j the same first answer however many answers are asked for', (q) => {
    const one = rank(engine, q, 1).hits[0]?.passageId;
    for (const k of [2, 3, 10]) expect(rank(engine, q, k).hits[0]?.passageId).toBe(one);
  });

  it.each(questions)('scores the answers to %j from highest to lowest', (q) => {
    const scores = rank(engine, q, 10).hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks, after the first answer, a passage on its subject above an equally matching one on another', () => {
    // B and C each match one word of the question equally; B is about what A (the best match) is
    // about, C's nearest passage is D, which does not match at all.
    const built = lettered('Slipstream flutter of a propeller wing was measured in the tunnel.', 'Propeller wing slipstream tests were repeated.', 'A railway tunnel opened.');
    const order = (e: Engine) => rank(e, 'slipstream flutter tunnel', 3).hits.map((h) => e.passages[h.passageId]!.section);
    expect(order(loadEngine(built))).toEqual(['A', 'B', 'C']);
    // Without neighbours C comes second: it is shorter, so its one matching word weighs more.
    const none = { k: 0, ids: { width: 1, data: '' }, weights: { width: 1, data: '' } };
    expect(order(loadEngine({ ...built, neighbours: none }))).toEqual(['A', 'C', 'B']);
  });

  it('ranks, after the first answer, a passage that says the question in one sentence above one that scatters its words', () => {
    // B and C hold the same three words of the question; C is shorter, so it scores higher before the
    // re-ranking, but only B says them together, in one sentence.
    const engine = loadEngine(
      lettered(
        'The orbital telescope was launched in 2019.',
        'Engineers at the agency said that the orbital telescope would launch only after a long series of vibration tests.',
        'The orbital path was fixed. A telescope arrived. Launch slipped.',
      ),
    );
    const order = rank(engine, 'When did the orbital telescope launch?', 3).hits.map((h) => engine.passages[h.passageId]!.section);
    expect(order).toEqual(['A', 'B', 'C']);
  });
});
