import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMisses, formatTable, main, parseEvalArgs, UsageError } from '../../scripts/eval.js';
import { aggregate } from '../../scripts/lib/metrics.js';
import { createProgress } from '../../scripts/lib/progress.js';
import { DATASETS_DIR, HAS_CRANFIELD } from './datasets.js';

describe('parseEvalArgs', () => {
  it('reads every option', () => {
    expect(parseEvalArgs(['--corpus', 'c.jsonl', '--questions', 'q.jsonl', '--json', '--limit', '5', '--baseline'])).toEqual({
      corpus: 'c.jsonl',
      questions: 'q.jsonl',
      json: true,
      limit: 5,
      baseline: true,
      judge: 'records',
      abstain: true,
      smallCorpora: undefined,
      misses: false,
      help: false,
    });
    expect(parseEvalArgs(['--corpus', 'c', '--questions', 'q', '--misses'])).toMatchObject({ misses: true });
    expect(parseEvalArgs(['--corpus', 'c.jsonl', '--questions', 'q.jsonl', '--small-corpora', '5'])).toMatchObject({ smallCorpora: 5 });
    expect(parseEvalArgs(['--questions=q.jsonl', '--corpus=corpus'])).toMatchObject({ corpus: 'corpus', json: false, limit: undefined });
    expect(parseEvalArgs(['--questions=q.jsonl', '--corpus=corpus', '--judge', 'phrases', '--no-abstain'])).toMatchObject({
      judge: 'phrases',
      abstain: false,
    });
    expect(() => parseEvalArgs(['--questions=q.jsonl', '--corpus=corpus', '--judge', 'words'])).toThrow('--judge must be records or phrases');
    expect(parseEvalArgs(['-h']).help).toBe(true);
  });

  it.each([
    { argv: [], error: 'missing --corpus' },
    { argv: ['--corpus', 'c'], error: 'missing --questions' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--limit', '0'], error: '--limit must be a whole number ≥ 1, got "0"' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--limit', '2.5'], error: '--limit must be a whole number' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--limit', 'ten'], error: '--limit must be a whole number' },
    { argv: ['--corpus', 'corpus', '--questions', 'q', '--baseline'], error: '--baseline needs a .jsonl corpus' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--top', '3'], error: "Unknown option '--top'" },
    { argv: ['--corpus', 'c', '--questions', 'q', 'extra'], error: 'extra' },
    { argv: ['--corpus'], error: '--corpus' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--small-corpora', '0'], error: '--small-corpora must be a whole number ≥ 1, got "0"' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--small-corpora', '3', '--no-abstain'], error: '--small-corpora measures citeqa as served' },
    { argv: ['--corpus', 'c', '--questions', 'q', '--small-corpora', '3', '--misses'], error: '--small-corpora measures citeqa as served' },
  ])('rejects $argv', ({ argv, error }) => {
    expect(() => parseEvalArgs(argv)).toThrow(UsageError);
    expect(() => parseEvalArgs(argv)).toThrow(error);
  });
});

describe('formatMisses', () => {
  it('cuts a long answer sentence at a word, with an ellipsis, and says when nothing was missed', () => {
    const answer = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const row = formatMisses([{ id: 'q1', question: 'Why?', first: 'doc', answer, relevantRank: 3 }], 5).split('\n').at(-1)!;
    const sentence = row.split(' | ')[3]!;
    expect(sentence.length).toBeLessThanOrEqual(120);
    expect(sentence).toMatch(/^word0 word1 .* word\d+…$/);
    expect(formatMisses([], 5)).toBe('0 of 5 questions without a relevant first answer');
  });
});

describe('formatTable', () => {
  it('prints every metric to 4 decimals and the abstained share in percent', () => {
    const s = { ...aggregate([]), questions: 3, 'ndcg@10': 0.5436433, map: 0.5, abstained: 1 / 3 };
    expect(formatTable(s)).toBe(
      [
        '| questions | nDCG@10 |    MAP | MRR@10 |   P@10 |  R@100 |  Hit@1 |  Hit@5 | Hit@10 | abstained |',
        '| --------: | ------: | -----: | -----: | -----: | -----: | -----: | -----: | -----: | --------: |',
        '|         3 |  0.5436 | 0.5000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 | 0.0000 |    33.3 % |',
      ].join('\n'),
    );
  });
});

