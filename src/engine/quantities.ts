/**
 * Quantities with a unit, and the ranges a text gives them: "a 3 year old"
 * is in "2 to 4 years" and not in "6 to 24 months"; "a 45 minute delay" is in
 * "30 to 59 minutes"; "under 2 months" is not in "2 to 3 months". A question
 * that names a quantity prefers the sentence whose range holds it (a dosage
 * table's row, an age limit, a fee by weight) over a sentence that only
 * shares its digits (search.ts). English units only, converted to one base
 * unit per dimension so that months and years compare.
 */

/** A span of one dimension in its base unit (days, grams, metres, millilitres); an open end excludes its bound. */
export interface Quantity {
  dimension: 'time' | 'mass' | 'length' | 'volume';
  /** The size of the unit it was given in, in the base unit: a child's age in months and a dose's interval in hours do not compare. */
  unit: number;
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
  /** A question's quantity only: someone's age ("a 10 year old", "aged 12 years"), which a text often gives without a unit ("Children under 13"). */
  age?: boolean;
  /** A question's single amount only: its number as written ("10"), the word a passage may hold or not. */
  written?: string;
  /** A question's single amount only: its unit as written ("year"). */
  unitWritten?: string;
}

type Dimension = Quantity['dimension'];

/** Each unit word → its dimension and its size in the dimension's base unit ("m", "l" and "h" are left out: "$5 m", "2 h" read otherwise too). */
const UNITS: ReadonlyMap<string, readonly [Dimension, number]> = new Map(
  (
    [
      ['time', 365.25, 'year years yr yrs'],
      ['time', 365.25 / 12, 'month months'],
      ['time', 7, 'week weeks wk wks'],
      ['time', 1, 'day days'],
      ['time', 1 / 24, 'hour hours hr hrs'],
      ['time', 1 / 1440, 'minute minutes min mins'],
      ['time', 1 / 86400, 'second seconds sec secs'],
      ['mass', 1000, 'kg kilo kilos kilogram kilograms'],
      ['mass', 1, 'g gram grams'],
      ['mass', 0.001, 'mg milligram milligrams'],
      ['mass', 453.59, 'lb lbs'],
      ['mass', 28.35, 'oz ounce ounces'],
      ['length', 1000, 'km kilometre kilometres kilometer kilometers'],
      ['length', 1, 'metre metres meter meters'],
      ['length', 0.01, 'cm centimetre centimetres centimeter centimeters'],
      ['length', 0.001, 'mm millimetre millimetres millimeter millimeters'],
      ['length', 1609.34, 'mile miles'],
      ['length', 0.3048, 'ft foot feet'],
      ['volume', 1000, 'litre litres liter liters'],
      ['volume', 1, 'ml millilitre millilitres milliliter milliliters'],
    ] as const
  ).flatMap(([dimension, size, words]) => words.split(' ').map((w) => [w, [dimension, size]] as const)),
);

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const UNIT = String.raw`([a-z]+)\b`;
/** Words that bound a range from above: "under 2 months" (open), "up to 30 kg" (closed). */
const BELOW = String.raw`(under|below|less than|younger than|fewer than|up to|at most|no more than|not more than|a maximum of|max\.?|maximum)`;
/** Words that bound a range from below: "over 4 kg" (open), "at least 18 years" (closed). */
const ABOVE = String.raw`(over|above|more than|older than|longer than|heavier than|at least|a minimum of|min\.?|minimum|from)`;
/** "2 to 4 years", "30–59 minutes", "between 5 and 10 kg", "6 months to 2 years" (a unit after the first number too). */
const BETWEEN = new RegExp(String.raw`(?<![\d.,])${NUMBER}\s*(?:([a-z]+)\s*)?(?:to|-|–|—|and)\s*${NUMBER}[\s-]*${UNIT}`, 'gi');
const BOUNDED_ABOVE = new RegExp(String.raw`\b${BELOW}\s+${NUMBER}[\s-]*${UNIT}`, 'gi');
const BOUNDED_BELOW = new RegExp(String.raw`\b${ABOVE}\s+${NUMBER}[\s-]*${UNIT}`, 'gi');
/** "18 years or older", "12 kg and over", "65+ years" (the "+" form: "65+ years"). */
const OR_MORE = new RegExp(String.raw`(?<![\d.,])${NUMBER}(\+)?[\s-]*${UNIT}(?:\s+(?:or|and)\s+(older|over|more|above|longer|up|younger|under|less|below))?`, 'gi');
const CLOSED_BOUNDS = new Set(['up to', 'at most', 'no more than', 'not more than', 'a maximum of', 'max', 'max.', 'maximum', 'at least', 'a minimum of', 'min', 'min.', 'minimum', 'from']);
const UPWARDS = new Set(['older', 'over', 'more', 'above', 'longer', 'up']);

