import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LUCENE_STOP, ReferenceBM25, referenceTokens, type ReferenceDoc } from '../../scripts/lib/bm25-reference.js';
import {
  aggregate,
  averagePrecision,
  collapseToRecordIds,
  hitAt,
  ndcgAt10,
  precisionAt10,
  recallAt100,
  reciprocalRankAt10,
  scoreQuestion,
  type Judgments,
  type QuestionScores,
} from '../../scripts/lib/metrics.js';
import { parseQuestions } from '../../scripts/lib/questions.js';
import { DATASETS_DIR, HAS_CRANFIELD } from './datasets.js';

const log2 = Math.log2;
/** `x1, x2, …, xn`: ids that no judgment names. */
const junk = (n: number, prefix = 'x'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

// Graded judgments used by several cases: three relevant ids.
// Ideal top 10 = [3, 2, 1], IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4)
//                                 = 3 + 1.2618595 + 0.5 = 4.7618595
const ABC: Judgments = { a: 3, b: 2, c: 1 };
const IDCG_ABC = 3 / log2(2) + 2 / log2(3) + 1 / log2(4);

interface Case {
  name: string;
  ranking: string[];
  relevant: Judgments;
  expected: QuestionScores;
}

const cases: Case[] = [
  {
    // a, b, c at ranks 1..3: DCG = IDCG; AP = (1/1 + 2/2 + 3/3) / 3 = 1;
    // P@10 = 3/10; R@100 = 3/3; first relevant at rank 1.
    name: 'perfect ranking',
    ranking: ['a', 'b', 'c', 'x1'],
    relevant: ABC,
    expected: { ndcg10: 1, ap: 1, p10: 0.3, r100: 1, rr10: 1, hit1: 1, hit5: 1, hit10: 1 },
  },
  {
    // ranks: x1, c(1), x2, a(3); b never ranked.
    // DCG = 1/log2(3) + 3/log2(5) = 0.6309298 + 1.2920297 = 1.9229594
    // nDCG = 1.9229594 / 4.7618595 = 0.4038253
    // AP = (1/2 + 2/4) / 3 = 1/3 (b, not found, adds 0 but counts in the denominator)
    // P@10 = 2/10; R@100 = 2/3; RR = 1/2; first relevant at rank 2.
    name: 'partial ranking with a relevant id missing',
    ranking: ['x1', 'c', 'x2', 'a'],
    relevant: ABC,
    expected: {
      ndcg10: (1 / log2(3) + 3 / log2(5)) / IDCG_ABC,
      ap: 1 / 3,
      p10: 0.2,
      r100: 2 / 3,
      rr10: 0.5,
      hit1: 0,
      hit5: 1,
      hit10: 1,
    },
  },
  {
    // a at rank 11: outside every @10 cut-off, inside @100.
    // AP = (1/11) / 3 = 0.0303030; R@100 = 1/3.
    name: 'first relevant id at rank 11',
    ranking: [...junk(10), 'a'],
    relevant: ABC,
    expected: { ndcg10: 0, ap: 1 / 11 / 3, p10: 0, r100: 1 / 3, rr10: 0, hit1: 0, hit5: 0, hit10: 0 },
  },
  {
    // a at rank 10: the last rank every @10 cut-off counts.
    // DCG = 3/log2(11); nDCG = 3/log2(11)/IDCG; AP = (1/10)/3; P@10 = 1/10; RR = 1/10.
    name: 'first relevant id at rank 10',
    ranking: [...junk(9), 'a'],
    relevant: ABC,
    expected: {
      ndcg10: 3 / log2(11) / IDCG_ABC,
      ap: 1 / 10 / 3,
      p10: 0.1,
      r100: 1 / 3,
      rr10: 0.1,
      hit1: 0,
      hit5: 0,
      hit10: 1,
    },
  },
  {
    // Hit@5 boundary: g at rank 5 counts, DCG = 1/log2(6).
    name: 'single gold at rank 5',
    ranking: [...junk(4), 'g'],
    relevant: { g: 1 },
    expected: { ndcg10: 1 / log2(6), ap: 1 / 5, p10: 0.1, r100: 1, rr10: 1 / 5, hit1: 0, hit5: 1, hit10: 1 },
  },
  {
    // ... and at rank 6 it no longer does.
    name: 'single gold at rank 6',
    ranking: [...junk(5), 'g'],
    relevant: { g: 1 },
    expected: { ndcg10: 1 / log2(7), ap: 1 / 6, p10: 0.1, r100: 1, rr10: 1 / 6, hit1: 0, hit5: 0, hit10: 1 },
  },
  {
    // R@100 boundary: a at rank 100 counts, b at rank 101 does not: R@100 = 1/2.
    // AP = (1/100 + 2/101) / 2 = 0.0149010.
    name: 'relevant ids at ranks 100 and 101',
    ranking: [...junk(99), 'a', 'b'],
    relevant: { a: 1, b: 1 },
    expected: { ndcg10: 0, ap: (1 / 100 + 2 / 101) / 2, p10: 0, r100: 0.5, rr10: 0, hit1: 0, hit5: 0, hit10: 0 },
  },
  {
    // Gain is the grade: [a(1), b(4)] against the ideal [4, 1].
    // DCG = 1 + 4/log2(3) = 3.5237190; IDCG = 4 + 1/log2(3) = 4.6309298; nDCG = 0.7609096.
    name: 'graded gains in the wrong order',
    ranking: ['a', 'b'],
    relevant: { a: 1, b: 4 },
    expected: {
      ndcg10: (1 + 4 / log2(3)) / (4 + 1 / log2(3)),
      ap: 1,
      p10: 0.2,
      r100: 1,
      rr10: 1,
      hit1: 1,
      hit5: 1,
      hit10: 1,
    },
  },
  {
    // 12 relevant ids, all ranked first: the ideal is cut at 10 too, so nDCG = 1;
    // P@10 = 10/10; AP = 12 × 1 / 12 = 1.
    name: 'more than 10 relevant ids',
    ranking: junk(12, 'r'),
    relevant: Object.fromEntries(junk(12, 'r').map((id) => [id, 1])),
    expected: { ndcg10: 1, ap: 1, p10: 1, r100: 1, rr10: 1, hit1: 1, hit5: 1, hit10: 1 },
  },
  {
    // Grade 0 = judged not relevant: no gain, not in the relevant set (size 1).
    // DCG = 1/log2(3) = 0.6309298, IDCG = 1; AP = (1/2)/1; P@10 = 1/10; RR = 1/2.
    name: 'grade 0 counts as not relevant',
    ranking: ['z', 'a'],
    relevant: { a: 1, z: 0 },
    expected: { ndcg10: 1 / log2(3), ap: 0.5, p10: 0.1, r100: 1, rr10: 0.5, hit1: 0, hit5: 1, hit10: 1 },
  },
  {
    // An abstained question has an empty ranking: 0 everywhere.
    name: 'empty ranking (abstained)',
    ranking: [],
    relevant: ABC,
    expected: { ndcg10: 0, ap: 0, p10: 0, r100: 0, rr10: 0, hit1: 0, hit5: 0, hit10: 0 },
  },
  {
    // Ids that are Object.prototype keys must not be taken for judged ids.
    name: 'ids named like Object.prototype members',
    ranking: ['constructor', '__proto__', 'toString', 'a'],
    relevant: { a: 2 },
    expected: { ndcg10: 2 / log2(5) / 2, ap: 1 / 4, p10: 0.1, r100: 1, rr10: 1 / 4, hit1: 0, hit5: 1, hit10: 1 },
  },
  {
    // The script would divide by zero here; we define AP = R@100 = nDCG = 0.
    name: 'no relevant id at all',
    ranking: ['a', 'b'],
    relevant: {},
    expected: { ndcg10: 0, ap: 0, p10: 0, r100: 0, rr10: 0, hit1: 0, hit5: 0, hit10: 0 },
  },
];

describe('per-question metrics (hand-computed)', () => {
  it.each(cases)('$name', ({ ranking, relevant, expected }) => {
    const got = scoreQuestion(ranking, relevant);
    for (const k of Object.keys(expected) as (keyof QuestionScores)[]) {
      expect(got[k], k).toBeCloseTo(expected[k], 12);
    }
    // The single-metric functions agree with scoreQuestion.
    expect(ndcgAt10(ranking, relevant)).toBe(got.ndcg10);
    expect(averagePrecision(ranking, relevant)).toBe(got.ap);
    expect(precisionAt10(ranking, relevant)).toBe(got.p10);
    expect(recallAt100(ranking, relevant)).toBe(got.r100);
    expect(reciprocalRankAt10(ranking, relevant)).toBe(got.rr10);
    expect(hitAt(1, ranking, relevant)).toBe(got.hit1);
    expect(hitAt(5, ranking, relevant)).toBe(got.hit5);
    expect(hitAt(10, ranking, relevant)).toBe(got.hit10);
  });

  it('hand-computed constants match the comments', () => {
    expect(IDCG_ABC).toBeCloseTo(4.7618595, 7);
    expect(cases[1]!.expected.ndcg10).toBeCloseTo(0.4038253, 7);
    expect(cases[6]!.expected.ap).toBeCloseTo(0.014901, 6);
    expect(cases[7]!.expected.ndcg10).toBeCloseTo(0.7609096, 7);
  });

  it('rejects a ranking that holds an id twice', () => {
    expect(() => scoreQuestion(['a', 'b', 'a'], { a: 1 })).toThrow(/"a" more than once/);
  });
});

describe('aggregate', () => {
  it('averages over every question, abstained ones included as 0', () => {
    const q1 = scoreQuestion(['a', 'b', 'c'], ABC); // all 1 except P@10 = 0.3
    const q2 = scoreQuestion(['x1', 'g'], { g: 1 }); // nDCG 1/log2(3), AP 1/2, P@10 0.1, RR 1/2, Hit@1 0
    const s = aggregate([
      { scores: q1, abstained: false },
      { scores: q2, abstained: false },
      { scores: scoreQuestion([], ABC), abstained: true },
    ]);
    expect(s.questions).toBe(3);
    expect(s['ndcg@10']).toBeCloseTo((1 + 1 / log2(3) + 0) / 3, 12); // 0.5436433
    expect(s.map).toBeCloseTo((1 + 0.5) / 3, 12); // 0.5
    expect(s['mrr@10']).toBeCloseTo((1 + 0.5) / 3, 12);
    expect(s['p@10']).toBeCloseTo((0.3 + 0.1) / 3, 12); // 0.1333333
    expect(s['r@100']).toBeCloseTo(2 / 3, 12);
    expect(s['hit@1']).toBeCloseTo(1 / 3, 12);
    expect(s['hit@5']).toBeCloseTo(2 / 3, 12);
    expect(s['hit@10']).toBeCloseTo(2 / 3, 12);
    expect(s.abstained).toBeCloseTo(1 / 3, 12);
  });

  it('scores an abstained question 0 whatever scores it carries', () => {
    const s = aggregate([{ scores: scoreQuestion(['a'], { a: 1 }), abstained: true }]);
    expect(s).toEqual({
      questions: 1,
      'ndcg@10': 0,
      map: 0,
      'mrr@10': 0,
      'p@10': 0,
      'r@100': 0,
      'hit@1': 0,
      'hit@5': 0,
      'hit@10': 0,
      abstained: 1,
    });
  });

  it('has the --json keys in the documented order, and is all 0 with no question', () => {
    expect(Object.keys(aggregate([]))).toEqual([
      'questions',
      'ndcg@10',
      'map',
      'mrr@10',
      'p@10',
      'r@100',
      'hit@1',
      'hit@5',
      'hit@10',
      'abstained',
    ]);
    expect(Object.values(aggregate([])).every((v) => v === 0)).toBe(true);
  });
});

describe('collapseToRecordIds', () => {
  it.each([
    { ids: [], out: [] },
    { ids: ['a'], out: ['a'] },
    { ids: ['a', 'a', 'a'], out: ['a'] },
    { ids: ['a', 'b', 'a', 'c', 'b'], out: ['a', 'b', 'c'] },
    { ids: ['c', 'b', 'a'], out: ['c', 'b', 'a'] },
  ])('$ids -> $out', ({ ids, out }) => {
    expect(collapseToRecordIds(ids)).toEqual(out);
  });

  it('lets a record rank where its best passage ranks', () => {
    // Passages of records: d1, d2, d1, d3 -> the gold d3 is record rank 3, not passage rank 4.
    const ranking = collapseToRecordIds(['d1', 'd2', 'd1', 'd3']);
    expect(reciprocalRankAt10(ranking, { d3: 1 })).toBeCloseTo(1 / 3, 12);
  });
});

describe('reference BM25 tokens', () => {
  it('lowercases runs of Unicode letters and digits, splitting on _ and punctuation', () => {
    expect(referenceTokens("Mach-2 flow_over the ÉLAN wing's 3rd ½ Δp")).toEqual([
      'mach',
      '2',
      'flow',
      'over',
      'the',
      'élan',
      'wing',
      's',
      '3rd',
      '½',
      'δp',
    ]);
    expect(referenceTokens('the flow of air', LUCENE_STOP)).toEqual(['flow', 'air']);
  });
});

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

describe.skipIf(!HAS_CRANFIELD)('reproduces bm25_reference_eval.py on Cranfield', () => {
  const dir = path.join(DATASETS_DIR, 'cranfield');
  const corpusFile = path.join(dir, 'corpus.jsonl');
  const questionsFile = path.join(dir, 'questions.jsonl');

  // Figures printed by `python3 bm25_reference_eval.py --only cranfield`.
  it.each([
    { label: 'no-stop', stop: new Set<string>(), want: { ndcg: 0.3437, map: 0.2775, p10: 0.2244, r100: 0.6959, mrr: 0.4959 } },
    { label: 'lucene-stop', stop: LUCENE_STOP, want: { ndcg: 0.3477, map: 0.2827, p10: 0.2244, r100: 0.7036, mrr: 0.5115 } },
  ])('plain BM25, $label', ({ stop, want }) => {
    const docs = readJsonl<ReferenceDoc>(corpusFile);
    const questions = parseQuestions(readFileSync(questionsFile, 'utf8'), questionsFile);
    expect(docs).toHaveLength(1400);
    expect(questions).toHaveLength(225);
    const bm = new ReferenceBM25(docs, stop);
    const s = aggregate(questions.map((q) => ({ scores: scoreQuestion(bm.rank(q.question), q.relevant), abstained: false })));
    expect(s.questions).toBe(225);
    expect(s['ndcg@10'].toFixed(4)).toBe(want.ndcg.toFixed(4));
    expect(s.map.toFixed(4)).toBe(want.map.toFixed(4));
    expect(s['p@10'].toFixed(4)).toBe(want.p10.toFixed(4));
    expect(s['r@100'].toFixed(4)).toBe(want.r100.toFixed(4));
    expect(s['mrr@10'].toFixed(4)).toBe(want.mrr.toFixed(4));
    expect(s.abstained).toBe(0);
  });
});