describe('progress', () => {
  it('stays quiet for short runs and logs every 10 % otherwise when not on a terminal', () => {
    let t = 0;
    const lines: string[] = [];
    const p = createProgress(20, { stream: { write: (s: string) => lines.push(s) }, label: 'x', now: () => t });
    p.tick(); // t = 0, inside the delay
    expect(lines).toEqual([]);
    for (let i = 0; i < 19; i++) {
      t += 1000;
      p.tick();
    }
    p.done();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^x: 10% 2\/20 1\.0 s eta 9\.0 s\n$/);
    expect(lines[9]).toMatch(/^x: 100% 20\/20 19\.0 s\n$/);
  });

  it('redraws one line in place on a terminal and erases it at the end', () => {
    let t = 0;
    let out = '';
    const p = createProgress(4, { stream: { write: (s: string) => (out += s), isTTY: true, columns: 80 }, label: 'x', delayMs: 0, now: () => t });
    for (let i = 0; i < 4; i++) {
      t += 200;
      p.tick();
    }
    p.done();
    expect(out.split('\r\x1b[2K').filter((s) => s !== '')).toHaveLength(4);
    expect(out).toContain('] 100% 4/4 0.8 s');
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
    expect(out).not.toContain('\n');
  });
});

function capture(): { io: Parameters<typeof main>[1] & object; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s) => out.push(s), err: (s) => err.push(s), stderr: { write: () => true } }, out, err };
}

