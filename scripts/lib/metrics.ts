/**
 * Retrieval metrics for `npm run eval`.
 *
 * The definitions are exactly those of `../shared/datasets/bm25_reference_eval.py`
 * (its `evaluate` function), so figures computed here and there on the same
 * ranking agree:
 *
 * - **nDCG@10**: linear gain = grade (trec_eval's `ndcg_cut`), discount
 *   `log2(rank + 1)`; the ideal ranking is every judged grade > 0 sorted
 *   descending, cut at 10.
 * - **AP**: average precision over the *whole* ranking, binary relevance
 *   (grade ≥ 1), divided by the number of relevant ids (found or not).
 * - **P@10**: relevant ids in the top 10, divided by 10 (not by the ranking's length).
 * - **R@100**: relevant ids in the top 100, divided by the number of relevant ids.
 * - **RR@10**: 1 / rank of the first relevant id if it is in the top 10, else 0
 *   (its mean is MRR@10).
 * - **Hit@k**: 1 if a relevant id is in the top k, else 0.
 *
 * Rankings are arrays of ids, best first, each id at most once (collapse
 * passage rankings with {@link collapseToRecordIds} first). Judgments map an
 * id to its grade; an id that is not listed is not relevant.
 *
 * One deliberate difference: the Python script divides by zero on a question
 * with no relevant id; here AP and R@100 are then 0 (and so is nDCG@10, as in
 * the script). `scripts/lib/questions.ts` rejects such questions anyway.
 *
 * @module
 */

/** Grades by id: an integer ≥ 1 means relevant; a missing id is not relevant. */
export type Judgments = Readonly<Record<string, number>>;

/** The cut-offs for which {@link scoreQuestion} reports Hit@k. */
export const HIT_CUTOFFS = [1, 5, 10] as const;

/** Scores of one question's ranking. All are in [0, 1]. */
export interface QuestionScores {
  ndcg10: number;
  ap: number;
  p10: number;
  r100: number;
  rr10: number;
  hit1: number;
  hit5: number;
  hit10: number;
}

/** Average scores over a set of questions, keyed as `npm run eval -- --json` prints them. */
export interface Summary {
  /** Number of questions averaged over (abstained ones included). */
  questions: number;
  'ndcg@10': number;
  map: number;
  'mrr@10': number;
  'p@10': number;
  'r@100': number;
  'hit@1': number;
  'hit@5': number;
  'hit@10': number;
  /** Share (0..1) of the questions that abstained. */
  abstained: number;
  /** With `--judge phrases`: share (0..1) of the questions whose first answer's quote holds one of their answer phrases. */
  'answer@1'?: number;
}

function gradeOf(relevant: Judgments, id: string): number {
  // `Object.hasOwn`, not `relevant[id]`: an id such as "constructor" or
  // "__proto__" must not pick up something from Object.prototype.
  return Object.hasOwn(relevant, id) ? (relevant[id] as number) : 0;
}

/** The ids whose grade is ≥ 1. */
function relevantSet(relevant: Judgments): Set<string> {
  const out = new Set<string>();
  for (const [id, grade] of Object.entries(relevant)) if (grade >= 1) out.add(id);
  return out;
}

/**
 * Discounted cumulative gain of a list of gains, in order:
 * `Σ gain[r] / log2(r + 2)` over 0-based ranks r with gain > 0.
 */
function dcg(gains: readonly number[]): number {
  let sum = 0;
  gains.forEach((g, r) => {
    if (g > 0) sum += g / Math.log2(r + 2);
  });
  return sum;
}

/**
 * nDCG@10 with linear gain = grade: DCG of the top 10 divided by the DCG of
 * the ideal top 10 (all judged grades > 0, best first). 0 when no id is
 * judged relevant.
 */
export function ndcgAt10(ranking: readonly string[], relevant: Judgments): number {
  const gains = ranking.slice(0, 10).map((id) => gradeOf(relevant, id));
  const ideal = Object.values(relevant)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, 10);
  const idcg = dcg(ideal);
  return idcg > 0 ? dcg(gains) / idcg : 0;
}

/**
 * Average precision over the whole ranking, binary relevance (grade ≥ 1):
 * the sum of precision@r at each rank r holding a relevant id, divided by the
 * number of relevant ids (so relevant ids missing from the ranking count as
 * precision 0). 0 when no id is relevant.
 */
export function averagePrecision(ranking: readonly string[], relevant: Judgments): number {
  const rel = relevantSet(relevant);
  if (rel.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, i) => {
    if (rel.has(id)) {
      hits += 1;
      sum += hits / (i + 1);
    }
  });
  return sum / rel.size;
}

