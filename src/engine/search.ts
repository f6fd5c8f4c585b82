import type { Engine } from './build.js';
import { SEARCH_OPTIONS } from './options.js';
import { passageSentences } from './passages.js';
import { queryTerms, term, tokenize } from './text.js';

/**
 * Below this share of the question's weight (sum of the IDF of its terms)
 * matched by the best passage, citeqa answers "no answer" rather than return
 * passages that only share a common word with the question.
 */
export const MIN_COVERAGE = 0.5;

/** One ranked passage. */
export interface Hit {
  /** Index into `engine.passages`. */
  passageId: number;
  score: number;
  /** Share (0..1) of the question's IDF weight that the passage matches. */
  coverage: number;
}

/** The ranking for a question, before it is shaped into answers. */
export interface Ranking {
  /** The question's index terms after folding, stop words and stemming. */
  terms: string[];
  /** IDF of each term in this index (a term found nowhere weighs like one found once). */
  idf: Map<string, number>;
  abstained: boolean;
  hits: Hit[];
}

const IDENTITY = (t: string): string => t;
const SPLIT_SPACE = (s: string): string[] => s.split(' ');

function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Ranks passages for a natural-language question: folds and stems it into
 * terms, retrieves candidates with MiniSearch (BM25, OR), and re-scores them
 * by BM25 weighted with the share of the question's rarer words they cover.
 * `abstained` is true when even the best passage covers less than
 * {@link MIN_COVERAGE} of the question; `hits` is then empty.
 *
 * @param limit how many hits to return at most
 */
export function rank(engine: Engine, question: string, limit: number): Ranking {
  const terms = queryTerms(question);
  const idf = new Map<string, number>();
  if (terms.length === 0) return { terms, idf, abstained: true, hits: [] };

  const raw = engine.mini.search(terms.join(' '), {
    ...SEARCH_OPTIONS,
    tokenize: SPLIT_SPACE,
    processTerm: IDENTITY,
  });
  const n = engine.passages.length;
  const df = new Map<string, number>();
  for (const r of raw) for (const t of r.queryTerms) df.set(t, (df.get(t) ?? 0) + 1);
  let total = 0;
  for (const t of terms) {
    // A word found nowhere in the corpus is often a paraphrase ("pay" for
    // "acquired"): weigh it like the rarest word the corpus has, not higher,
    // so one unknown word cannot veto an otherwise well-matched question.
    const w = idfOf(n, Math.max(1, df.get(t) ?? 0));
    idf.set(t, w);
    total += w;
  }

  const hits: Hit[] = raw.map((r) => {
    let covered = 0;
    for (const t of r.queryTerms) covered += idf.get(t) ?? 0;
    const coverage = covered / total;
    // MiniSearch multiplies BM25 by the number of matched terms; undo it and
    // weigh by how much of the question's information the passage covers.
    const score = (r.score / r.queryTerms.length) * coverage;
    return { passageId: r.id as number, score, coverage };
  });
  hits.sort((a, b) => b.score - a.score || a.passageId - b.passageId);
  if (hits.length === 0 || hits[0]!.coverage < MIN_COVERAGE) return { terms, idf, abstained: true, hits: [] };
  return { terms, idf, abstained: false, hits: hits.slice(0, limit) };
}

/** Where an answer comes from, precisely enough for a reader to check it. */
export interface Citation {
  /** Repo-relative path of the source file, e.g. `corpus/article.txt`. */
  source: string;
  title: string;
  /** 1-based position of the passage in its document. */
  passage: number;
  /** 1-based, inclusive first and last line in the source file. */
  lines: [number, number];
  url?: string;
}

/** One answer: a quoted passage, its best sentence, and its citation. */
export interface Answer {
  text: string;
  answer: string;
  score: number;
  /** `[start, end)` UTF-16 offsets in `text` of words that match the question. */
  highlights: Array<[number, number]>;
  citation: Citation;
}

/** The response to a question; `answers` is empty when the corpus has no good answer. */
export interface AskResult {
  question: string;
  answers: Answer[];
}

/**
 * Answers a question with up to `k` cited passages from the engine's corpus.
 * This is the one function behind `GET /ask`, `npm run ask` and `npm run eval`.
 */
export function ask(engine: Engine, question: string, k: number): AskResult {
  const ranking = rank(engine, question, k);
  return { question, answers: ranking.hits.map((h) => shapeAnswer(engine, h, ranking)) };
}

function shapeAnswer(engine: Engine, hit: Hit, ranking: Ranking): Answer {
  const p = engine.passages[hit.passageId]!;
  const doc = engine.docs[p.doc]!;
  const wanted = new Set(ranking.terms);
  const highlights: Array<[number, number]> = [];
  // Weighted coverage of the question's terms by each sentence.
  const sentenceTerms: Array<Set<string>> = p.sentences.map(() => new Set());
  let s = 0;
  for (const tok of tokenize(p.text)) {
    const t = term(tok.word);
    if (t === null || !wanted.has(t)) continue;
    highlights.push([tok.start, tok.end]);
    while (s + 1 < p.sentences.length && p.sentences[s + 1]! <= tok.start) s++;
    sentenceTerms[s]!.add(t);
  }
  let best = 0;
  let bestWeight = -1;
  sentenceTerms.forEach((set, i) => {
    let w = 0;
    for (const t of set) w += ranking.idf.get(t) ?? 0;
    if (w > bestWeight) {
      best = i;
      bestWeight = w;
    }
  });
  const citation: Citation = { source: doc.source, title: doc.title, passage: p.ordinal, lines: [p.lines[0], p.lines[1]] };
  if (doc.url !== undefined) citation.url = doc.url;
  return {
    text: p.text,
    answer: passageSentences(p)[best]!,
    score: Math.round(hit.score * 1000) / 1000,
    highlights,
    citation,
  };
}
