/**
 * tokenize() as first written, for the tests that check the fast scanner
 * against it: one Unicode regular expression over the whole text. A word is a
 * run of letters, digits and marks that starts with a letter or digit,
 * continued by a "." before one to three digits; a "v" before such a dotted
 * number is not part of it. Two or more capitals each followed by a "."
 * ("U.S.") are one word, their letters; capitals that spell "IT", "US" or
 * another acronym stop word, before the end or an ASCII, Latin-1 or General
 * Punctuation character, keep their capitals where isStopWordAcronym() says so.
 */
import { ACRONYM_STOP_WORDS, fold, isStopWordAcronym, type Token } from '../../src/engine/index.js';

const WORD = /(?![vV][0-9]+\.[0-9]{1,3}(?![0-9]))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=[0-9])\.[0-9]{1,3}(?![0-9])[\p{L}\p{N}\p{M}]*)*/u;
const NOT_AFTER_WORD = /(?<![\p{L}\p{N}])/u;
const DOTTED = /(?:[A-Z]\.)+[A-Z]\.?(?![\p{L}\p{N}\p{M}])/u;
const TOKEN = new RegExp(`${NOT_AFTER_WORD.source}(?<dotted>${DOTTED.source})|${WORD.source}`, 'gu');
const PLAIN_AFTER = /^[\x00-\xff\u2000-\u206f]?$/u;

/** The words of `text` with their offsets, by the reference definition. */
export function referenceTokens(text: string): Token[] {
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
