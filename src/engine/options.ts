import type { Options, SearchOptions } from 'minisearch';
import { COUNTER_LINE } from './boilerplate.js';
import { DEFAULT_BOILERPLATE } from './corpus.js';
import type { NeighbourOptions } from './neighbours.js';
import { MAX_PASSAGE_CHARS } from './passages.js';
import { STOP_WORDS } from './stopwords.js';
import { IRREGULAR_VERBS, term, words } from './text.js';

/**
 * Version of the built index's layout. Bump it whenever the shape of the
 * generated module or the meaning of a stored field changes; an index built
 * with another version refuses to load.
 */
export const SCHEMA_VERSION = 6;

/** The document MiniSearch indexes for each passage. */
export interface IndexedPassage {
  id: number;
  title: string;
  section: string;
  text: string;
}

/**
 * The one set of MiniSearch options, used by the index builder and by
 * `MiniSearch.loadJS` in the Worker. Nothing is stored in MiniSearch: passage
 * text and citations live in the compact passage store.
 */
export const MINISEARCH_OPTIONS: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['title', 'section', 'text'],
  storeFields: [],
  tokenize: words,
  processTerm: term,
};

/** How questions are matched against the index (see docs/quality.md for the measurements). */
export const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'OR',
  prefix: false,
  fuzzy: false,
  boost: { title: 1.5, section: 1.5, text: 1 },
  bm25: { k: 1.2, b: 0.75, d: 0 },
};

/**
 * Ranking and abstention parameters (measured in docs/quality.md). Changing
 * them changes answers, not the index.
 */
