/**
 * tokenize() as first written, for the tests that check the fast scanner
 * against it: one Unicode regular expression over the whole text. A word is a
 * run of letters, digits and marks that starts with a letter or digit,
 * continued by a "." before one to three digits; a "v" before such a dotted
 * number is not part of it.
 */
import { fold, type Token } from '../../src/engine/index.js';

const WORD = /(?![vV][0-9]+\.[0-9]{1,3}(?![0-9]))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?<=[0-9])\.[0-9]{1,3}(?![0-9])[\p{L}\p{N}\p{M}]*)*/gu;

/** The words of `text` with their offsets, by the reference definition. */
export function referenceTokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}
