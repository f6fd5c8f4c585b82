import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ask, buildIndex, decodeRelated, encodeRelated, loadEngine, NO_SYNONYMS, parseIndex, parseTextFile, rank, relatedTermsOf, serializeIndex, synonymsOf, term } from '../../src/engine/index.js';
import { readWordNet, wordNetForBuild } from '../../scripts/lib/wordnet.js';
import { lexiconForBuild, readWordNeighbours } from '../../scripts/lib/lexicon.js';

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

const GYM = [
  '# Gym timetable',
  'Classes for members of the Riverside gym.',
  '## Monday',
  'Spin, Monday 07:00, Studio 2: instructor Dana Reyes.',
  'Yoga, Monday 18:00, Studio 1: instructor Sam Okafor.',
  '## Tuesday',
  'Circuit training, Tuesday 12:30, Main hall: instructor Lee Park.',
  'Swimming lessons, Tuesday 17:00, Pool: instructor Ana Silva.',
  '## Booking',
  'Book every class in the members app, at most seven days ahead.',
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

  it('keeps the related corpus terms of a common word the corpus lacks, and of no other word it lacks', () => {
    const vocabulary = new Set(['instructor', 'spin', 'studio'].map(t));
    const lexicon = new Map([
      ['teach', ['instructor', 'learn']],
      ['tutor', ['instructor']],
      ['spin', ['twirl']],
    ]);
    // "learn" is not in the corpus; "tutor" is not common; "spin" is in the corpus, "twirl" is not.
    expect(Object.fromEntries(relatedTermsOf(lexicon, vocabulary, NO_SYNONYMS, new Set(['teach', 'spin'])))).toEqual({ [t('teach')]: [t('instructor')] });
    expect(relatedTermsOf(lexicon, vocabulary, NO_SYNONYMS).size).toBe(0);
  });

  it('lends word-vector neighbours only to the words the corpus lacks', () => {
    const vocabulary = new Set(['nonprofit', 'invoice', 'pressure', 'temperature'].map(t));
    const neighbours = new Map([
      ['charities', ['nonprofits', 'donors']],
      ['receipts', ['invoices', 'revenues']],
      ['pressure', ['temperature']],
    ]);
    // "donors" and "revenues" are not in the corpus; "pressure" is, so its neighbour "temperature" is not lent to it.
    expect(Object.fromEntries(relatedTermsOf(new Map(), vocabulary, NO_SYNONYMS, undefined, neighbours))).toEqual({
      [t('charities')]: [t('nonprofit')],
      [t('receipts')]: [t('invoice')],
    });
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

  it('answers a question whose subject word the corpus lacks from the passage that holds a related word, and abstains without it', () => {
    const docs = parseTextFile('corpus/gym.md', GYM).documents;
    const gym = (commonWords?: ReadonlySet<string>) =>
      loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', related: new Map([['teach', ['instructor']]]), commonWords }))));
    const q = 'Who teaches spin?';
    expect(ask(gym(), q, 1).answers).toEqual([]);
    const top = ask(gym(new Set(['teach'])), q, 1).answers[0];
    expect(top?.answer).toBe('Spin, Monday 07:00, Studio 2: instructor Dana Reyes.');
    // A question that shares only the unknown word's related word with the corpus is still refused.
    expect(ask(gym(new Set(['teach'])), 'Who teaches calculus?', 1).answers).toEqual([]);
  });

  it('quotes the sentence that holds the related word of a question word the corpus lacks', () => {
    const docs = parseTextFile('corpus/acme.md', '# Acme\n\nAcme Corp was founded in Oslo by Kari Nordmann in 1990. Today Ola Hansen is the chief executive of Acme Corp.\n\n# Boats\n\nThe boats are built in Bergen.').documents;
    const engine = loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', related: new Map([['boss', ['chief']]]), commonWords: new Set(['boss']) }))));
    expect(ask(engine, 'Who is the boss of Acme Corp?', 1).answers[0]?.answer).toBe('Today Ola Hansen is the chief executive of Acme Corp.');
  });

  it('highlights only the question\'s own words, not the related ones', () => {
    const top = ask(engineOf(lexicon), 'What is the venue of the opening concert?', 1).answers[0]!;
    expect(top.highlights.map(([s, e]) => top.text.slice(s, e))).toEqual(['opening', 'concert']);
  });
});

describe('a refused question, asked again with the related words of the one word the corpus lacks', () => {
  const HANDBOOK = [
    '# Tenant handbook',
    '## Waste',
    'Trash must be bagged and placed in the dumpsters behind Building B.',
    '## Rent',
    'Rent is due on the first day of each month and can be paid online.',
    '## Parking',
    'Each apartment comes with one parking space in the north lot.',
  ].join('\n\n');
  const docs = [...parseTextFile('corpus/handbook.md', HANDBOOK).documents, ...parseTextFile('corpus/library.md', '# Library\n\nBooks can be borrowed for three weeks and renewed twice.').documents];
  const engine = (neighbours?: ReadonlyMap<string, readonly string[]>) =>
    loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', related: new Map(), wordNeighbours: neighbours ?? new Map() }))));
  const lexicon = new Map([
    ['garbage', ['trash', 'waste']],
    ['bin', ['dumpster', 'trash']],
  ]);

  it('is answered from the passage that holds a related word of it, though it holds no word of the question', () => {
    const q = 'what do I do with my garbage';
    expect(ask(engine(), q, 1).answers).toEqual([]);
    expect(ask(engine(lexicon), q, 1).answers[0]?.answer).toBe('Trash must be bagged and placed in the dumpsters behind Building B.');
  });

  it('stays refused when the related word it finds is common in the corpus (weak evidence), and is answered when it is rare', () => {
    // 40 sections, half of them on "waste": a passage found by "waste" alone says little.
    const parts = ['# Site handbook'];
    for (let i = 1; i <= 40; i++) parts.push(`## Section ${i}`, i <= 20 ? `Waste from line ${i} is weighed on day ${i}.` : `Line ${i} runs from ${i} to ${i + 1} o'clock.`);
    parts.push('## Bins', 'Trash must be bagged and placed in the dumpsters behind Building B.');
    const site = parseTextFile('corpus/site.md', parts.join('\n\n')).documents;
    const siteEngine = (related: string[]) => loadEngine(buildIndex(site, { corpusHash: 'test', related: new Map(), wordNeighbours: new Map([['garbage', related]]) }));
    expect(ask(siteEngine(['waste']), 'what do I do with my garbage', 1).answers).toEqual([]);
    expect(ask(siteEngine(['trash']), 'what do I do with my garbage', 1).answers[0]?.answer).toBe('Trash must be bagged and placed in the dumpsters behind Building B.');
  });

  it('answers any question with quoted passages or not at all, however many words it has and the corpus lacks', () => {
    const e = engine(lexicon);
    const word = fc.constantFrom('garbage', 'Garbage', 'bin', 'trash', 'rent', 'parking', 'books', 'month', 'xyzzy', 'the', 'where', '42', 'dumpsters', 'Building');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 45 }), (words) => {
        const r = ask(e, words.join(' '), 3);
        expect(r.answers.length).toBeLessThanOrEqual(3);
        for (const a of r.answers) expect(a.text).toContain(a.answer);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['it has two words the corpus lacks, each with related words', 'what do I do with my garbage bin'],
    ['its word is typed as a name', 'what do I do with my Garbage'],
  ])('stays refused when %s', (_what, q) => {
    expect(ask(engine(lexicon), q, 1).answers).toEqual([]);
  });
});