/** Relevant ids (grade ≥ 1) in the top 10, divided by 10. */
export function precisionAt10(ranking: readonly string[], relevant: Judgments): number {
  const rel = relevantSet(relevant);
  return ranking.slice(0, 10).filter((id) => rel.has(id)).length / 10;
}

/** Relevant ids (grade ≥ 1) in the top 100, divided by the number of relevant ids; 0 when there are none. */
export function recallAt100(ranking: readonly string[], relevant: Judgments): number {
  const rel = relevantSet(relevant);
  if (rel.size === 0) return 0;
  return ranking.slice(0, 100).filter((id) => rel.has(id)).length / rel.size;
}

/** 1-based rank of the first relevant id (grade ≥ 1), or `null` if none is ranked. */
export function firstRelevantRank(ranking: readonly string[], relevant: Judgments): number | null {
  const rel = relevantSet(relevant);
  const i = ranking.findIndex((id) => rel.has(id));
  return i < 0 ? null : i + 1;
}

/** Reciprocal rank cut at 10: 1 / rank of the first relevant id if it is in the top 10, else 0. */
export function reciprocalRankAt10(ranking: readonly string[], relevant: Judgments): number {
  const first = firstRelevantRank(ranking, relevant);
  return first !== null && first <= 10 ? 1 / first : 0;
}

/** Hit@k: 1 if a relevant id (grade ≥ 1) is in the top `k`, else 0. */
export function hitAt(k: number, ranking: readonly string[], relevant: Judgments): number {
  const first = firstRelevantRank(ranking, relevant);
  return first !== null && first <= k ? 1 : 0;
}

/**
 * Every metric for one question. An abstained question passes an empty
 * ranking and scores 0 on all of them.
 *
 * @throws RangeError if the ranking holds an id twice (it would be counted
 *   twice; collapse passage rankings with {@link collapseToRecordIds} first).
 */
export function scoreQuestion(ranking: readonly string[], relevant: Judgments): QuestionScores {
  if (new Set(ranking).size !== ranking.length) {
    const seen = new Set<string>();
    const dup = ranking.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
    throw new RangeError(`metrics: the ranking holds id ${JSON.stringify(dup)} more than once`);
  }
  return {
    ndcg10: ndcgAt10(ranking, relevant),
    ap: averagePrecision(ranking, relevant),
    p10: precisionAt10(ranking, relevant),
    r100: recallAt100(ranking, relevant),
    rr10: reciprocalRankAt10(ranking, relevant),
    hit1: hitAt(1, ranking, relevant),
    hit5: hitAt(5, ranking, relevant),
    hit10: hitAt(10, ranking, relevant),
  };
}

/** One question's outcome, as {@link aggregate} takes it. */
export interface QuestionOutcome {
  scores: QuestionScores;
  /** True when the engine gave no answer; its scores must then be all 0. */
  abstained: boolean;
}

/** Scores of an abstained question: 0 on every metric. */
export const ABSTAINED_SCORES: Readonly<QuestionScores> = Object.freeze(scoreQuestion([], {}));

/**
 * Means over all questions (abstained ones count in the denominator with 0 on
 * every metric) and the share of abstained questions. Sums run in question
 * order, as in the Python script. With no questions every figure is 0.
 */
export function aggregate(outcomes: readonly QuestionOutcome[]): Summary {
  const n = outcomes.length;
  const sum = { ndcg10: 0, ap: 0, p10: 0, r100: 0, rr10: 0, hit1: 0, hit5: 0, hit10: 0 };
  let abstained = 0;
  for (const { scores, abstained: a } of outcomes) {
    const s = a ? ABSTAINED_SCORES : scores;
    for (const k of Object.keys(sum) as (keyof QuestionScores)[]) sum[k] += s[k];
    if (a) abstained += 1;
  }
  const mean = (x: number): number => (n === 0 ? 0 : x / n);
  return {
    questions: n,
    'ndcg@10': mean(sum.ndcg10),
    map: mean(sum.ap),
    'mrr@10': mean(sum.rr10),
    'p@10': mean(sum.p10),
    'r@100': mean(sum.r100),
    'hit@1': mean(sum.hit1),
    'hit@5': mean(sum.hit5),
    'hit@10': mean(sum.hit10),
    abstained: mean(abstained),
  };
}

/**
 * Collapses a ranking of per-passage record ids to record ids, keeping each
 * id's first (best) occurrence: one corpus record can yield several passages,
 * and the judgments name records.
 *
 * @example collapseToRecordIds(['a', 'b', 'a', 'c', 'b']) // ['a', 'b', 'c']
 */
export function collapseToRecordIds(rankedIds: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of rankedIds) {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}
