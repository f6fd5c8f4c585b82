import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysePassage, parseTextFile, queryTerms, term, tokenize, toPassages, WORDS_KEPT, type AnswerType, type Passage, type PassageAnalysis } from '../../src/engine/index.js';

/** `p` analysed against `question` as the re-ranking does, every term weighing 1 and the question's own words typed. */
function analysed(p: Passage, question: string, answerType: AnswerType = 'any'): PassageAnalysis {
  const terms = queryTerms(question);
  const related = new Map([['vehicl', 0]]);
  return analysePassage(p, { terms, idf: new Map(terms.map((t) => [t, 1])), answerType }, new Set(question.toLowerCase().split(/\W+/)), undefined, undefined, terms.length > 0 ? related : undefined);
}

/** The passages of `text` as one plain-text document. */
function passagesOf(text: string): Passage[] {
  return parseTextFile('corpus/doc.txt', text).documents.flatMap((d, i) => toPassages(d, i));
}

describe("a passage's words are read once", () => {
  const pieces = fc.constantFrom(
    'The car was bought in 2015.',
    'Cars, automobiles and vehicles',
    'Café naïve Łódź',
    'Send an e-mail to the U.S. office.',
    'Version v4.2.0 of buyLabel ships 401(k) forms.',
    '| Plan | Price |\n|---|---|\n| Basic | $5 |',
    'Plan        Price\nBasic       5 dollars',
    'Staff\tRoom',
    'as long as you pay',
    'He went home; she goes there daily.',
    'IT and US',
    '\n\n',
    ' ',
  );
  const questions = fc.constantFrom('When was the car bought?', 'How much is the basic plan?', 'Who went home?', 'What does the U.S. office e-mail?', 'What is buyLabel in 4.2.0?', 'Is the staff room naive?', 'How many vehicles?');
  const answerTypes = fc.constantFrom<AnswerType>('any', 'date', 'number', 'name', 'money', 'place');

  it('analyses a passage the same whether or not another question read its words first, word for word as tokenize reads them', () => {
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 8 }), questions, questions, answerTypes, (parts, first, second, type) => {
        for (const p of passagesOf(parts.join(' '))) {
          analysed(p, first, type);
          // A copy of the passage is another object, whose words nobody has read yet.
          const again = analysed(p, second, type);
          expect(again).toEqual(analysed({ ...p }, second, type));
          // The words highlighted are those of the text whose term the question holds, as tokenize reads them.
          const terms = new Set(queryTerms(second));
          expect(again.highlights).toEqual(tokenize(p.text).flatMap((t) => (terms.has(term(t.word)!) ? [[t.start, t.end]] : [])));
        }
      }),
      { numRuns: 300 },
    );
  });

  it(`analyses a passage the same after ${WORDS_KEPT} others have taken its place`, () => {
    const [p] = passagesOf('The car was bought in 2015 by Mira, who drove it to Łódź.');
    const before = analysed(p!, 'When did Mira buy the car?', 'date');
    for (let i = 0; i <= WORDS_KEPT; i++) analysed({ doc: 0, ordinal: 1, section: '', lines: [1, 1], text: `Passage ${i} is about cars.`, sentences: [0] }, 'car');
    expect(analysed(p!, 'When did Mira buy the car?', 'date')).toEqual(before);
    expect(analysed(p!, 'Where did Mira drive?', 'place')).toEqual(analysed({ ...p! }, 'Where did Mira drive?', 'place'));
  });
});
