import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ask, comparable, overlaps, questionQuantity, rangesIn, rank, type Quantity } from '../../src/engine/index.js';
import { fixtureEngine } from './corpus-helpers.js';

/** A quantity's span in the unit it is read in: `[low, high]` with "(" / ")" for an open end. */
function spans(text: string, unitSize: number, age = false): string[] {
  return rangesIn(text, age).map((r) => `${r.lowOpen ? '(' : '['}${+(r.low / unitSize).toFixed(3)}, ${Number.isFinite(r.high) ? +(r.high / unitSize).toFixed(3) : '∞'}${r.highOpen ? ')' : ']'}`);
}

const YEAR = 365.25;
const MONTH = YEAR / 12;

describe('the ranges a text gives a quantity', () => {
  it.each([
    ['2 to 4 years', YEAR, ['[2, 4]']],
    ['| 6 to 24 months | 5 ml |', MONTH, ['[6, 24]']],
    ['30–59 minutes late', 1 / 1440, ['[30, 59]']],
    ['between 5 and 10 kg', 1000, ['[5, 10]']],
    ['If your child is under 2 months old', MONTH, ['[0, 2)']],
    ['up to 30 kg per bag', 1000, ['[0, 30]']],
    ['Bags over 23 kg pay a fee', 1000, ['(23, ∞)']],
    ['at least 18 years old', YEAR, ['[18, ∞)']],
    ['riders 18 years or older', YEAR, ['[18, ∞)']],
    ['65+ years', YEAR, ['[65, ∞)']],
    ['3 years or younger', YEAR, ['[0, 3]']],
    ['parcels from 1,000 to 2,500 g', 1, ['[1000, 2500]']],
    ['children from 6 months to 2 years', MONTH, ['[6, 24]']],
  ])('reads %j', (text, unit, expected) => {
    expect(spans(text, unit)).toEqual(expected);
  });

  it.each([
    ['a bare amount, which is a point', 'The battery lasts 40 hours.'],
    ['a number without a unit', 'Riders under 16 must be accompanied.'],
    ['a range in a unit it does not know', '2 to 4 times a day'],
    ['a range that runs backwards', '10 to 2 kg'],
    ['two counts of different things', '3 children and 5 years'],
    ['"m", which is also "million"', 'between $2 and $5 m'],
  ])('reads none from %s', (_, text) => {
    expect(rangesIn(text)).toEqual([]);
  });

  it.each([
    ['Riders under 16 must be accompanied.', ['[0, 16)']],
    ['Anyone aged 13 or over who fishes with a rod.', ['[13, ∞)']],
    ['Licences for children aged 13 to 16 are free.', ['[13, 16]']],
    ['Members must be 16 or older.', ['[16, ∞)']],
    ['| Senior (65 and over) |', ['[65, ∞)']],
    ['65+ only', ['[65, ∞)']],
    ['aged 65+ years', ['[65, ∞)']],
    ['There are 16 rooms.', []],
  ])('reads %j, for a question about an age, with years where the text gives no unit', (text, expected) => {
    expect(spans(text, YEAR, true)).toEqual(expected);
  });

  it('keeps the unit a number has of its own, for a question about an age too', () => {
    expect(rangesIn('Bags under 13 kg fly free.', true)).toMatchObject([{ dimension: 'mass', high: 13_000 }]);
  });
});

describe('the quantity a question names', () => {
  it.each([
    ['How much paracetamol can I give a 3 year old?', { dimension: 'time', low: 3 * YEAR, high: 3 * YEAR }],
    ['What do I get for a 45-minute delay?', { dimension: 'time', low: 45 / 1440, high: 45 / 1440 }],
    ['Can I give it to a baby under 2 months?', { dimension: 'time', low: 0, high: 2 * MONTH, highOpen: true }],
    ['What does a 20 kg bag cost?', { dimension: 'mass', low: 20_000, high: 20_000 }],
  ])('reads %j', (question, expected) => {
    expect(questionQuantity(question)).toMatchObject(expected);
  });

  it.each([
    ['Does my 10 year old need a licence?', true],
    ['Can my 12-year-old ride alone?', true],
    ['Is a 2 year warranty enough?', false],
    ['What do I get for a 45-minute delay?', false],
  ])('reads in %j an age or not: %s', (question, age) => {
    expect(questionQuantity(question)?.age === true).toBe(age);
  });

  it.each([['Is Android 9 supported?'], ['What does error 429 mean?'], ['Who won in 1990?'], ['Is a 2 kg bag cheaper than a 5 kg one?'], ['What is a megabyte?']])('names none in %j', (question) => {
    expect(questionQuantity(question)).toBeUndefined();
  });
});

describe('a question about a child\'s age, asked of a page that gives ages without a unit', () => {
  // The sixteenth structured set's documents: a fishing licence page ("Children under 13 can fish without a licence"), among others.
  const engine = fixtureEngine('structured-16');

  it('is answered from the sentence whose age range holds the age, though it lacks the number', async () => {
    expect(ask(await engine, 'Does my 10 year old need a licence?', 1).answers[0]?.answer).toBe('• Children under 13 can fish without a licence, but must be with an adult who has one.');
  });
});

