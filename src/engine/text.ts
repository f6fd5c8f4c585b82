import britishSpellings from 'american-british-english-translator/data/british_spellings.json';
import irregularVerbs from 'english-verbs-irregular/dist/verbs.json';
import irregularPlurals from 'irregular-plurals';
import { stemmer } from 'stemmer';
import { ACRONYM_STOP_WORDS, STOP_WORDS } from './stopwords.js';

/**
 * Irregular verb forms and their base verb ("knew" → "know", "bought" →
 * "buy", "paid" → "pay"), from the `english-verbs-irregular` list (WordNet
 * based). Porter stemming cannot meet them ("bought" stays "bought", "buy"
 * becomes "bui"). A form that is itself a base verb in the list is left alone
 * ("lay", "saw", "bid"), and so is a form equal to its base ("put"); "found"
 * is read as "find" ("founded" stays "found"). It also holds English's
 * irregular plurals and their singular ("children" → "child", "women" →
 * "woman", "hypotheses" → "hypothesis"; {@link ENGLISH_PLURAL}), from the
 * `irregular-plurals` list, the forms Porter cuts shorter than a verb of three
 * letters ("died" → "die", "tried" → "try"; {@link SHORT_VERB_FORMS}), and
 * units' abbreviations and American spellings and their unit ("km" →
 * "kilometre"; {@link UNIT_FORMS}), and the adverbs of a unit of time and the
 * unit ("monthly" → "month"; {@link TIME_ADVERBS}), and British spellings
 * and their American spelling ("colour" → "color", "organisation" →
 * "organization"; {@link BRITISH_SPELLINGS_LEFT_OUT}).
 */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map();

/**
 * The irregular plurals of `irregular-plurals` that are read as their
 * singular: English's own ("men", "women", "children", "feet", "teeth",
 * "geese", "mice", "lice", "oxen", "knives", "wolves", …), and the Greek and
 * Latin ones in "-ses" and "-ices" ({@link isSesOrIcesPlural}). The other Latin
 * and Greek ones ("data", "criteria") are left to the stemmer: reading them
 * as the singular cost a Cranfield question ("data" is not "datum" there),
 * and so is "people" (as "person" it cost three SQuAD questions).
 */
const ENGLISH_PLURAL = /(?:men|children|feet|teeth|geese|mice|lice|oxen|ves)$/;

/**
 * A Greek plural of a noun in "-sis" ("hypotheses", "crises", "theses") or a Latin one of a noun in
 * "-ex" or "-ix" ("vortices", "vertices", "matrices"): Porter stems the two forms apart
 * ("hypothes" and "hypothesi", "vortic" and "vortex"). Not "bases" and "ellipses", plurals of
 * "base" and "ellipse" too.
 */
function isSesOrIcesPlural(singular: string, plural: string): boolean {
  if (singular.endsWith('sis')) return plural.endsWith('ses') && singular !== 'basis' && singular !== 'ellipsis';
  return (singular.endsWith('ex') || singular.endsWith('ix')) && plural.endsWith('ices');
}

/** Irregular plurals that are also another word's form, left to the stemmer: "leaves" and "lives" (verbs). */
const PLURALS_OF_OTHER_WORDS: ReadonlySet<string> = new Set(['leaves', 'lives']);

/** "Daily" is "every day": the adjectives and adverbs of a unit of time read as the unit ("monthly fee", "per month"). */
const TIME_ADVERBS: ReadonlyMap<string, string> = new Map([
  ['hourly', 'hour'], ['daily', 'day'], ['nightly', 'night'], ['weekly', 'week'], ['monthly', 'month'], ['quarterly', 'quarter'], ['yearly', 'year'],
]);

/**
 * Units of measure and the other ways they are written: the abbreviation
 * ("km", "kg", "lbs"), the American spelling and its plural ("kilometers"),
 * which Porter leaves apart from the unit ("kilometr", "kilomet", "km").
 * Single letters ("m", "g", "l") and abbreviations that are also words or
 * other abbreviations ("in", "min", "sec") are left alone.
 */