function amount(s: string): number {
  return Number(s.replace(/,/g, ''));
}

function unitOf(word: string): readonly [Dimension, number] | undefined {
  return UNITS.get(word.toLowerCase());
}

/** An age's bound and a number without a unit after it: "under 13", "aged 13 to 16", "older than 65". */
const AGE_BOUND = /\b(?:aged|ages|under|over|younger than|older than)\s+\d{1,3}(?:\s*(?:to|-|–)\s*\d{1,3})?(?![\d.,+])/gi;
/** A number without a unit before an age's open end: "16 or older", "65 and over", "65+". */
const AGE_END = /(?<![\d.,])\d{1,3}(?:\+|(?=\s+(?:or|and)\s+(?:older|over|above|younger|under)\b))/gi;
/** A unit word right after a number ("13 kg"): the number is no age. */
const UNIT_NEXT = /^[\s-]*([a-z]+)/i;

/**
 * `text` with "years" after each number an age's bound gives without a
 * unit ("Children under 13" → "under 13 years", "16 or older" → "16 years or
 * older"), for a question about someone's age; a number with a unit of its
 * own ("under 13 kg") stays as it is.
 */
function withAgeUnits(text: string): string {
  const add = (m: string, at: number): string => {
    const next = UNIT_NEXT.exec(text.slice(at + m.length));
    return next !== null && unitOf(next[1]!) !== undefined ? m : `${m} years`;
  };
  return text.replace(AGE_BOUND, add).replace(AGE_END, add);
}

/**
 * The ranges `text` gives a quantity: "2 to 4 years", "under 2 months",
 * "at least 18 years", "18 years or older", "65+ years"; not a bare amount
 * ("3 years"), which is a point, and not a number without a unit ("under
 * 16"), unless `age`: then an age's bound without a unit is in years
 * ("Riders under 16").
 */