describe('main', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citeqa-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(
    corpus,
    [
      { id: 'lift', title: 'Lift', text: 'Lift is the force that holds an aircraft in the air. Wings produce lift.' },
      { id: 'drag', title: 'Drag', text: 'Drag is the force that resists the motion of an aircraft through the air.' },
      { id: 'heat', title: 'Heat transfer', text: 'Heat transfer at hypersonic speeds warms the skin of a vehicle.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const questions = path.join(dir, 'questions.jsonl');
  writeFileSync(
    questions,
    [
      { id: '1', question: 'What force resists the motion of an aircraft?', relevant: { drag: 1 } },
      { id: '2', question: 'How does heat transfer warm a hypersonic vehicle?', relevant: { heat: 2 } },
      { id: '3', question: 'zebra quagga okapi', relevant: { lift: 1 } },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );

  it('prints exactly one JSON object with --json, through the real engine', async () => {
    const c = capture();
    expect(await main(['--corpus', corpus, '--questions', questions, '--json'], c.io)).toBe(0);
    expect(c.out).toHaveLength(1);
    const s = JSON.parse(c.out[0]!) as Record<string, number>;
    expect(Object.keys(s)).toEqual(['questions', 'ndcg@10', 'map', 'mrr@10', 'p@10', 'r@100', 'hit@1', 'hit@5', 'hit@10', 'abstained']);
    expect(s.questions).toBe(3);
    // Questions 1 and 2 find their record first; question 3 matches nothing and abstains.
    expect(s['hit@1']).toBeCloseTo(2 / 3, 12);
    expect(s.abstained).toBeCloseTo(1 / 3, 12);
  });

  it('reports with --judge phrases the share of first answers whose quote holds an answer phrase', async () => {
    const q = path.join(dir, 'phrases.jsonl');
    writeFileSync(
      q,
      [
        // The passage holds the phrase and so does its answer sentence.
        { id: 'a', question: 'What force resists the motion of an aircraft?', relevant: { drag: 1 }, answers: ['resists the motion'] },
        // The passage holds the phrase, the answer sentence ("Lift is the force …") does not.
        { id: 'b', question: 'What holds an aircraft in the air?', relevant: { lift: 1 }, answers: ['Wings produce lift'] },
        { id: 'c', question: 'zebra quagga okapi', relevant: { lift: 1 }, answers: ['Lift'] },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const c = capture();
    expect(await main(['--corpus', corpus, '--questions', q, '--judge', 'phrases', '--json'], c.io)).toBe(0);
    const s = JSON.parse(c.out[0]!) as Record<string, number>;
    expect(s['hit@1']).toBeCloseTo(2 / 3, 12);
    expect(s['answer@1']).toBeCloseTo(1 / 3, 12);
    const t = capture();
    expect(await main(['--corpus', corpus, '--questions', q, '--judge', 'phrases'], t.io)).toBe(0);
    expect(t.out[0]).toContain('| abstained | answer@1 |');
    expect(t.out[0]).toContain('|   0.3333 |');
  });

  it('asks only the first N questions with --limit and prints the table', async () => {
    const c = capture();
    expect(await main(['--corpus', corpus, '--questions', questions, '--limit', '2'], c.io)).toBe(0);
    expect(c.out[0]).toContain('|         2 |  1.0000 | 1.0000 | 1.0000 |');
  });

  describe('--misses', () => {
    const q = path.join(dir, 'misses.jsonl');
    writeFileSync(
      q,
      [
        { id: 'hit', question: 'What force resists the motion of an aircraft?', relevant: { drag: 1 } },
        { id: 'second', question: 'What force holds an aircraft in the air?', relevant: { drag: 1 } },
        { id: 'none', question: 'zebra quagga okapi', relevant: { lift: 1 } },
        { id: 'pipe|id', question: 'Which force | holds an aircraft in the air?', relevant: { heat: 1 } },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );

    it('lists each question without a relevant first answer, what came first, its sentence and where the relevant one ranked', async () => {
      const c = capture();
      expect(await main(['--corpus', corpus, '--questions', q, '--misses'], c.io)).toBe(0);
      const text = c.out.join('\n');
      expect(text).toContain('3 of 4 questions without a relevant first answer:');
      expect(text).toContain('| second | What force holds an aircraft in the air? | lift | Lift is the force that holds an aircraft in the air. | 2 |');
      expect(text).toContain('| none | zebra quagga okapi | no answer |  | not ranked |');
      // Table cells escape the pipe, so a question cannot break the table.
      expect(text).toContain('| pipe\\|id | Which force \\| holds an aircraft in the air? | lift | Lift is the force');
      expect(text).not.toContain('| hit |');
    });

    it('adds the misses to the JSON object, and leaves the object as it was without the flag', async () => {
      const c = capture();
      expect(await main(['--corpus', corpus, '--questions', q, '--misses', '--json'], c.io)).toBe(0);
      const s = JSON.parse(c.out[0]!) as { misses: unknown[] };
      expect(s.misses).toEqual([
        { id: 'second', question: 'What force holds an aircraft in the air?', first: 'lift', answer: 'Lift is the force that holds an aircraft in the air.', relevantRank: 2 },
        { id: 'none', question: 'zebra quagga okapi', first: null, relevantRank: null },
        { id: 'pipe|id', question: 'Which force | holds an aircraft in the air?', first: 'lift', answer: 'Lift is the force that holds an aircraft in the air.', relevantRank: null },
      ]);
      const d = capture();
      expect(await main(['--corpus', corpus, '--questions', q, '--json'], d.io)).toBe(0);
      expect(JSON.parse(d.out[0]!)).not.toHaveProperty('misses');
    });
  });

  it('warns about judged ids that are not in the corpus', async () => {
    const q = path.join(dir, 'typo.jsonl');
    writeFileSync(q, JSON.stringify({ id: '1', question: 'what is drag', relevant: { dragg: 1 } }));
    const c = capture();
    expect(await main(['--corpus', corpus, '--questions', q], c.io)).toBe(0);
    expect(c.err.join('\n')).toContain('1 judged id(s) name no indexed corpus record, e.g. "dragg"');
  });

  it('exits 2 with the usage on a command-line mistake, 1 on a bad file', async () => {
    const c = capture();
    expect(await main(['--corpus', corpus], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^citeqa eval: missing --questions <questions.jsonl>\nusage: npm run eval/);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"1","question":"q","relevant":{"drag":1}}\n{"id":"2"}\n');
    const d = capture();
    expect(await main(['--corpus', corpus, '--questions', bad], d.io)).toBe(1);
    expect(d.err).toEqual([`citeqa eval: ${bad}:2: question "2": "question" must be a non-empty string, found nothing (the key is missing)`]);
  });

  it.skipIf(!HAS_CRANFIELD)('--baseline reproduces the reference figures on Cranfield', async () => {
    const c = capture();
    const set = path.join(DATASETS_DIR, 'cranfield');
    const args = ['--corpus', path.join(set, 'corpus.jsonl'), '--questions', path.join(set, 'questions.jsonl'), '--baseline', '--json'];
    expect(await main(args, c.io)).toBe(0);
    const s = JSON.parse(c.out[0]!) as Record<string, number>;
    const fixed = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Number(v.toFixed(4))]));
    expect(fixed).toMatchObject({ questions: 225, 'ndcg@10': 0.3437, map: 0.2775, 'p@10': 0.2244, 'r@100': 0.6959, 'mrr@10': 0.4959, abstained: 0 });
  });
});