const UNIT_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['kilometre', ['km', 'kms', 'kilometer', 'kilometers']],
  ['centimetre', ['cm', 'centimeter', 'centimeters']],
  ['millimetre', ['mm', 'millimeter', 'millimeters']],
  ['metre', ['meter', 'meters']],
  ['kilogram', ['kg', 'kgs', 'kilogramme', 'kilogrammes']],
  ['milligram', ['mg']],
  ['litre', ['liter', 'liters']],
  ['millilitre', ['ml', 'milliliter', 'milliliters']],
  ['pound', ['lb', 'lbs']],
  ['ounce', ['oz']],
  ['foot', ['ft']],
  ['yard', ['yd', 'yds']],
  ['mile', ['mi']],
  ['hour', ['hr', 'hrs']],
  ['kilobyte', ['kb']],
  ['megabyte', ['mb']],
  ['gigabyte', ['gb']],
  ['terabyte', ['tb']],
];

/**
 * Entries of the `american-british-english-translator` list of British
 * spellings that are not read as its American spelling: plurals that the list
 * doubles ("buses" is no "busses", "gases" no "gasses"), words American
 * English spells the British way too ("gauge"), and different words
 * ("tonne" is no "ton", "philtre" no "filter", "groyne" no "groin").
 */
export const BRITISH_SPELLINGS_LEFT_OUT: ReadonlySet<string> = new Set([
  'buses', 'minibuses', 'busing', 'gases', 'gauge', 'gauged', 'gauges', 'gauging', 'tonne', 'tonnes', 'philtre', 'philtres', 'groyne', 'groynes',
]);

/**
 * Verbs of three letters whose other forms Porter cuts shorter while the verb stays whole: in "-ie"
 * ("died" and "dies" → "di", "dying" → "dy"; "die") and in a consonant and "y" ("tried" and "tries"
 * → "tri"; "try"). Their forms are read as the verb: "When did Tesla die?" meets "Tesla died on 7
 * January 1943".
 */
const SHORT_VERB_FORMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ...['die', 'tie', 'lie', 'vie'].map((v) => [v, [`${v}s`, `${v}d`, `${v[0]}ying`]] as const),
  ...['try', 'cry', 'dry', 'fly', 'fry', 'pry', 'spy', 'ply'].map((v) => [v, [`${v.slice(0, 2)}ies`, `${v.slice(0, 2)}ied`]] as const),
];

/** Base verb's head → the heads of its irregular forms that differ from it ("bu" → ["bo"] for "bought"). */
const IRREGULAR_HEADS = new Map<number, number[]>();

{
  // Plain loops: this runs at Worker start-up, before the JIT has warmed up.
  const forms = IRREGULAR_VERBS as Map<string, string>;
  // A form read as its base, and its head noted under the base's when they differ ("bought" under "bu").
  const addForm = (form: string, base: string): void => {
    forms.set(form, base);
    const h = headOf(form);
    const baseHead = headOf(base);
    if (h === baseHead) return;
    const heads = IRREGULAR_HEADS.get(baseHead);
    if (heads === undefined) IRREGULAR_HEADS.set(baseHead, [h]);
    else if (!heads.includes(h)) heads.push(h);
  };
  const bases = irregularVerbs as Record<string, string[][]>;
  for (const base in bases) {
    for (const pair of bases[base]!) {
      for (const form of pair) if (form !== base && !Object.hasOwn(bases, form) && isLowerAscii(form)) addForm(form, base);
    }
  }
  // Porter stems "goes" to "goe", apart from "go", "going" and "went"; "does" is a stop word.
  addForm('goes', 'go');
  // A unit's abbreviation and its American spelling read as the unit ("300 km a day" for "How many kilometres …?").
  for (const [unit, forms] of UNIT_FORMS) for (const form of forms) addForm(form, unit);
  // A British spelling as the American one ("colour" → "color", "organisation" → "organization"), where neither is
  // read as another word already (the units: "metres" stays apart from "meters", which is read as "metre").
  const britishOf = britishSpellings as Record<string, string>;
  const targets = new Set(forms.values());
  for (const british in britishOf) {
    const american = britishOf[british]!;
    if (!BRITISH_SPELLINGS_LEFT_OUT.has(british) && !forms.has(british) && !forms.has(american) && !targets.has(british) && !STOP_WORDS.has(british)) addForm(british, american);
  }
  // "Died" and "dying" as "die", "tried" as "try" (Porter stems them "di", "dy", "tri").
  for (const [verb, verbForms] of SHORT_VERB_FORMS) for (const form of verbForms) if (!forms.has(form)) addForm(form, verb);
  // "Monthly" as "month" (Porter stems it "monthli").
  for (const [adverb, unit] of TIME_ADVERBS) addForm(adverb, unit);
  // English's own irregular plurals ("children", "women", "feet", "knives") and "-ses" and "-ices" ones, which Porter leaves apart from the singular.
  for (const [singular, plural] of irregularPlurals) {
    if ((ENGLISH_PLURAL.test(plural) || isSesOrIcesPlural(singular, plural)) && !PLURALS_OF_OTHER_WORDS.has(plural) && !forms.has(plural) && isLowerAscii(plural) && stemmer(plural) !== stemmer(singular)) addForm(plural, singular);
  }
}

