/**
 * tokenize() as first written, for the tests that check the fast scanner
 * against it: one Unicode regular expression over the whole text. A word is a
 * run of letters, digits and marks that starts with a letter or digit,
 * continued by a "." before one to three digits; a "v" before such a dotted
 * number is not part of it. Two or more capitals each followed by a "."
 * ("U.S.") are one word, their letters; capitals that spell "IT", "US" or
 * another acronym stop word, before the end or an ASCII, Latin-1 or General
 * Punctuation character, keep their capitals where isStopWordAcronym() says so.
 * A word of digits with a letter in brackets right after it ("401(k)") is one
 * word, "401k"; an ASCII identifier in camel case ("buyLabel") is its words;
 * a number with a unit run on ("5km", "11pm") is the number and the unit.
 */
import { ACRONYM_STOP_WORDS, fold, isStopWordAcronym, STOP_WORDS, type Token } from '../../src/engine/index.js';

const WORD = /(?![vV][0-9]+\.[0-9]{1,3}(?![0-9]))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=[0-9])\.[0-9]{1,3}(?![0-9])[\p{L}\p{N}\p{M}]*)*/u;
const NOT_AFTER_WORD = /(?<![\p{L}\p{N}])/u;
const DOTTED = /(?:[A-Z]\.)+[A-Z]\.?(?![\p{L}\p{N}\p{M}])/u;
const TOKEN = new RegExp(`${NOT_AFTER_WORD.source}(?<dotted>${DOTTED.source})|${WORD.source}`, 'gu');
const PLAIN_AFTER = /^[\x00-\xff\u2000-\u206f]?$/u;

/** A letter in brackets right after a word of digits ("401(k)"): one word with it, "401k". */
const BRACKETED_LETTER = /^\(([A-Za-z])\)/;

/** The words of `text` with their offsets, by the reference definition. */
export function referenceTokens(text: string): Token[] {
  const tokens = letterPrefixed(text, wordTokens(text));
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const m = /^[0-9]+$/.test(text.slice(t.start, t.end)) ? BRACKETED_LETTER.exec(text.slice(t.end)) : null;
    const camel = m === null ? camelParts(text.slice(t.start, t.end)) : null;
    if (camel !== null) {
      let at = t.start;
      for (const part of camel) {
        out.push({ word: part.toLowerCase(), start: at, end: at + part.length });
        at += part.length;
      }
    } else if (m === null && gluedUnit(text, t) !== null) out.push(...gluedUnit(text, t)!);
    else if (m === null) out.push(isFlag(text, t) ? { word: `--${t.word}`, start: t.start - 2, end: t.end } : t);
    else {
      out.push({ word: t.word + m[1]!.toLowerCase(), start: t.start, end: t.end + 3 });
      k++; // the letter in the brackets
    }
  }
  // The "long" of "as long as" is read as the stop word "as".
  for (const m of text.matchAll(AS_LONG_AS)) {
    const t = out.find((o) => o.start === m.index);
    if (t !== undefined) t.word = 'as';
  }
  return out;
}

/** "long" between two words "as", spaces between, each "as" between the text's ends or ASCII characters that are no letters or digits. */
const AS_LONG_AS = /(?<=(?:^|[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])[aA][sS] +)long(?= +[aA][sS](?:$|[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]))/g;

/** Units a number may be written on to, and the two that are dropped ("am", "pm"), as text.ts reads them. */
const UNITS = new Set(['km', 'kms', 'kg', 'kgs', 'mg', 'cm', 'mm', 'ml', 'lb', 'lbs', 'oz', 'ft', 'yd', 'yds', 'mi', 'mph', 'kmh', 'kph', 'h', 'hr', 'hrs', 'min', 'sec', 'kb', 'mb', 'gb', 'tb', 'kw', 'kwh', 'am', 'pm']);

/**
 * An ASCII word of a number and a unit run together ("5km", "1.5KG", "11pm"),
 * before the end or a plain character: the number, then the unit in lower
 * case unless it is "am" or "pm"; null for any other word.
 */
function gluedUnit(text: string, t: Token): Token[] | null {
  const m = /^([0-9]+(?:\.[0-9]+)*)([A-Za-z]{1,3})$/.exec(text.slice(t.start, t.end));
  if (m === null || !UNITS.has(m[2]!.toLowerCase()) || !PLAIN_AFTER.test(text.charAt(t.end))) return null;
  const at = t.start + m[1]!.length;
  const number = { word: m[1]!, start: t.start, end: at };
  return m[2]!.toLowerCase() === 'am' || m[2]!.toLowerCase() === 'pm' ? [number] : [number, { word: m[2]!.toLowerCase(), start: at, end: t.end }];
}

/** A command-line flag named by a stop word in lower case ("--all"), after no letter, digit, dash or non-ASCII character. */
function isFlag(text: string, t: Token): boolean {
  return /^[a-z]+$/.test(text.slice(t.start, t.end)) && STOP_WORDS.has(t.word) && /(?:^|[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])--$/.test(text.slice(Math.max(0, t.start - 3), t.start));
}

/**
 * One ASCII letter, a hyphen and a word of two or more ASCII letters or
 * digits, a letter first and no capital after it ("e-mail", "X-ray"), the
 * letter after no letter, digit or hyphen: one word, "email".
 */
function letterPrefixed(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (
      next !== undefined &&
      /^[A-Za-z]$/.test(text.slice(t.start, t.end)) &&
      !/[A-Za-z0-9-]/.test(text.charAt(t.start - 1)) &&
      text.charAt(t.end) === '-' &&
      next.start === t.end + 1 &&
      /^[A-Za-z][a-z0-9]+$/.test(text.slice(next.start, next.end))
    ) {
      out.push({ word: (text.charAt(t.start) + text.slice(next.start, next.end)).toLowerCase(), start: t.start, end: next.end });
      k++;
    } else out.push(t);
  }
  return out;
}

/** An ASCII identifier in camel case ("buyLabel", not "cpDNA" or "iTunes") cut into its words, or null. */
function camelParts(word: string): string[] | null {
  if (!/^[a-z][a-z0-9][A-Za-z0-9]*$/.test(word)) return null;
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z][a-z])/);
  return parts.length > 1 ? parts : null;
}

function wordTokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (m.groups?.dotted !== undefined) {
      const letters = m[0].replaceAll('.', '');
      return { word: ACRONYM_STOP_WORDS.has(letters.toLowerCase()) ? letters : letters.toLowerCase(), start, end };
    }
    const plain = PLAIN_AFTER.test(text.charAt(end)) && /^[A-Z]+$/.test(m[0]);
    return { word: plain && isStopWordAcronym(text, start, end) ? m[0] : fold(m[0]), start, end };
  });
}
