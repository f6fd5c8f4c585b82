import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysePassage, canonicalTerm, queryTerms, tokenize, type Passage } from '../../src/engine/index.js';
import { ask, buildIndex, loadEngine, parseIndex, parseTextFile, rank, serializeIndex, synonymsOf, term } from '../../src/engine/index.js';

const POLICY = [
  '# Annual leave',
  'Full-time employees receive 25 days of paid annual leave per calendar year. Up to five unused days may be carried over.',
  '# Remote work',
  "Employees may work remotely up to three days per week with their manager's agreement.",
  '# Sick pay',
  'Employees receive full pay for up to 20 sick days a year.',
].join('\n\n');

function engineOf(synonyms?: string[][]) {
  const docs = parseTextFile('corpus/policy.md', POLICY).documents;
  return loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: 'test', synonyms }))));
}

describe('synonymsOf', () => {
  it('reads every word of a group as the term of its first word', () => {
    const s = synonymsOf([['leave', 'vacation', 'holidays'], ['remotely', 'home']]);
    expect(Object.fromEntries(s.canonical)).toEqual({ [term('vacation')!]: term('leave'), [term('holidays')!]: term('leave'), [term('home')!]: term('remotely') });
    expect(synonymsOf(undefined).canonical.size).toBe(0);
    expect(synonymsOf([]).canonical.size).toBe(0);
  });

  it.each([
    ['not an array', { leave: 'vacation' }, 'expected an array of at most 500 groups of words'],
    ['too many groups', Array.from({ length: 501 }, (_, i) => [`a${i}`, `b${i}`]), 'expected an array of at most 500 groups'],
    ['a group of one word', [['leave']], 'group 1 must be an array of 2 to 20 words'],
    ['a group with a number', [['leave', 3]], 'group 1 must be an array of 2 to 20 words'],
    ['a group of 21 words', [Array.from({ length: 21 }, (_, i) => `w${i}`)], 'group 1 must be an array of 2 to 20 words'],
    ['a phrase', [['leave', 'time off']], 'group 1: "time off" is not a single word (phrases cannot be synonyms)'],
    ['a word with punctuation around it', [['leave', '"vacation"']], 'group 1: "\\"vacation\\"" is not a single word'],
    ['a stop word', [['leave', 'the']], 'group 1: "the" is a stop word, never indexed'],
    ['a word in two groups', [['leave', 'vacation'], ['holiday', 'vacations']], 'group 2: "vacations" is already in group 1'],
  ])('rejects %s, naming the group', (_, groups, message) => {
    expect(() => synonymsOf(groups)).toThrow(`citeqa synonyms: ${message}`);
  });
});

describe('answering with synonyms', () => {
  const plain = engineOf();
  const engine = engineOf([['leave', 'vacation', 'holiday'], ['remotely', 'home']]);

  it('answers a question in the readers\' words from a passage in the document\'s words', () => {
    expect(rank(plain, 'How many vacation days do I get?', 1).abstained).toBe(true);
    const top = ask(engine, 'How many vacation days do I get?', 1).answers[0]!;
    expect(top.answer).toBe('Full-time employees receive 25 days of paid annual leave per calendar year.');
    expect(top.highlights.map(([s, e]) => top.text.slice(s, e))).toEqual(['days', 'leave', 'days']);
    expect(ask(engine, 'Can I work from home?', 1).answers[0]?.answer).toBe("Employees may work remotely up to three days per week with their manager's agreement.");
  });

  it('highlights and weighs a passage word that is not its group\'s first word', () => {
    // "leave" is indexed as "vacation" here, and starts with other letters.
    const top = ask(engineOf([['vacation', 'leave']]), 'How much annual leave do employees receive?', 1).answers[0]!;
    expect(top.answer).toBe('Full-time employees receive 25 days of paid annual leave per calendar year.');
    expect(top.highlights.map(([s, e]) => top.text.slice(s, e))).toEqual(['employees', 'receive', 'annual', 'leave']);
  });

  it('still answers in the document\'s own words, and leaves other words alone', () => {
    expect(ask(engine, 'How many days of annual leave do I get?', 1)).toEqual(ask(plain, 'How many days of annual leave do I get?', 1));
    expect(ask(engine, 'How many sick days are paid?', 1)).toEqual(ask(plain, 'How many sick days are paid?', 1));
  });

  it('keeps the synonyms in the built index, so the Worker reads questions with them', () => {
    const built = buildIndex(parseTextFile('corpus/policy.md', POLICY).documents, { corpusHash: 'test', synonyms: [['leave', 'vacation']] });
    expect(parseIndex(serializeIndex(built)).meta.synonyms).toEqual([['leave', 'vacation']]);
    expect(() => buildIndex(parseTextFile('corpus/policy.md', POLICY).documents, { corpusHash: 'test', synonyms: [['leave']] })).toThrow(
      'citeqa synonyms: group 1 must be an array of 2 to 20 words',
    );
  });
});

describe('the analysis with synonyms', () => {
  // Words of different first letters, irregular verb forms among them, so a
  // synonym can only be found if the analysis looks past first letters.
  const WORDS = ['leave', 'vacation', 'holiday', 'buy', 'bought', 'purchase', 'paid', 'pay', 'remotely', 'home', 'office', 'days', 'annual'];

  it('highlights exactly the words whose term, read through the synonyms, is a question term', () => {
    const groupsOf = fc
      .shuffledSubarray(WORDS, { minLength: 2, maxLength: 6 })
      .map((w) => [w.slice(0, Math.ceil(w.length / 2)), w.slice(Math.ceil(w.length / 2))].filter((g) => g.length >= 2));
    fc.assert(
      fc.property(groupsOf, fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }), (groups, question, words) => {
        let synonyms;
        try {
          synonyms = synonymsOf(groups);
        } catch {
          return; // two words of one term in two groups ("pay", "paid"): refused, as tested above
        }
        const text = `${words.join(' ')}.`;
        const p: Passage = { doc: 0, ordinal: 1, section: '', lines: [1, 1], text, sentences: [0] };
        const terms = [...new Set(queryTerms(question.join(' ')).map((t) => canonicalTerm(synonyms, t)))];
        const a = analysePassage(p, { terms, idf: new Map(terms.map((t) => [t, 1])), answerType: 'any' }, new Set(), synonyms);
        const expected = tokenize(text)
          .filter((w) => {
            const t = queryTerms(w.word)[0];
            return t !== undefined && terms.includes(canonicalTerm(synonyms, t));
          })
          .map((w): [number, number] => [w.start, w.end]);
        expect(a.highlights).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