/**
 * A word's or term's first two characters as `c0 << 16 | c1` (`c1` is
 * 0xffff for a one-character word; a second `y` counts as `i`, since Porter
 * may turn "ays" into "ai"). A term has its word's head, except for an
 * irregular verb form ({@link irregularHeadsOf}).
 */
export function headOf(w: string): number {
  let c1 = w.length > 1 ? w.charCodeAt(1) : 0xffff;
  if (c1 === 0x79) c1 = 0x69;
  return (w.charCodeAt(0) << 16) | c1;
}

/**
 * The heads of the irregular verb forms whose term has head `h`, where they
 * differ from it ("bought" for "bui": `headOf("bo")` for `headOf("bu")`),
 * or undefined. A superset: every form of every base verb with that head.
 */
export function irregularHeadsOf(h: number): readonly number[] | undefined {
  return IRREGULAR_HEADS.get(h);
}

function isLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return s.length > 0;
}

/** A word of a text: its folded form and its UTF-16 offsets, end exclusive. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// A word is a run of letters, digits and combining marks that starts with a
// letter or digit; a "." between an ASCII digit and one to three more joins
// runs, so that version and section numbers, addresses and decimals stay one
// word ("4.2.0", "3.2", "192.168.0.1", "1.5"), while a date keeps its year
// apart ("29.11" and "2026"); a "v" before such a number is not part of it
// ("v4.2.0" is "4.2.0"). Everything else (punctuation, curly quotes, dashes,
// symbols, whitespace) separates words, except that a number with a letter
// in brackets right after it is one word without them ("401(k)" is
// "401k", as a question may write it). Capitals are acronyms in two cases
// that scanWords handles before folding: "U.S." is one word ("us" folded,
// kept as "US" since "us" is a stop word), and "IT" or "US" among words not
// in capitals keeps its capitals (ACRONYM_STOP_WORDS).
const WORD = /(?![vV][0-9]+\.[0-9]{1,3}(?![0-9]))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=[0-9])\.[0-9]{1,3}(?![0-9])[\p{L}\p{N}\p{M}]*)*/gu;
const MARKS = /\p{M}+/gu;

// Non-ASCII characters that can neither start nor continue a word, for the
// blocks common in running text (Latin-1 punctuation and symbols, General
// Punctuation: dashes, curly quotes, spaces). scanWords skips them without
// the regular expression; the table comes from the same Unicode classes.
const SEPARATOR_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0xff],
  [0x2000, 0x206f],
];
const NOT_WORD = /[^\p{L}\p{N}\p{M}]/u;
const SEPARATOR = new Uint8Array(0x2070);
for (const [from, to] of SEPARATOR_RANGES) {
  for (let c = from; c <= to; c++) if (NOT_WORD.test(String.fromCharCode(c))) SEPARATOR[c] = 1;
}

function isSeparator(c: number): boolean {
  return c < 0x2070 && SEPARATOR[c] === 1;
}
const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * Latin letters that Unicode does not decompose into a base letter and a
 * mark, written as a reader without them types them: "Bolesław" is asked
 * as "Boleslaw", "Ørsted" as "Orsted", "Straße" as "Strasse".
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