export const RANKING = {
  /**
   * Candidates re-ranked by sentence focus, answer type and proximity (each
   * read word by word; 15 rather than 10 since session 28: docs/quality.md).
   */
  depth: 15,
  /**
   * The most answers a reader is shown (`k` of `/ask` is at most this): among
   * them, the answers after the first hold a word of the question in their
   * text or heading, not only in their document's title.
   */
  shownAnswers: 10,
  /** Weight of the best sentence's share of the question's IDF weight. */
  focusWeight: 1,
  /** Extra weight of a best sentence that also holds a word of the asked-for answer type. */
  answerTypeBonus: 1,
  /**
   * A "how many" question's counted noun right after a number ("How many eggs
   * …?" of "6 eggs") counts again, at this share of its weight, in its
   * sentence, which then holds the asked-for type.
   */
  countedWeight: 1,
  /**
   * A question term a passage lacks, but holds a word related to (related.ts:
   * a synonym or a derived word in WordNet, "automobile" for "car"), weighs this
   * share of its IDF in the re-ranking (measured 0.5 to 3: docs/quality.md).
   */
  relatedWeight: 2,
  /**
   * The same, in the abstention's support: this share of the term's weight.
   * Weak evidence: more answers questions the corpus cannot answer.
   */
  relatedSupport: 0.15,
  /**
   * A question the corpus does not answer, with exactly one word the corpus
   * lacks (not a name), is asked again with the passages that hold a word
   * related to it as candidates too ("where do I take my garbage" of "Trash
   * must be bagged …"): such a passage, which holds none of the question's
   * words, scores `weight` of the lacked word's weight in stage one, and its
   * related word adds `support` of it to the support (besides
   * `relatedSupport`), times the share of the highest IDF its rarest related
   * word has (a common one, "flow" in an aerodynamics corpus, is weak
   * evidence). Only the refused questions are asked again, so no
   * answered question changes (docs/quality.md, session 25).
   */
  retryByRelated: { weight: 0.5, support: 0.4 },
  /**
   * A question word the corpus lacks weighs like its rarest word (so that it
   * cannot veto a question alone); a passage holding a word related to it
   * ("instructor" for "teach") gains this share of that weight in the
   * re-ranking, not all of it: WordNet's senses are many, and "spend" is
   * also "drop" (docs/quality.md, session 17).
   */
  relatedUnknownShare: 0.25,
  /**
   * The same credit, as this share of it, for the answer sentence: a sentence
   * holding the related word ("chief AI officer" for "Who is the boss …?")
   * is quoted over one that holds only the question's other words.
   */
  relatedSentenceShare: 0.5,
  /**
   * A sentence that gives a range holding the quantity a question names
   * ("2 to 4 years" for "a 3 year old"; quantities.ts) counts this much more,
   * as one of the asked-for type does; one whose ranges of that kind all miss
   * it ("2 to 3 months") counts `rangeMismatch` of itself: its digits match
   * the question's by chance.
   */
  rangeBonus: 2,
  rangeMismatch: 0.5,
  /**
   * A frame word of the question (a light verb, `LIGHT_VERBS`: "get", "use",
   * "happen"; a noun that asks for a kind of text, `FRAME_NOUNS`: "policy";
   * a measure after "how", `HOW_ADJECTIVES`: "how long"; a noun
   * before a part's number, `PART_NOUNS`: "section 3.2", weighs nothing)
   * weighs this share of its IDF in the ranking and the answer sentence: it
   * frames the question ("Can I get a refund?"), the other words say what it
   * is about.
   */
  frameWeight: 0.5,
  /**
   * A name the question writes in capitals or in camel case ("HSA", "DataConf"),
   * when the corpus holds it, weighs this much of its IDF in the ranking (not
   * in the abstention): of two words a small corpus holds equally rarely,
   * "What can I spend the HSA on?" is about the HSA, not about spending
   * (docs/quality.md, session 21).
   */
  nameWeight: 1.1,
  /**
   * The question's words in a passage's document title (and a table's header
   * row, for each row under it) count for each of its sentences at this
   * share of their IDF: they name what the sentences are about.
   */
  contextWeight: 0.5,
  /**
   * The question's words in the headings a passage sits under count for each
   * of its sentences at this share of their IDF (a heading that is a
   * question, in full). More than the title's: a heading names its
   * section's subject more narrowly than a title names its document's, so a
   * sentence that adds a word of the question ("The programme takes about 25
   * minutes." under "Descaling", for "How long does descaling take?") beats
   * one that only repeats the heading's.
   */
  headingWeight: 0.75,
  /** Weight of the question's adjacent term pairs found close together. */
  proximityWeight: 1,
  /** Two question terms are "close" within this many words. */
  proximityWindow: 3,
  /**
   * Abstain when the best passage's support is below this: the share of the
   * question's IDF weight it covers plus the share carried by the question's
   * adjacent term pairs it holds close together (phrase-like matches).
   */
  minSupport: 0.425,
  /**
   * Weight of a passage's neighbours' mean score (weighted by similarity)
   * added to its own when ranking the answers after the first, for a
   * question of 5 terms; 0: off (the answers after the first are then
   * ordered by the re-ranking and stage one alone).
   */
  neighbourWeight: 1,
  /**
   * Added to `neighbourWeight` for each question term over 5 (taken off for
   * each under): a long question describes a subject, which the passages
   * around the best ones share; a short one asks for one fact, which the
   * passage's own words must hold (docs/quality.md, session 15).
   */
  neighbourWeightPerTerm: 0.1,
  /** The best this many stage-one candidates are ranked again with their neighbours' scores. */
  neighbourDepth: 50,
  /** Abstain when fewer than this share of the question's terms occur anywhere in the corpus. */
  minKnown: 0.75,
  /**
   * A best passage whose nearest passages (neighbours.ts) are candidates of
   * the question too, at least `share` of their similarity weight, is on a
   * subject the corpus covers: it needs `margin` less support than
   * `minSupport`; one whose neighbours are not needs `margin` more (an
   * off-topic question's best passage is a lone accident of shared words);
   * a passage without neighbours needs `minSupport`. The margin shrinks
   * with the small-corpus thresholds, to none at `smallCorpus.passages`
   * (docs/quality.md, session 15).
   */
  coherence: { share: 0.6, margin: 0.05 },
  /**
   * Two more shifts of the support a best passage needs, each shrinking with
   * the small-corpus thresholds as the coherence margin does. `unnamed`
   * more for a "who" question whose best passage names no one the question
   * does not (an off-topic "Who …?" finds a passage of shared words with no
   * person in it; not for "who can …", which asks who may, not who did).
   * `known` less for a question of at most `knownTerms` terms the corpus
   * holds every one of, each hyphenated compound ("boundary-layer")
   * together in the best passage: a question whose words the corpus all
   * holds is seldom about another subject (docs/quality.md, session 29).
   */
  supportShift: { unnamed: 0.2, known: 0.04, knownTerms: 7 },
  /**
   * A question term the best passage lacks but one of the two passages
   * before or the two after it in its document holds counts this share of
   * its weight in the support: a paragraph cut into two or three passages,
   * or a section's text run on into the next passage, still answers as
   * one. Shrinks with the small-corpus thresholds, as the coherence margin
   * does, to none at `smallCorpus.passages` (docs/quality.md, session 27).
   */
  adjacentSupport: 0.5,
  /**
   * Lower abstention thresholds for small corpora. A small corpus has a small
   * vocabulary: a question it answers more often uses a word it lacks, while
   * an off-topic question still shares little with it. Up to `passages`
   * passages, these `minSupport` and `minKnown` hold; from `fullFrom` passages
   * on, the ones above; in between, they move linearly in log(passages).
   */
  smallCorpus: { passages: 10, minSupport: 0.3, minKnown: 0.55, fullFrom: 300 },
  /**
   * A question term found nowhere in the corpus, of at least this many
   * letters, is read as the most frequent corpus term one edit away from it
   * with the same first letter, if any ("alexand", from "Alexander", →
   * "alexandr"); 0: off.
   */
  minCorrectLength: 6,
  /**
   * The same for a word not typed as a name (no capital after the
   * question's first word) that the build's lexicon does not relate to any
   * corpus word (neither WordNet nor the word-vector
   * neighbours): a typo more often than a word of another subject
   * ("lesons" → "lesson"; docs/quality.md, session 25).
   */
  minCorrectLengthUnrelated: 5,
  /**
   * At most this many such terms are looked up per question (the first in
   * question order): each costs up to about 0.2 ms at 100k passages, and a
   * 500-character question of made-up words would otherwise cost milliseconds.
   */
  maxCorrections: 3,
} as const;

