/**
 * What the index builder takes from the lexicons (build-time only: the
 * Worker loads only the pairs of the corpus's own terms the build keeps):
 * WordNet's related words and common words (wordnet.ts), and the word-vector
 * neighbours of `lexicon/word-neighbours.txt` (made by
 * scripts/word-neighbours.ts; see lexicon/README.md), lent to question words
 * the corpus lacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { buildIndex, RelatedWords } from '../../src/engine/index.js';
import { wordNetForBuild } from './wordnet.js';

/**
 * The word-vector neighbours file of the repository: found from this module,
 * or, for a bundled copy of it (the bench's child, which runs from its
 * tree's root), from the working directory.
 */
export const WORD_NEIGHBOURS_FILE: string = ((): string => {
  const beside = fileURLToPath(new URL('../../lexicon/word-neighbours.txt', import.meta.url));
  const fromRoot = path.resolve('lexicon/word-neighbours.txt');
  return existsSync(beside) || !existsSync(fromRoot) ? beside : fromRoot;
})();

const cached = new Map<string, RelatedWords>();

/** A word of the file: lower-case letters only. */
const WORD = /^[a-z]+$/;

/**
 * The word-vector neighbours file read as word → its neighbours, nearest
 * first: one line per word, the word and its neighbours separated by single
 * spaces, lower-case letters only. Read once per process. Throws `citeqa
 * lexicon: …` when the file cannot be read or a line is malformed.
 */
export function readWordNeighbours(file: string = WORD_NEIGHBOURS_FILE): RelatedWords {
  const known = cached.get(file);
  if (known !== undefined) return known;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`citeqa lexicon: cannot read the word neighbours ${file} (${(e as Error).message})`);
  }
  const out = new Map<string, readonly string[]>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const [word, ...near] = line.split(' ');
    if (near.length === 0 || ![word, ...near].every((w) => WORD.test(w!))) {
      throw new Error(`citeqa lexicon: line ${i + 1} of ${file} is not a word and its neighbours: ${JSON.stringify(line.slice(0, 80))}`);
    }
    out.set(word!, near);
  });
  cached.set(file, out);
  return out;
}

/**
 * The lexicons as {@link buildIndex} takes them: `buildIndex(documents, {
 * corpusHash, ...lexiconForBuild() })`.
 */
export function lexiconForBuild(): { related: RelatedWords; commonWords: ReadonlySet<string>; wordNeighbours: RelatedWords } {
  return { ...wordNetForBuild(), wordNeighbours: readWordNeighbours() };
}