/**
 * Folds case and diacritics: `"Café"` → `"cafe"`, `"ﬁne"` → `"fine"`,
 * `"Łódź"` → `"lodz"`, `"Straße"` → `"strasse"`.
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII_WORD.test(lower)) return lower;
  return lower.normalize('NFKD').replace(MARKS, '').replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED[c]!);
}

/**
 * Splits `text` into folded words with their offsets in `text`.
 * Punctuation never reaches the index or the query: `"Avocado,”` → `avocado`;
 * `"U.S."` → `US` and `"the IT desk"` → `the`, `IT`, `desk` (acronyms that
 * are not the stop words "us" and "it"); `"401(k)"` → `401k`.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanWords(text, (start, end, folded) => {
    out.push({ word: folded ?? text.slice(start, end).toLowerCase(), start, end });
  });
  return out;
}

/**
 * Calls `visit` for each word {@link tokenize} finds, in order, with its
 * offsets and, for a word with non-ASCII characters or an acronym ("U.S." →
 * "US", "IT"), its folded form (`undefined` for any other ASCII word, whose
 * folded form is its text in lower case), so that hot loops make strings
 * only for the words they need.
 */
export function scanWords(text: string, visit: (start: number, end: number, folded: string | undefined) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII, the common case, without the regular expression: the same
      // words WORD finds, since in ASCII only [A-Za-z0-9] are \p{L} or \p{N}.
      if (!isAsciiAlnum(c) || ((c === 0x76 || c === 0x56) && isVersionAfter(text, i + 1))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isLowerOrDigit(text.charCodeAt(j))) j++;
      // A capital after the first letter: the word may be an identifier in camel case ("buyLabel").
      const capital = j < n && isUpper(text.charCodeAt(j));
      if (capital) while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
      // "4.2.0": a "." between a digit and one to three more continues the word.
      while (text.charCodeAt(j) === 0x2e && isDigit(text.charCodeAt(j - 1)) && shortDigitsAt(text, j + 1)) {
        j += 2;
        while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
      }
      if (j === n || text.charCodeAt(j) < 0x80 || isSeparator(text.charCodeAt(j))) {
        // A command-line flag named by a stop word ("--all", "--out") is a word of its own, "--all".
        if (text.charCodeAt(i - 1) === 0x2d && !capital && isFlagAt(text, i, j)) {
          visit(i - 2, j, text.slice(i - 2, j));
          i = j;
          continue;
        }
        // A letter and a word joined by a hyphen ("e-mail", "E-bike", "X-ray") are one word, "email".
        if (j - i === 1 && text.charCodeAt(j) === 0x2d) {
          const k = letterPrefixedEnd(text, i);
          if (k > 0) {
            visit(i, k, (text.charAt(i) + text.slice(j + 1, k)).toLowerCase());
            i = k;
            continue;
          }
        }
        // Capitals: "U.S." is one word, and "IT" or "US" is not the stop word "it" or "us".
        if (isUpper(c) && (j - i === 1 || isUpper(text.charCodeAt(i + 1)))) {
          const dotted = j - i === 1 ? dottedAcronymEnd(text, i) : -1;
          if (dotted > 0) {
            visit(i, dotted, acronymWord(text.slice(i, dotted).replaceAll('.', '')));
            i = dotted;
            continue;
          }
          if (j - i > 1 && isStopWordAcronym(text, i, j)) {
            visit(i, j, text.slice(i, j));
            i = j;
            continue;
          }
        }
        // "as long as" means "provided that": its "long" is no length ("How long …?"), read as the stop word "as".
        if (j - i === 4 && c === 0x6c && isLongOfAsLongAs(text, i)) {
          visit(i, j, 'as');
          i = j;
          continue;
        }
        // Rare shapes in a helper, so that this loop stays small: "401(k)", "buyLabel", "5km".
        i = capital || text.charCodeAt(j) === 0x28 || (isDigit(c) && !isDigit(text.charCodeAt(j - 1))) ? visitShaped(text, i, j, visit) : (visit(i, j, undefined), j);
        continue;
      }
    } else if (isSeparator(c)) {
      i++;
      continue;
    }
    // Non-ASCII, or an ASCII run that continues with non-ASCII ("café"):
    // the next word from here, by WORD itself.
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m === null) break;
    if (m.index > i && text.charCodeAt(m.index) < 0x80) {
      // An ASCII word after other characters: read from there as above ("U.S.", "IT").
      i = m.index;
      continue;
    }
    const end = m.index + m[0].length;
    // A flag named by a stop word before a character that is no separator: "--all→".
    if (text.charCodeAt(m.index - 1) === 0x2d && isFlagAt(text, m.index, end)) visit(m.index - 2, end, text.slice(m.index - 2, end));
    else if (!visitCamelParts(text, m.index, end, visit)) visit(m.index, end, fold(m[0]));
    i = end;
  }
}