/**
 * How each passage's nearest passages are found at build time (see
 * neighbours.ts; measured in docs/quality.md). Part of the fingerprint.
 */
export const NEIGHBOUR_OPTIONS: NeighbourOptions = { k: 5, maxDfShare: 0.1, maxDfCount: 1000, maxTerms: 30 };

/**
 * A fingerprint of everything that changes how text becomes index terms.
 * Stored in the built index and checked at load: an index built with other
 * options would silently mismatch queries, so it fails fast instead.
 */
export const OPTIONS_FINGERPRINT: string = fnv1a(
  JSON.stringify({
    fields: MINISEARCH_OPTIONS.fields,
    stop: [...STOP_WORDS].sort(),
    stemmer: 'porter:stemmer@2',
    irregular: [IRREGULAR_VERBS.size, 'english-verbs-irregular@3', 'irregular-plurals@4', 'american-british-english-translator@0.2'],
    probe: words('Café Naïve Łódź Straße “Models” running, 2025 — U.S. knew bought bus news famous v4.2.0 3.2. 401(k) buyLabel --all e-mail monthly 5km 11pm').map(term),
    // Rules the probe does not run (running "as long as" through the scanner at load costs a one-off recompilation later).
    rules: ['as long as: long is as'],
    maxPassage: MAX_PASSAGE_CHARS,
    boilerplate: DEFAULT_BOILERPLATE,
    counters: COUNTER_LINE.source,
    neighbours: NEIGHBOUR_OPTIONS,
  }),
);

/** 32-bit FNV-1a hash as 8 hex digits (deterministic, dependency-free). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