describe('a question about a teenager\'s age, asked of pages with other numbers and years', () => {
  // The twentieth structured set's documents: a makerspace FAQ ("Patrons aged 12 to 15 may use the makerspace on their
  // own …", "… a nonresident card for $25 per year") and a school trip letter ("… to Wednesday 14 May 2025"), among others.
  const engine = fixtureEngine('structured-20');

  it('ranks the sentence whose age range holds the age above ones that only share its number or its unit', async () => {
    const e = await engine;
    const texts = rank(e, 'can my 14 year old use the makerspace by herself', 5).hits.map((h) => e.passages[h.passageId]!.text);
    const range = texts.findIndex((t) => t.includes('aged 12 to 15'));
    expect(range).toBeGreaterThanOrEqual(0);
    expect(range).toBeLessThan(texts.findIndex((t) => t.includes('14 May')));
  });
});

describe('a "how long" question, asked of a page that gives the time without the word "long"', () => {
  // The seventeenth structured set's documents: a pet insurance summary ("Claims must reach us within 90 days of the
  // treatment", and "… a full refund, as long as you have not claimed" when cancelling), among others.
  const engine = fixtureEngine('structured-17');

  it('is answered from the sentence that gives a duration, not the one that says "as long as"', async () => {
    const first = ask(await engine, 'How long do I have to send a claim?', 1).answers[0];
    expect(first?.answer).toMatch(/^Claims must reach us within 90 days of the/);
  });
});

describe('whether two quantities overlap', () => {
  const age = (years: number) => questionQuantity(`a ${years} year old`)!;
  const range = (text: string) => rangesIn(text)[0]!;

  it.each([
    [age(3), '2 to 4 years', true],
    [age(3), '6 to 24 months', false],
    [age(2), '6 to 24 months', true],
    [age(4), '2 to 4 years', true],
    [age(4), 'under 4 years', false],
    [age(4), 'up to 4 years', true],
    [range('under 2 months'), '2 to 3 months', false],
    [range('under 2 months'), 'under 2 months', true],
  ])('%j and %j: %s', (q, text, expected) => {
    expect(overlaps(q, range(text))).toBe(expected);
  });

  it('does not compare an age in months with an interval in hours, nor a mass with a time', () => {
    expect(comparable(range('under 2 months'), range('4 to 6 hours'))).toBe(false);
    expect(overlaps(range('under 2 months'), range('4 to 6 hours'))).toBe(false);
    expect(overlaps(questionQuantity('a 90 minute delay')!, range('1 to 2 hours'))).toBe(true);
    expect(overlaps(range('up to 30 kg'), range('up to 30 days'))).toBe(false);
  });

  const quantity: fc.Arbitrary<Quantity> = fc
    .record({ a: fc.double({ min: 0, max: 1e6, noNaN: true }), b: fc.double({ min: 0, max: 1e6, noNaN: true }), lowOpen: fc.boolean(), highOpen: fc.boolean() })
    .map(({ a, b, lowOpen, highOpen }) => ({ dimension: 'mass', unit: 1, low: Math.min(a, b), high: Math.max(a, b), lowOpen, highOpen }));

  it('is symmetric, and a quantity that holds a value overlaps itself', () => {
    fc.assert(
      fc.property(quantity, quantity, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        // A quantity with a value in it overlaps itself; "(2, 2)" holds none.
        if (a.low < a.high || (!a.lowOpen && !a.highOpen)) expect(overlaps(a, a)).toBe(true);
      }),
    );
  });

  it('reads any text without throwing, and only ranges that run forwards', () => {
    const piece = fc.constantFrom('2', '4', '1,000', '2.5', ' to ', '-', ' and ', ' under ', ' over ', 'years', 'kg', ' or older', '+', ' ', 'x', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        for (const r of rangesIn(parts.join(''))) expect(r.low <= r.high).toBe(true);
      }),
    );
  });
});

describe('a question that names a quantity, asked of a dosage leaflet', () => {
  // The twelfth structured set's documents: a paracetamol leaflet with a dosage table by age, among twenty others.
  const engine = fixtureEngine('structured-12');

  it('quotes the table row whose age range holds the child\'s age, not a row that shares its digits', async () => {
    expect(ask(await engine, 'How much paracetamol can I give a 3 year old?', 1).answers[0]?.answer).toBe('| 2 to 4 years | 7.5 ml | Up to 4 times |');
  });

  it('answers from the sentence that gives the same range, over a table row of other ages', async () => {
    expect(ask(await engine, 'Can I give it to a baby under 2 months?', 1).answers[0]?.answer).toBe('• If your child is under 2 months old, do not give this medicine: speak to a doctor.');
  });
});