/**
 * Whether the word at `text[i, i + 4)` is the "long" of "as long as": spaces
 * each side, and each "as" (in any case) a word of its own between them and
 * the text's end or an ASCII character that is no letter or digit.
 */
function isLongOfAsLongAs(text: string, i: number): boolean {
  if (!text.startsWith('long', i)) return false;
  let b = i;
  while (b > 0 && text.charCodeAt(b - 1) === 0x20) b--;
  let a = i + 4;
  while (a < text.length && text.charCodeAt(a) === 0x20) a++;
  return b < i && a > i + 4 && isAs(text, b - 2) && isPlainEdge(text, b - 3) && isAs(text, a) && isPlainEdge(text, a + 2);
}

function isAs(text: string, k: number): boolean {
  return k >= 0 && (text.charCodeAt(k) | 0x20) === 0x61 && (text.charCodeAt(k + 1) | 0x20) === 0x73;
}

/** Whether `text[k]` is past either end of `text` or an ASCII character that is no letter or digit. */
function isPlainEdge(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return Number.isNaN(c) || (c < 0x80 && !isAsciiAlnum(c));
}

/**
 * Whether the ASCII word at `text[start, end)` is the name of a command-line
 * flag that is a stop word: "--" right before it, not after a letter, digit
 * or dash ("the war--which" is prose), and a stop word in lower case ("--all",
 * "--out", "--no" of "--no-cache"). Such a flag is a word of its own, kept
 * with its dashes, so that "What does --all do?" finds it; a flag of any
 * other name ("--output") is its words, as before.
 */
function isFlagAt(text: string, start: number, end: number): boolean {
  if (start < 2 || text.charCodeAt(start - 2) !== 0x2d) return false;
  const before = start > 2 ? text.charCodeAt(start - 3) : 0x20;
  if (before === 0x2d || isAsciiAlnum(before) || before >= 0x80) return false;
  return isLower(text.charCodeAt(start)) && STOP_WORDS.has(text.slice(start, end));
}

/**
 * Where the word ends that one ASCII letter at `text[start]` makes with the
 * word after its hyphen, or -1: "e-mail", "E-bike", "X-ray", "T-shirt" are
 * one word each ("email", "ebike"), as they are often written without the
 * hyphen, and a single letter alone is no term. Only when the letter follows
 * no letter, digit or hyphen, and the word after it is two or more ASCII
 * letters or digits, a letter first and no capital after it, ending where
 * no other character continues it ("x-y" and "A-1" stay apart).
 */
function letterPrefixedEnd(text: string, start: number): number {
  if (!isAsciiLetter(text.charCodeAt(start))) return -1;
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (b === 0x2d || isAsciiAlnum(b)) return -1;
  }
  const from = start + 2;
  if (!isAsciiLetter(text.charCodeAt(from))) return -1;
  let k = from + 1;
  while (k < text.length && isLowerOrDigit(text.charCodeAt(k))) k++;
  if (k - from < 2) return -1;
  if (k === text.length) return k;
  // What would continue the word: a letter or digit, a mark, a "." before one to three digits after a digit.
  const c = text.charCodeAt(k);
  // (By code point: a letter or mark beyond the BMP, "𞀣", is two code units, each no word character alone.)
  if (isAsciiAlnum(c) || (c >= 0x80 && !isSeparator(c) && !NOT_WORD.test(String.fromCodePoint(text.codePointAt(k)!)))) return -1;
  if (c === 0x2e && isDigit(text.charCodeAt(k - 1)) && shortDigitsAt(text, k + 1)) return -1;
  return k;
}

