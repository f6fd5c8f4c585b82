import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ask, buildIndex, decodeRelated, encodeRelated, loadEngine, NO_SYNONYMS, parseIndex, parseTextFile, rank, relatedTermsOf, serializeIndex, synonymsOf, term } from '../../src/engine/index.js';
import { readWordNet } from '../../scripts/lib/wordnet.js';

const FESTIVAL = [
  '# Festival guide',
  'Everything about the summer festival.',
  '## Start',
  'The opening concert starts at eight.',
  '## Location',
  'The opening concert site is the old harbour warehouse on the east quay.',
  '## Parking',
  'Parking near the harbour costs five pounds an evening.',
  '## Tickets',
  'Tickets are sold at the venue door only.',
].join('\n\n');

function engineOf(related?: ReadonlyMap<string, readonly string[]>) {
  const docs = parseTextFile('corpus/festival.md', FESTIVAL).documents;
  return loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', related }))));
}

const t = (w: string) => term(w)!;

describe('relatedTermsOf', () => {
  it('keeps the pairs whose two words the corpus holds, read as the index reads words', () => {
    const vocabulary = new Set(['concert', 'site', 'harbour', 'venue', 'inventor'].map(t));
    const related = relatedTermsOf(
      new Map([
        ['venue', ['site', 'locale', 'the', 'venue']],
        ['inventing', ['inventors']],
        ['harbour', ['port']],
      ]),
      vocabulary,
      NO_SYNONYMS,
    );
    // "locale" and "port" are not in the corpus, "the" is a stop word, "venue" is the word itself.
    expect(Object.fromEntries(related)).toEqual({ [t('venue')]: [t('site')] });
    expect(relatedTermsOf(new Map([['invent', ['inventors']]]), new Set([t('invent'), t('inventor')]), NO_SYNONYMS).get(t('invent'))).toEqual([t('inventor')]);
  });

  it('reads both words through the synonyms, like the index', () => {
    const synonyms = synonymsOf([['site', 'location']]);
    const related = relatedTermsOf(new Map([['venue', ['location']]]), new Set([t('venue'), t('site')]), synonyms);
    expect(related.get(t('venue'))).toEqual([t('site')]);
  });

  it('round-trips through the index string', () => {
    const related = new Map([
      ['concert', ['gig', 'show']],
      ['venu', ['site']],
    ]);
    const back = decodeRelated(encodeRelated(related));
    expect(back.size).toBe(2);
    expect(['concert', 'venu', 'site', 'a', 'zzz'].map((t) => back.get(t))).toEqual([['gig', 'show'], ['site'], undefined, undefined, undefined]);
    expect(decodeRelated(encodeRelated(new Map())).size).toBe(0);
  });

  it.each(['venu', 'venu ', ' site', 'venu  site', 'venu site\n', 'venu site\nconcert gig'])('rejects the malformed or unordered text %j', (text) => {
    expect(() => decodeRelated(text)).toThrow('citeqa index: the related terms are malformed');
  });
});

describe('ranking with related words', () => {
  const lexicon = new Map([['venue', ['site']]]);

  it('keeps the related terms of the corpus in the built index, and none without a lexicon', () => {
    expect(engineOf(lexicon).related.get(t('venue'))).toEqual([t('site')]);
    expect(engineOf(new Map([['venue', ['stadium']]])).related.size).toBe(0); // the corpus has no "stadium"
    expect(engineOf().related.size).toBe(0);
  });

  it('answers first from a passage that holds a word related to a question word, over an equal one without it', () => {
    const q = 'What is the venue of the opening concert?';
    const first = (e: ReturnType<typeof engineOf>) => ask(e, q, 1).answers[0]?.citation.section;
    expect(first(engineOf())).toBe('Start');
    expect(first(engineOf(lexicon))).toBe('Location');
  });

  it('highlights only the question\'s own words, not the related ones', () => {
    const top = ask(engineOf(lexicon), 'What is the venue of the opening concert?', 1).answers[0]!;
    expect(top.highlights.map(([s, e]) => top.text.slice(s, e))).toEqual(['opening', 'concert']);
  });
});

describe('WordNet as the lexicon', () => {
  const wordnet = readWordNet();

  it.each([
    ['car', 'automobile'],
    ['invent', 'inventor'],
    ['invent', 'invention'],
    ['buy', 'purchase'],
  ])('relates %s to %s', (word, related) => {
    expect(wordnet.get(word)).toContain(related);
  });

  it('names the database file it cannot read', () => {
    expect(() => readWordNet('/nonexistent/wordnet')).toThrow(/^citeqa wordnet: cannot read data\.noun of the WordNet database in \/nonexistent\/wordnet/);
  });
});

describe('the per-question word filter', () => {
  it('answers every seed question the same whichever questions came before', async () => {
    const { readCorpus } = await import('../../scripts/lib/corpus-fs.js');
    const corpus = await readCorpus('corpus');
    const engine = loadEngine(parseIndex(serializeIndex(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, related: readWordNet() }))));
    const questions = readFileSync('test/fixtures/seed-questions.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { question: string }).question);
    const inOrder = questions.map((q) => ask(engine, q, 3));
    const reversed = [...questions].reverse().map((q) => ask(engine, q, 3)).reverse();
    const twice = questions.map((q) => (ask(engine, 'Who founded Scale AI and when?', 3), ask(engine, q, 3)));
    expect(reversed).toEqual(inOrder);
    expect(twice).toEqual(inOrder);
    expect(inOrder.filter((r) => r.answers.length > 0).length).toBeGreaterThan(20);
  });
});