describe('WordNet as the lexicon', () => {
  const wordnet = readWordNet();

  it.each([
    ['car', 'automobile'],
    ['invent', 'inventor'],
    ['invent', 'invention'],
    ['buy', 'purchase'],
    ['dental', 'tooth'],
    ['tooth', 'dental'],
    ['year', 'annual'],
    ['month', 'monthly'],
  ])('relates %s to %s', (word, related) => {
    expect(wordnet.get(word)).toContain(related);
  });

  it('answers a question about teeth from the passage on dental treatment', async () => {
    const text = 'Vet fees for illness and injury are covered, up to £7,000 a year.\n\nDental treatment after an accident is covered, up to £1,000 a year.\n\nThe excess is £99 for each condition.';
    const docs = parseTextFile('corpus/policy.txt', text).documents;
    const engine = loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', ...wordNetForBuild() }))));
    // "teeth" is "tooth", and WordNet's "dental" pertains to it; without that link the policy never says "teeth" and the question goes unanswered.
    for (const q of ['Is teeth cleaning covered?', 'Are broken teeth covered?']) {
      expect(ask(engine, q, 1).answers[0]?.answer, q).toBe('Dental treatment after an accident is covered, up to £1,000 a year.');
    }
  });

  it('counts as common the words its sense-tagged texts use, and not the others', () => {
    const { commonWords } = wordNetForBuild();
    expect(['teach', 'deadline', 'kid', 'photo'].filter((w) => !commonWords.has(w))).toEqual([]);
    expect(['venue', 'septicemia', 'teach_in'].filter((w) => commonWords.has(w))).toEqual([]);
    expect(commonWords.size).toBeGreaterThan(10_000);
    expect(commonWords.size).toBeLessThan(30_000);
  });

  it('names the database file it cannot read', () => {
    expect(() => readWordNet('/nonexistent/wordnet')).toThrow(/^citeqa wordnet: cannot read data\.noun of the WordNet database in \/nonexistent\/wordnet/);
  });
});