/**
 * Units a number may be written on to ("5km", "10kg", "3GB", "30min",
 * "11pm"), read as the number and the unit, the way "5 km" is. Single letters
 * other than "h" are left alone ("5G", "4K", "1080p", "1990s" are names, not
 * amounts), as are ordinals ("2nd").
 */
const GLUED_UNITS: ReadonlySet<string> = new Set([
  // The abbreviations of UNIT_FORMS ("km", "kg", "lbs", "gb", …).
  ...UNIT_FORMS.flatMap(([, forms]) => forms.filter((f) => f.length <= 3)),
  ...['h', 'min', 'sec', 'mph', 'kmh', 'kph', 'kw', 'kwh', 'am', 'pm'],
]);

/** A time of day's "am" or "pm", which "11 p.m." does not index either. */
const DAY_HALVES: ReadonlySet<string> = new Set(['am', 'pm']);

/**
 * Visits the ASCII word `text[start, end)` as a number and a unit
 * ({@link GLUED_UNITS}) when it is one ("5km" → "5", "km"; "11pm" → "11"),
 * and says whether it was.
 */
function visitGluedUnit(text: string, start: number, end: number, visit: (start: number, end: number, folded: string | undefined) => void): boolean {
  let k = start;
  while (k < end && (isDigit(text.charCodeAt(k)) || (text.charCodeAt(k) === 0x2e && isDigit(text.charCodeAt(k + 1))))) k++;
  if (k === start || end - k > 3) return false;
  const unit = text.slice(k, end).toLowerCase();
  if (!GLUED_UNITS.has(unit)) return false;
  visit(start, k, undefined);
  if (!DAY_HALVES.has(unit)) visit(k, end, unit);
  return true;
}

/**
 * Visits the ASCII word at `text[start, end)` (or from `start`, a longer one)
 * and returns where the next word may start: "401(k)", "403(b)", a number
 * with a letter in brackets, is one word, "401k", as a question may write
 * it; an identifier in camel case is its words ({@link visitCamelParts}); a
 * number with its unit run on is the two ({@link visitGluedUnit}).
 */
function visitShaped(text: string, start: number, end: number, visit: (start: number, end: number, folded: string | undefined) => void): number {
  if (visitGluedUnit(text, start, end, visit)) return end;
  if (text.charCodeAt(end) === 0x28 && isAsciiLetter(text.charCodeAt(end + 1)) && text.charCodeAt(end + 2) === 0x29 && isDigits(text, start, end)) {
    visit(start, end + 3, text.slice(start, end) + text.charAt(end + 1).toLowerCase());
    return end + 3;
  }
  if (!(isLower(text.charCodeAt(start)) && visitCamelParts(text, start, end, visit))) visit(start, end, undefined);
  return end;
}

/**
 * An identifier in camel case, "buyLabel" or "maxRetries" (code in
 * developer docs), is the words it joins: "buy" and "label", as a question
 * writes them. Only an ASCII word that opens with a lower-case letter and a
 * lower-case letter or digit is one, cut before each capital that follows a
 * lower-case letter or digit and precedes a lower-case letter, so that
 * "cpDNA", "kPa", "pH", "iTunes" (and "getHTTPResponse") stay words.
 * Visits the parts (ASCII, so without a folded form) and returns true, or
 * returns false (not such an identifier).
 */
function visitCamelParts(text: string, start: number, end: number, visit: (start: number, end: number, folded: string | undefined) => void): boolean {
  let from = start;
  for (let k = start + 2; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    if (!isUpper(c) || !isLowerOrDigit(text.charCodeAt(k - 1)) || !isLower(text.charCodeAt(k + 1))) continue;
    if (from === start) {
      // Only ASCII words that open with two lower-case letters or digits ("buyLabel", not "iTunes" or "Ωmega").
      if (!isLower(text.charCodeAt(start)) || !isLowerOrDigit(text.charCodeAt(start + 1))) return false;
      for (let x = start; x < end; x++) if (!isAsciiAlnum(text.charCodeAt(x))) return false;
    }
    visit(from, k, undefined);
    from = k;
  }
  if (from === start) return false;
  visit(from, end, undefined);
  return true;
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Whether `text` has one to three digits at `i`, and no fourth ("2" of "4.2.0", not "2026" of "29.11.2026"). */
function shortDigitsAt(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && j - i < 4 && isDigit(text.charCodeAt(j))) j++;
  return j > i && j - i <= 3 && !(j < text.length && isDigit(text.charCodeAt(j)));
}