export function rangesIn(text: string, age = false): Quantity[] {
  if (age) text = withAgeUnits(text);
  const out: Quantity[] = [];
  // Where a range was read, so that its numbers are not read again as another one.
  const taken: Array<[number, number]> = [];
  const free = (start: number, end: number): boolean => taken.every(([s, e]) => end <= s || start >= e);
  for (const m of text.matchAll(BETWEEN)) {
    const unit = unitOf(m[4]!);
    // The first number's own unit, when it has one ("6 months to 2 years"); a word that is none ends it ("3 children and 5 years").
    const lowUnit = m[2] === undefined ? unit : unitOf(m[2]);
    if (unit === undefined || lowUnit === undefined || lowUnit[0] !== unit[0]) continue;
    const low = amount(m[1]!) * lowUnit[1];
    const high = amount(m[3]!) * unit[1];
    if (!(low <= high)) continue;
    out.push({ dimension: unit[0], unit: Math.max(unit[1], lowUnit[1]), low, high, lowOpen: false, highOpen: false });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const [pattern, upper] of [
    [BOUNDED_ABOVE, true],
    [BOUNDED_BELOW, false],
  ] as const) {
    for (const m of text.matchAll(pattern)) {
      const unit = unitOf(m[3]!);
      if (unit === undefined || !free(m.index, m.index + m[0].length)) continue;
      const bound = amount(m[2]!) * unit[1];
      const open = !CLOSED_BOUNDS.has(m[1]!.toLowerCase());
      out.push(upper ? { dimension: unit[0], unit: unit[1], low: 0, high: bound, lowOpen: false, highOpen: open } : { dimension: unit[0], unit: unit[1], low: bound, high: Infinity, lowOpen: open, highOpen: true });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(OR_MORE)) {
    if (m[2] === undefined && m[4] === undefined) continue;
    const unit = unitOf(m[3]!);
    if (unit === undefined || !free(m.index, m.index + m[0].length)) continue;
    const bound = amount(m[1]!) * unit[1];
    const up = m[2] !== undefined || UPWARDS.has(m[4]!.toLowerCase());
    out.push(up ? { dimension: unit[0], unit: unit[1], low: bound, high: Infinity, lowOpen: false, highOpen: true } : { dimension: unit[0], unit: unit[1], low: 0, high: bound, lowOpen: false, highOpen: false });
  }
  return out;
}

/** A digit and a unit word after it: most questions have none, so this one test settles them ("in 1990?"). */
const HAS_AMOUNT = new RegExp(String.raw`\d[\s-]*(?:${[...UNITS.keys()].join('|')})\b`, 'i');
/** "a 3 year old", "a 45-minute delay", "a 20 kg bag", "2.5 ml": a number and a unit. */
const POINT = new RegExp(String.raw`(?<![\d.,])${NUMBER}[\s-]*${UNIT}`, 'gi');
/** Someone's age in a question that names an amount of years: "a 10 year old", "my 12-year-old", "aged 12 years". */
const AGE_Q = /\b\d{1,3}[\s-]*years?[\s-]+old\b|\bage[ds]?\s+\d{1,3}\b/i;

/**
 * The quantity a question names: a range when it gives one ("under 2
 * months", "between 5 and 10 kg"), else its one amount with a unit ("a 3
 * year old": 3 years); undefined when it names none, or several amounts.
 */
export function questionQuantity(question: string): Quantity | undefined {
  if (!HAS_AMOUNT.test(question)) return undefined;
  // Its amounts with a unit, then the ranges they may make.
  let found: Quantity | undefined;
  let amounts = 0;
  for (const m of question.matchAll(POINT)) {
    const unit = unitOf(m[2]!);
    if (unit === undefined) continue;
    const at = amount(m[1]!) * unit[1];
    found = { dimension: unit[0], unit: unit[1], low: at, high: at, lowOpen: false, highOpen: false, written: m[1]!, unitWritten: m[2]! };
    amounts++;
  }
  if (found === undefined) return undefined;
  const ranges = rangesIn(question);
  if (ranges.length > 0) return ranges.length === 1 ? ranges[0] : undefined;
  if (amounts !== 1) return undefined;
  if (found.dimension === 'time' && AGE_Q.test(question)) found.age = true;
  return found;
}

/**
 * Whether two quantities measure the same kind of thing: one dimension, in
 * units at most {@link MAX_UNIT_RATIO} apart (minutes and hours, months and
 * years; not months and hours, which are an age and an interval).
 */
export function comparable(a: Quantity, b: Quantity): boolean {
  return a.dimension === b.dimension && Math.max(a.unit, b.unit) <= MAX_UNIT_RATIO * Math.min(a.unit, b.unit);
}

/** How far apart the units of two {@link comparable} quantities may be. */
export const MAX_UNIT_RATIO = 60;

/** Whether two {@link comparable} quantities share a value (an open end excludes its bound); false for others. */
export function overlaps(a: Quantity, b: Quantity): boolean {
  if (!comparable(a, b)) return false;
  // Empty ("(2, 2)"), or one ends before the other starts.
  const empty = (x: Quantity): boolean => x.low > x.high || (x.low === x.high && (x.lowOpen || x.highOpen));
  const before = (x: Quantity, y: Quantity): boolean => x.high < y.low || (x.high === y.low && (x.highOpen || y.lowOpen));
  return !empty(a) && !empty(b) && !before(a, b) && !before(b, a);
}