describe('word-vector neighbours as the lexicon of the words a corpus lacks', () => {
  const neighbours = readWordNeighbours();

  it.each([
    ['charities', 'nonprofits'],
    ['diarrhea', 'diarrhoea'],
    ['yearly', 'annual'],
    ['suitcases', 'luggage'],
  ])('lends %s the word %s', (word, near) => {
    expect(neighbours.get(word)).toContain(near);
  });

  it('answers a question in words the page does not use, and only with the neighbours', () => {
    const text = [
      'Help',
      '',
      'DISCOUNTS',
      'Students receive 20 percent off the Team plan.',
      '',
      'Registered nonprofit organizations receive 50 percent off the Team plan.',
      '',
      'LUGGAGE',
      'The front desk keeps luggage safe for guests after check-out.',
      '',
      'SEATS',
      'Each member of your workspace uses one seat.',
    ].join('\n');
    const docs = parseTextFile('corpus/billing.txt', text).documents;
    const withNeighbours = loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', ...lexiconForBuild() }))));
    const without = loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', ...wordNetForBuild() }))));
    const cases = [
      // Without the neighbours, the students' discount (first, and as good a match of the question's other words) and no answer.
      ['What discount do charities get on the Team plan?', 'Registered nonprofit organizations receive 50 percent off the Team plan.'],
      ['Can you keep our suitcases?', 'The front desk keeps luggage safe for guests after check-out.'],
    ];
    for (const [q, answer] of cases) {
      expect(ask(withNeighbours, q!, 1).answers[0]?.answer, q).toBe(answer);
      expect(ask(without, q!, 1).answers[0]?.answer, q).not.toBe(answer);
    }
  });

  it('names the file it cannot read, and the line it cannot parse', () => {
    expect(() => readWordNeighbours('/nonexistent/word-neighbours.txt')).toThrow(/^citeqa lexicon: cannot read the word neighbours \/nonexistent\/word-neighbours\.txt/);
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'citeqa-lexicon-')), 'word-neighbours.txt');
    for (const line of ['charities Nonprofits', 'charities', 'charities  nonprofits']) {
      writeFileSync(bad, `receipts invoices\n${line}\n`);
      expect(() => readWordNeighbours(bad), line).toThrow(/^citeqa lexicon: line 2 of .* is not a word and its neighbours/);
    }
  });
});

describe('related words of the words a corpus lacks, on the seed article', () => {
  it('lets a related word of an unknown question word only nudge the ranking, not outweigh the words the article has', async () => {
    const { readCorpus } = await import('../../scripts/lib/corpus-fs.js');
    const corpus = await readCorpus('corpus');
    const engine = loadEngine(parseIndex(serializeIndex(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, ...lexiconForBuild() }))));
    // WordNet's "spend" is also "drop": the article's "after dropping out of MIT" must not win over its "$14 billion".
    expect(engine.related.get(t('spend'))).toContain(t('drop'));
    expect(ask(engine, 'How much did Meta spend on Scale?', 1).answers[0]?.answer).toContain('$14 billion');
  });
});

describe('the per-question word filter', () => {
  it('answers every seed question the same whichever questions came before', async () => {
    const { readCorpus } = await import('../../scripts/lib/corpus-fs.js');
    const corpus = await readCorpus('corpus');
    const engine = loadEngine(parseIndex(serializeIndex(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, ...lexiconForBuild() }))));
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