/** Whether `text` has digits, a "." and a short run of digits at `i` ("4.2" of "v4.2.0"). */
function isVersionAfter(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  return j > i && text.charCodeAt(j) === 0x2e && shortDigitsAt(text, j + 1);
}

// Two or more capitals each followed by a "." ("U.S.", "D.C.", "J.R.R."), the last "." optional.
const DOTTED_ACRONYM = /(?:[A-Z]\.)+[A-Z]\.?(?![\p{L}\p{N}\p{M}])/uy;

/** The end of a dotted acronym that starts at `i`, or -1. */
function dottedAcronymEnd(text: string, i: number): number {
  if (text.charCodeAt(i + 1) !== 0x2e) return -1;
  DOTTED_ACRONYM.lastIndex = i;
  return DOTTED_ACRONYM.test(text) ? DOTTED_ACRONYM.lastIndex : -1;
}

/**
 * A folded acronym: in lower case, unless that is one of the
 * {@link ACRONYM_STOP_WORDS} ("US" of "U.S."), which keeps its capitals so
 * that it is a term of its own.
 */
function acronymWord(letters: string): string {
  const lower = letters.toLowerCase();
  return ACRONYM_STOP_WORDS.has(lower) ? letters.toUpperCase() : lower;
}

/**
 * Whether the capitals at `text[start, end)` spell one of the
 * {@link ACRONYM_STOP_WORDS} used as an acronym ("the IT desk", "US
 * employees"), not shouted text ("CONTACT US", "WHAT IS IT"): the nearest
 * words of its line and sentence, up to three either side, are mostly not in
 * capitals.
 */
