import { describe, expect, it } from 'vitest';
import { ask, buildIndex, loadEngine, parseTextFile, queryTerms, tokenize } from '../../src/engine/index.js';
import { phraseTermsOf } from '../../src/engine/phrases.js';
import { NO_SYNONYMS } from '../../src/engine/synonyms.js';

/** The words (as terms) each question's phrases lend, by the question word they lend to. */
function lent(question: string): Record<string, string[]> {
  const terms = queryTerms(question);
  const out: Record<string, string[]> = {};
  for (const [i, t] of phraseTermsOf(question, tokenize(question), terms, terms.length, NO_SYNONYMS)) (out[terms[i]!] ??= []).push(t);
  return out;
}

describe('everyday phrases lend the formal word to their head', () => {
  it.each([
    ['Where do I pick up my race pack?', { pick: ['collect'] }],
    ["What happens if I'm late picking up my child?", { pick: ['collect'] }],
    ["Can I pick my son's bag up later?", { pick: ['collect'] }],
    ['Will I get my money back?', { monei: ['refund', 'reimburs'] }],
    ['Should I throw away damaged items?', { throw: ['dispos', 'discard'] }],
    ['How do I sign up for the open mic?', { sign: ['regist', 'enrol', 'enrol', 'subscrib'] }],
    ['When do I hand in my dissertation?', { hand: ['submit'] }],
    ['How do I turn off the alarm?', { turn: ['disabl', 'deactiv'] }],
    ['Do I have to send back the router?', { send: ['return'] }],
    ['Can I get into the building at night?', { get: ['enter', 'access'] }],
  ])('%j', (question, expected) => {
    expect(lent(question)).toEqual(expected);
  });

  it.each([
    'Can I pick a seat?',
    'How do I get in touch with support?',
    'What is the sign on the door?',
    'Where is the hand dryer?',
    'How much money do I need?',
    'How many letters did Tesla send Morgan in those years?',
    'How big can my carry on bag be?',
    'What is the cut off time?',
  ])('%j lends nothing: no phrase, only its verb or its particle', (question) => {
    expect(lent(question)).toEqual({});
  });

  it('ranks the passage with the formal word first ("picking up" of "collect")', () => {
    const text = [
      'LITTLE ACORNS NURSERY\nParent handbook',
      'OPENING TIMES\nThe nursery is open Monday to Friday, 7.30am to 6.00pm, 51 weeks a year.',
      'Please collect your child by 6.00pm. Late collection is charged at £15 for every 15 minutes or part of it.',
      'FEES\nA full day costs £72. Fees are invoiced monthly in advance.',
      'KEY PERSON\nEvery child has a key person who is your first point of contact. You can talk to them at drop-off and pick-up, or book a longer meeting.',
      'COLLECTION\nOnly the adults named on your registration form may collect your child.',
    ].join('\n\n');
    const engine = loadEngine(buildIndex(parseTextFile('corpus/nursery.txt', text).documents, { corpusHash: 'test' }));
    expect(ask(engine, "What happens if I'm late picking up my child?", 1).answers[0]?.answer).toContain('£15');
  });
});
