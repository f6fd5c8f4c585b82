import { describe, expect, it } from 'vitest';
import { ask, buildIndex, loadEngine, rank, readQuestion } from '../../src/engine/index.js';
import { readCorpus } from '../../scripts/lib/corpus-fs.js';

/** A corpus that holds these words and no others. */
const holds =
  (...words: string[]) =>
  (w: string): boolean =>
    words.includes(w);

describe('reading a question as it asks', () => {
  it.each([
    ['Whats the price?', "What's the price?"],
    ['whats the price?', "what's the price?"],
    ['Why doesnt it start?', "Why doesn't it start?"],
    ['Hows it different?', "How's it different?"],
    ['Whats hot?', "What's hot?"],
    ['Whos the chief officer?', "Who's the chief officer?"],
    ['Where can I park if Im late and youre away?', "Where can I park if I'm late and you're away?"],
    ['Waht is Avocado?', 'What is Avocado?'],
    ['Whta did Meta pay?', 'What did Meta pay?'],
    ['wht is it', 'what is it'],
    ['Whst is it?', 'What is it?'],
    ['Whaat is it?', 'What is it?'],
    ['Whn was it founded?', 'When was it founded?'],
    ['Whic back was waived?', 'Which back was waived?'],
    ['Wher is the office?', 'Where is the office?'],
    ['Hwo many people knew?', 'How many people knew?'],
    ['Hwo long does it take?', 'How long does it take?'],
    ['Hwo do I reset it?', 'How do I reset it?'],
    ['Hwo is the chief officer?', 'Who is the chief officer?'],
    ['In whcih year was it founded?', 'In which year was it founded?'],
    ['Whatare the forces written as the sum of?', 'What are the forces written as the sum of?'],
    ['Howmany people knew?', 'How many people knew?'],
    ['howlong is the warranty', 'how long is the warranty'],
    ['Can you tell me what Avocado is?', 'what Avocado is?'],
    ['Could you please tell me about the refund policy?', 'the refund policy?'],
    ['Can you show me how to reset it?', 'how to reset it?'],
    ['Would you let me know when it opens?', 'when it opens?'],
    ['Do you know who founded Scale?', 'who founded Scale?'],
    ["I'd like to know who runs it", 'who runs it'],
    ['I was wondering when it will be released', 'when it will be released'],
    ['Any idea who runs it?', 'who runs it?'],
    ['Question: what is Avocado?', 'what is Avocado?'],
    ['Explain how refunds work', 'how refunds work'],
    ['Describe OKRs', 'OKRs'],
    ['Define TOIL', 'TOIL'],
    ['Please explain to me what TOIL is', 'what TOIL is'],
    ['Briefly summarize the deal', 'the deal'],
    ['Tell me about the deal', 'the deal'],
    ['Show me the menu', 'the menu'],
    ['Give me information about Avocado', 'Avocado'],
    ['Hi! What is Avocado? Thanks', '! What is Avocado? '],
    ['hello, waht is it pls', ', what is it '],
    ['Thank you! Who is Wang?', ' you! Who is Wang?'],
  ])('reads %j as %j', (question, read) => {
    expect(readQuestion(question, holds())).toBe(read);
  });

  it.each([
    ['"were" and "well", which are words', 'Where were they, and how well?', holds()],
    ['a word with a letter before an asking word', 'Show times on Sunday?', holds()],
    ['a word with an asking word\'s first letter replaced', 'Chat support hours?', holds()],
    ['a three-letter word with a letter of an asking word replaced', 'Hot water on Sundays?', holds()],
    ['a word after a pronoun', 'Can I hwo it?', holds()],
    ['a question whether something can be done', 'Can you ship to a PO box?', holds()],
    ['a question whether something can be shown', 'Can you show prices in euros?', holds()],
    ['a request with nothing after it', 'Can you tell me about', holds()],
    ['a request to describe with nothing after it', 'Describe', holds()],
    ['a word the corpus holds', 'Whey protein: how much a day?', holds('whey')],
    ['a thanks the corpus holds', 'Who did the author thank?', holds('thank')],
    ['a contraction-like word the corpus holds', 'Why cant I see the cant?', holds('cant')],
    ['a word after the asking slot', 'Who tossed their name in the hat?', holds()],
    ['a word after an asking word', 'How hot can the room be?', holds()],
    ['a word after an asking word run into a stop word', "What's hot?", holds()],
    ['a word of the question that is no asking word', 'Who hosted the show?', holds()],
    ['a word too short to tell', 'Wo is it?', holds()],
    ['a word that is an asking word already', 'What is it?', holds()],
    ['a number', 'W3 is what?', holds()],
  ])('leaves %s as it is', (_, question, known) => {
    expect(readQuestion(question, known)).toBe(question);
  });
});

describe('a question with a misspelt asking word, a greeting or a request, on the seed article', async () => {
  const corpus = await readCorpus('corpus');
  const engine = loadEngine(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash }));
  const first = (q: string) => {
    const a = ask(engine, q, 1).answers[0];
    return a === undefined ? undefined : { passage: a.citation.passage, answer: a.answer };
  };

  it.each([
    ['Waht is Avocado?', 'What is Avocado?'],
    ['Whats Avocado?', "What's Avocado?"],
    ['Whos the chief AI officer?', 'Who is the chief AI officer?'],
    ['Hwo many people knew of the change?', 'How many people knew of the change?'],
    ['In whcih year was Scale founded?', 'In which year was Scale founded?'],
    ['Whatis Avocado?', 'What is Avocado?'],
    ['Hi! What is Avocado? Thanks', 'What is Avocado?'],
    ['Could you explain what Avocado is?', 'What is Avocado?'],
    ['Give me information about Avocado', 'What is Avocado?'],
    ['Describe Avocado', 'What is Avocado?'],
  ])('answers %j as it answers %j', (misspelt, right) => {
    const expected = first(right);
    expect(expected).toBeDefined();
    expect(first(misspelt)).toEqual(expected);
  });

  it.each([
    ['Whos the chief AI officer?', 'name'],
    ['Hwo many people knew of the change?', 'number'],
    ['Whn was Avocado planned?', 'date'],
    ['Wher did Wang study?', 'place'],
    ['Can you tell me who founded Scale?', 'name'],
    ['Do you know when Avocado was planned?', 'date'],
  ])('asks %j for a %s, as spelled right', (misspelt, type) => {
    expect(rank(engine, misspelt, 1).answerType).toBe(type);
  });

  it('echoes the question as asked, not as read', () => {
    expect(ask(engine, 'Waht is Avocado?', 1).question).toBe('Waht is Avocado?');
  });
});