export function isStopWordAcronym(text: string, start: number, end: number): boolean {
  if (end - start > 3) return false;
  for (let k = start; k < end; k++) if (!isUpper(text.charCodeAt(k))) return false;
  if (!ACRONYM_STOP_WORDS.has(text.slice(start, end).toLowerCase())) return false;
  const before = text.slice(Math.max(0, start - 60), start).split(CLAUSE_END).pop()!.match(LETTER_WORDS) ?? [];
  const after = text.slice(end, end + 60).split(CLAUSE_END)[0]!.match(LETTER_WORDS) ?? [];
  let caps = 0;
  let all = 0;
  for (const w of [...before.slice(-3), ...after.slice(0, 3)]) {
    all++;
    if (w === w.toUpperCase()) caps++;
  }
  return caps * 2 <= all;
}
const CLAUSE_END = /[\n.!?:;|]/;
const LETTER_WORDS = /[A-Za-z]{2,}/g;

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** Whether the character code `c` is an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Whether `text[start, end)` is all ASCII digits. */
function isDigits(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** Folded words of `text`, without offsets (MiniSearch's `tokenize` option). */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}

/**
 * Turns one folded word into an index term, or `null` when the word carries
 * no meaning for retrieval: stop words, question words and single letters.
 * An acronym that {@link tokenize} kept in capitals ("IT", "US") is a term
 * as it is.
 * Words are stemmed with the Porter stemmer (`stemmer` package), so "models"
 * and "model" meet, after an irregular verb form is read as its base verb
 * ({@link IRREGULAR_VERBS}), so "bought" and "buy" meet, a unit's
 * abbreviation as the unit ("km" as "kilometre"), and an adverb of time as
 * its unit ("monthly" as "month"), and "died" and "dying" as "die"
 * ({@link SHORT_VERB_FORMS}); a noun in "-us" is stemmed as its plural
 * ("bus" as "buses") and an adjective in "-ous" as its adverb ({@link stemmedAs}),
 * and a few words Porter would read as another word keep their own term
 * ({@link OVERSTEMMED}: "news" is not "new"); numbers are kept as written.
 */
export function term(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  if (word.length === 1 && !(word >= '0' && word <= '9')) return null;
  if (!ASCII_WORD.test(word) || /^[0-9]/.test(word)) return word;
  const base = IRREGULAR_VERBS.get(word);
  const kept = OVERSTEMMED.get(base ?? word);
  if (kept !== undefined) return kept;
  return stemmer(base ?? stemmedAs(word));
}

/**
 * The form of `word` Porter gives its family's term: a singular noun in "-us" ({@link S_SINGULAR}) or
 * "-as" ({@link ES_SINGULARS}) as its "-es" plural, an adjective in "-ous" as its adverb: Porter
 * strips the "s" of "famous" as a plural's ("famou") but not of "famously" ("famous").
 */
function stemmedAs(word: string): string {
  if (word.length > 4 && word.endsWith('ous')) return `${word}ly`;
  if (S_SINGULAR.test(word)) return U_PLURALS.has(word) ? word : `${word}es`;
  return ES_SINGULARS.has(word) ? `${word}es` : word;
}

/**
 * Words that Porter stems to a commoner word of another meaning, and the term each is read as
 * instead: "news" is not "new", "goods" not "good", "university" not "universe", "organization"
 * and "organize" not "organ" (nor "organic" and "organism", also stemmed "organ"), the textbook
 * cases of its overstemming. A British spelling is looked up as the American one ("organisation").
 */
const OVERSTEMMED: ReadonlyMap<string, string> = new Map([
  ['news', 'news'],
  ['goods', 'goods'],
  ['university', 'universiti'],
  ['universities', 'universiti'],
  ...['organize', 'organized', 'organizes', 'organizing', 'organization', 'organizations', 'organizer', 'organizers', 'organizational'].map((w): [string, string] => [w, 'organiz']),
  ['organism', 'organism'],
  ['organisms', 'organism'],
  ['organic', 'organic'],
]);

/**
 * A singular noun ending in "us" after a consonant, "i" or "e" ("bus", "virus", "campus", "focus",
 * "radius", "nucleus"): Porter strips its "s" as a plural's ("bu", "viru") but keeps it in
 * "buses", "viruses" and "focused" ("buse", "virus", "focus"), so it is stemmed as its "-es"
 * plural. Not "-ous" (adjectives), "-aus", "-uus".
 */
const S_SINGULAR = /[^aeiouy]us$|[ie]us$/;
/** Plurals of nouns ending in "u" that {@link S_SINGULAR} would take for a singular ("menus", "gurus", "CPUs"). */
const U_PLURALS: ReadonlySet<string> = new Set(['menus', 'gurus', 'haikus', 'emus', 'gnus', 'tutus', 'tofus', 'sudokus', 'kudzus', 'hindus', 'zulus', 'hutus', 'bantus', 'cpus', 'gpus', 'tpus', 'npus', 'skus', 'psus', 'ecus', 'mcus', 'imus', 'apus', 'pdus', 'snafus', 'zebus', 'kudus', 'ragus', 'fondus']);
/** Singular nouns ending in "as" whose plural adds "es" ("gas", "gases"); most words in "-as" are plurals ("ideas"). */
const ES_SINGULARS: ReadonlySet<string> = new Set(['gas', 'bias', 'atlas', 'canvas', 'alias']);

/**
 * The distinct index terms of a question, in first-seen order.
 * `"Who is Alexandr Wang?"` → `["alexandr", "wang"]`.
 */
export function queryTerms(question: string | readonly Token[]): string[] {
  const seen = new Set<string>();
  for (const t of typeof question === 'string' ? tokenize(question) : question) {
    const s = term(t.word);
    if (s !== null) seen.add(s);
  }
  return [...seen];
}

const TERM_CACHE = new Map<string, string | null>();
const TERM_CACHE_MAX = 200_000;

/**
 * {@link term} with a bounded memo: re-ranking stems the words of candidate
 * passages on every question, and a corpus's vocabulary repeats.
 */
export function cachedTerm(word: string): string | null {
  let t = TERM_CACHE.get(word);
  if (t === undefined) {
    if (TERM_CACHE.size >= TERM_CACHE_MAX) TERM_CACHE.clear();
    t = term(word);
    TERM_CACHE.set(word, t);
  }
  return t;
}
