/**
 * `npm run eval -- --corpus <dir or .jsonl> --questions <questions.jsonl> [--json] [--limit N] [--baseline]`
 *
 * Builds an index from the corpus with the production pipeline (the same
 * corpus reader, passage splitting, index options and `rank()` that
 * `GET /ask` uses), asks every question, collapses the ranked passages to
 * their record ids (first occurrence) and prints the retrieval metrics of
 * scripts/lib/metrics.ts: a table, or with `--json` one object.
 *
 * Judgments name corpus ids: the record `id` for `.jsonl` records, the file's
 * path relative to the current folder (`corpus/article.txt`) for text files.
 *
 * `--judge phrases` judges passages instead of records: a passage is relevant
 * when it contains one of the question's `answers` strings (how the seed
 * questions in test/fixtures/ are scored: "the passage holding the answer").
 * It also reports `answer@1`: the share of questions whose first answer's
 * quote (the answer sentence `/ask` returns, with what it runs on over)
 * holds one of them, so the answer sentence is measured, not only the passage.
 *
 * `--no-abstain` ranks every question even where `/ask` would answer "no
 * answer" (the same `rank()` with `abstain: false`), to measure
 * the ranking apart from the abstention.
 *
 * `--baseline` ranks whole records with the plain BM25 of
 * `bm25_reference_eval.py` instead of the engine (`.jsonl` corpora only), to
 * compare against.
 *
 * `--small-corpora N` measures abstention on small corpora instead: the first
 * N records of each title, each asked its own questions and a sample of the
 * other titles' (`measureSmallCorpora`).
 *
 * `--misses` also lists every question whose first answer is not relevant:
 * what came first ("no answer" when it abstained) and where the first relevant
 * id ranked, so a user can see which of their own questions fail, not only
 * how many.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { answersOf, buildIndex, loadEngine, parseIndex, rank, serializeIndex, type ParsedDocument, type Ranking } from '../src/engine/index.js';
import { ReferenceBM25, type ReferenceDoc } from './lib/bm25-reference.js';
import { readCorpus, type CorpusRead } from './lib/corpus-fs.js';
import { aggregate, collapseToRecordIds, scoreQuestion, type QuestionOutcome, type Summary } from './lib/metrics.js';
import { createProgress, type ProgressStream } from './lib/progress.js';
import { readQuestions, type Question } from './lib/questions.js';
import { lexiconForBuild } from './lib/lexicon.js';

export const USAGE = `usage: npm run eval -- --corpus <dir or .jsonl> --questions <questions.jsonl> [--json] [--limit N] [--judge records|phrases] [--no-abstain] [--baseline] [--small-corpora N] [--misses]

  --corpus <path>      corpus folder (.txt, .md, .jsonl files) or one .jsonl file
  --questions <path>   questions JSONL: {"id","question","relevant":{"<corpus id>":grade}} per line
  --json               print one JSON object instead of the table
  --limit N            ask only the first N questions
  --judge phrases      judge passages by the question's "answers" strings instead of record ids,
                       and report answer@1: the share of first answers whose quote holds one
  --no-abstain         rank every question, even those /ask would answer with no answer
  --baseline           rank with plain BM25 (bm25_reference_eval.py) instead of citeqa (.jsonl corpus only)
  --small-corpora N    abstention on small corpora: the first N records of each title, asked their own
                       questions (should answer) and other titles' (should not)
  --misses             also list each question whose first answer is not relevant, with what came first
  -h, --help           show this help`;

/** A command-line mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface EvalArgs {
  corpus: string;
  questions: string;
  json: boolean;
  /** Ask only the first `limit` questions (all when undefined). */
  limit: number | undefined;
  baseline: boolean;
  judge: 'records' | 'phrases';
  abstain: boolean;
  /** Measure abstention on small corpora of this many records per title instead (undefined: off). */
  smallCorpora: number | undefined;
  /** Also list the questions whose first answer is not relevant. */
  misses: boolean;
  help: boolean;
}

/** Parses the command line (without `node script`). @throws UsageError */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        corpus: { type: 'string' },
        questions: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        baseline: { type: 'boolean', default: false },
        judge: { type: 'string', default: 'records' },
        'no-abstain': { type: 'boolean', default: false },
        'small-corpora': { type: 'string' },
        misses: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const help = values.help === true;
  if (help) {
    return { corpus: '', questions: '', json: false, limit: undefined, baseline: false, judge: 'records', abstain: true, smallCorpora: undefined, misses: false, help };
  }
  if (values.judge !== 'records' && values.judge !== 'phrases') throw new UsageError(`--judge must be records or phrases, got ${JSON.stringify(values.judge)}`);
  if (values.judge === 'phrases' && values.baseline === true) throw new UsageError('--judge phrases works with the engine only, not --baseline');
  if (values.corpus === undefined || values.corpus === '') throw new UsageError('missing --corpus <dir or .jsonl>');
  if (values.questions === undefined || values.questions === '') throw new UsageError('missing --questions <questions.jsonl>');
  const limit = wholeNumber('--limit', values.limit);
  const smallCorpora = wholeNumber('--small-corpora', values['small-corpora']);
  if (smallCorpora !== undefined && (values.baseline === true || values.judge === 'phrases' || values['no-abstain'] === true || values.misses === true)) {
    throw new UsageError('--small-corpora measures citeqa as served: not with --baseline, --judge phrases, --no-abstain or --misses');
  }
  if (values.baseline === true && !/\.jsonl$/i.test(values.corpus)) {
    throw new UsageError('--baseline needs a .jsonl corpus file');
  }
  return {
    corpus: values.corpus,
    questions: values.questions,
    json: values.json === true,
    limit,
    baseline: values.baseline === true,
    judge: values.judge,
    abstain: values['no-abstain'] !== true,
    smallCorpora,
    misses: values.misses === true,
    help,
  };
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1, got ${JSON.stringify(value)}`);
  return n;
}

/** What the evaluation needs from a retrieval system. */
export interface Ranker {
  /** Every id a judgment can name. */
  recordIds: ReadonlySet<string>;
  /** One line about what was indexed. */
  description: string;
  /** Passages indexed (the engine; undefined for the baseline, which ranks whole records). */
  passages?: number;
  /**
   * Record ids, best first, each once; `[]` when abstaining. `firstAnswer`:
   * the sentence the first answer gives (the engine's answer sentence), for
   * `--misses`, made only when asked for.
   */
  rank(question: string): { abstained: boolean; ids: string[]; firstAnswer?: () => string | undefined };
  /** The judgments to score against, when the ranker judges by itself (`--judge phrases`). */
  judge?(question: Question): Record<string, number>;
}

/**
 * The glue to citeqa's engine, and the only place that knows its API: reads
 * the corpus like `npm run build` and ranks it with {@link engineRankerOf}.
 */
export async function engineRanker(
  corpusPath: string,
  warn: (line: string) => void,
  opts: { judge?: 'records' | 'phrases'; abstain?: boolean } = {},
): Promise<Ranker> {
  const corpus = await readCorpusWarning(corpusPath, warn);
  return engineRankerOf(corpus.documents, corpus.corpusHash, { ...opts, synonyms: corpus.synonyms });
}

/** Reads a corpus like `npm run build`, printing its first warnings (what was skipped or dropped). */
async function readCorpusWarning(corpusPath: string, warn: (line: string) => void): Promise<CorpusRead> {
  const corpus = await readCorpus(corpusPath);
  const shown = corpus.warnings.slice(0, 5);
  for (const w of shown) warn(`warning: ${w}`);
  if (corpus.warnings.length > shown.length) warn(`warning: … and ${corpus.warnings.length - shown.length} more`);
  return corpus;
}

/**
 * Builds and loads the index of `documents` like the Worker does (serialised
 * to the generated module's text and parsed back with `parseIndex`), and ranks
 * with the `rank()` behind `ask()`, asking for every passage so AP and R@100
 * see the whole ranking.
 */
export function engineRankerOf(
  documents: readonly ParsedDocument[],
  corpusHash: string,
  opts: { judge?: 'records' | 'phrases'; abstain?: boolean; synonyms?: readonly (readonly string[])[] } = {},
): Ranker {
  const built = buildIndex(documents, { corpusHash, synonyms: opts.synonyms, ...lexiconForBuild() });
  const engine = loadEngine(parseIndex(serializeIndex(built)));
  const all = engine.passages.length;
  const description = `citeqa engine: ${engine.docs.length} documents, ${all} passages`;
  // The first hit of a ranking with every passage is the first answer of ask(…, 1): neighbours re-order only the rest.
  const ranked = (question: string): { r: Ranking; firstAnswer: () => string | undefined } => {
    const r = rank(engine, question, all, { abstain: opts.abstain });
    return { r, firstAnswer: () => answersOf(engine, { ...r, hits: r.hits.slice(0, 1) })[0]?.answer };
  };
  if (opts.judge === 'phrases') {
    const key = (passageId: number): string => {
      const p = engine.passages[passageId]!;
      return `${engine.docs[p.doc]!.id}#${p.ordinal}`;
    };
    return {
      recordIds: new Set(engine.docs.map((d) => d.id)),
      description: `${description}, judged by answer phrases`,
      passages: all,
      rank(question) {
        const { r, firstAnswer } = ranked(question);
        return { abstained: r.abstained, ids: r.hits.map((h) => key(h.passageId)), firstAnswer };
      },
      judge(q) {
        const phrases = answerPhrases(q);
        const relevant: Record<string, number> = {};
        engine.passages.forEach((p, id) => {
          if (phrases.some((a) => p.text.includes(a))) relevant[key(id)] = 1;
        });
        return relevant;
      },
    };
  }
  const recordOf = (passageId: number): string => engine.docs[engine.passages[passageId]!.doc]!.id;
  return {
    recordIds: new Set(engine.docs.map((d) => d.id)),
    description,
    passages: all,
    rank(question) {
      const { r, firstAnswer } = ranked(question);
      return { abstained: r.abstained, ids: r.abstained ? [] : collapseToRecordIds(r.hits.map((h) => recordOf(h.passageId))), firstAnswer };
    },
  };
}

/** Plain BM25 over the raw `.jsonl` records, as `bm25_reference_eval.py` ranks them (no stop words). */
export async function baselineRanker(corpusFile: string): Promise<Ranker> {
  const docs: ReferenceDoc[] = [];
  (await readFile(corpusFile, 'utf8')).split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch (e) {
      throw new Error(`${corpusFile}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const rec = r as Partial<Record<'id' | 'title' | 'text', unknown>>;
    if ((typeof rec.id !== 'string' && typeof rec.id !== 'number') || typeof rec.text !== 'string') {
      throw new Error(`${corpusFile}:${i + 1}: expected an object with "id" and "text"`);
    }
    docs.push({ id: String(rec.id), title: typeof rec.title === 'string' ? rec.title : '', text: rec.text });
  });
  const bm = new ReferenceBM25(docs);
  return {
    recordIds: new Set(bm.ids),
    description: `plain BM25 baseline: ${docs.length} records`,
    rank: (question) => ({ abstained: false, ids: bm.rank(question) }),
  };
}

/** A question whose first answer is not relevant (`--misses`). */
export interface Miss {
  id: string;
  question: string;
  /** The id ranked first (`record#passage` with `--judge phrases`); null when the answer was "no answer". */
  first: string | null;
  /** The first answer's answer sentence (citeqa's engine only; absent for "no answer"). */
  answer?: string;
  /** 1-based rank of the first relevant id; null when none is ranked (or the answer was "no answer"). */
  relevantRank: number | null;
}

/** A question's `answers` strings (the phrases `--judge phrases` looks for), non-empty ones only. */
export function answerPhrases(q: Question): string[] {
  return Array.isArray(q.answers) ? q.answers.filter((a): a is string => typeof a === 'string' && a !== '') : [];
}

/**
 * Asks every question and averages the metrics. With `misses`, each question
 * whose first answer is not relevant is added to it, in question order. When
 * the ranker judges by answer phrases, the summary also has `answer@1`: the
 * share of questions whose first answer's quote holds one of its phrases ("no
 * answer" counts as a miss).
 */
export function evaluate(
  ranker: Ranker,
  questions: readonly Question[],
  onProgress: () => void = () => {},
  misses?: Miss[],
): Summary {
  const byPhrases = ranker.judge !== undefined;
  let quoted = 0;
  const outcomes: QuestionOutcome[] = questions.map((q) => {
    const r = ranker.rank(q.question);
    onProgress();
    const ids = r.abstained ? [] : r.ids;
    const judged = ranker.judge?.(q) ?? q.relevant;
    const scores = scoreQuestion(ids, judged);
    let answer: string | undefined;
    const answerOf = (): string | undefined => (answer ??= ids.length > 0 ? r.firstAnswer?.() : undefined);
    if (byPhrases) {
      const a = answerOf();
      if (a !== undefined && answerPhrases(q).some((phrase) => a.includes(phrase))) quoted++;
    }
    if (misses !== undefined && scores.hit1 === 0) {
      const at = ids.findIndex((id) => (judged[id] ?? 0) > 0);
      const miss: Miss = { id: q.id, question: q.question, first: ids[0] ?? null, relevantRank: at < 0 ? null : at + 1 };
      const a = answerOf();
      if (a !== undefined) miss.answer = a;
      misses.push(miss);
    }
    return { scores, abstained: r.abstained };
  });
  const summary = aggregate(outcomes);
  return byPhrases ? { ...summary, 'answer@1': questions.length === 0 ? 0 : quoted / questions.length } : summary;
}

/** What `measureSmallCorpora` reports. */
export interface SmallCorporaSummary {
  /** Number of small corpora (titles). */
  corpora: number;
  /** Median number of passages per small corpus. */
  medianPassages: number;
  /** Questions whose relevant record is in their small corpus. */
  answerable: number;
  /** Share of those that got "no answer". */
  answerableAbstained: number;
  /** Share of those whose first answer is a relevant record (abstaining counts as a miss). */
  hit1: number;
  /** Questions of other titles asked of a small corpus. */
  offTopic: number;
  /** Share of those that got "no answer". */
  offTopicAbstained: number;
}

/**
 * Cuts `documents` by title to the first `records` of each, and asks each small
 * corpus the questions judged relevant to one of its records, and every
 * `offTopicStride`-th question of the other titles (a different slice for each
 * corpus), through {@link engineRankerOf}. Most users index a handful of
 * documents, not thousands of passages, so this is where "no answer" is felt.
 */
export function measureSmallCorpora(
  documents: readonly ParsedDocument[],
  questions: readonly Question[],
  records: number,
  offTopicStride = 50,
): SmallCorporaSummary {
  const byTitle = new Map<string, ParsedDocument[]>();
  for (const d of documents) {
    const group = byTitle.get(d.title);
    if (group === undefined) byTitle.set(d.title, [d]);
    else group.push(d);
  }
  const titleOf = new Map(documents.map((d) => [d.id, d.title]));
  const relevantIds = questions.map((q) => Object.keys(q.relevant).filter((id) => (q.relevant[id] ?? 0) > 0));
  const passages: number[] = [];
  let answerable = 0;
  let answerableAbstained = 0;
  let hits = 0;
  let offTopic = 0;
  let offTopicAbstained = 0;
  let g = 0;
  for (const [title, group] of byTitle) {
    const docs = group.slice(0, records);
    const ids = new Set(docs.map((d) => d.id));
    const ranker = engineRankerOf(docs, `small:${title}`);
    passages.push(ranker.passages!);
    questions.forEach((q, i) => {
      const relevant = relevantIds[i]!;
      if (relevant.some((id) => ids.has(id))) {
        answerable++;
        const r = ranker.rank(q.question);
        if (r.abstained) answerableAbstained++;
        else if (relevant.includes(r.ids[0]!)) hits++;
      } else if ((i + g) % offTopicStride === 0 && relevant.length > 0 && relevant.every((id) => titleOf.get(id) !== title)) {
        offTopic++;
        if (ranker.rank(q.question).abstained) offTopicAbstained++;
      }
    });
    g++;
  }
  passages.sort((a, b) => a - b);
  return {
    corpora: byTitle.size,
    medianPassages: passages.length === 0 ? 0 : passages[(passages.length - 1) >> 1]!,
    answerable,
    answerableAbstained: answerable === 0 ? 0 : answerableAbstained / answerable,
    hit1: answerable === 0 ? 0 : hits / answerable,
    offTopic,
    offTopicAbstained: offTopic === 0 ? 0 : offTopicAbstained / offTopic,
  };
}

/** The summary as a Markdown table (pasteable into docs/). */
export function formatTable(s: Summary): string {
  const cols: Array<[string, string]> = [
    ['questions', String(s.questions)],
    ['nDCG@10', s['ndcg@10'].toFixed(4)],
    ['MAP', s.map.toFixed(4)],
    ['MRR@10', s['mrr@10'].toFixed(4)],
    ['P@10', s['p@10'].toFixed(4)],
    ['R@100', s['r@100'].toFixed(4)],
    ['Hit@1', s['hit@1'].toFixed(4)],
    ['Hit@5', s['hit@5'].toFixed(4)],
    ['Hit@10', s['hit@10'].toFixed(4)],
    ['abstained', `${(100 * s.abstained).toFixed(1)} %`],
  ];
  if (s['answer@1'] !== undefined) cols.push(['answer@1', s['answer@1'].toFixed(4)]);
  const w = cols.map(([h, v]) => Math.max(h.length, v.length));
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    row(cols.map(([h], i) => h.padStart(w[i]!))),
    row(w.map((n) => `${'-'.repeat(n - 1)}:`)),
    row(cols.map(([, v], i) => v.padStart(w[i]!))),
  ].join('\n');
}

/** The small-corpora summary as a Markdown table. */
export function formatSmallTable(s: SmallCorporaSummary): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  return [
    '| corpora | median passages | answerable | abstained | Hit@1 | off-topic | abstained |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.corpora} | ${s.medianPassages} | ${s.answerable} | ${pct(s.answerableAbstained)} | ${s.hit1.toFixed(4)} | ${s.offTopic} | ${pct(s.offTopicAbstained)} |`,
  ].join('\n');
}

/** `s` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The misses as a Markdown table, after a line saying how many of how many questions they are. */
export function formatMisses(misses: readonly Miss[], questions: number): string {
  const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const head = `${misses.length} of ${questions} questions without a relevant first answer`;
  if (misses.length === 0) return head;
  return [
    `${head}:`,
    '',
    '| id | question | first answer | its sentence | first relevant at |',
    '|---|---|---|---|---:|',
    ...misses.map(
      (m) =>
        `| ${cell(m.id)} | ${cell(m.question)} | ${m.first === null ? 'no answer' : cell(m.first)} | ${cell(shorten(m.answer ?? '', 120))} | ` +
        `${m.relevantRank === null ? 'not ranked' : m.relevantRank} |`,
    ),
  ].join('\n');
}

/** Judged ids that name no corpus record: a typo there would silently cost score. */
function unknownIds(questions: readonly Question[], known: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const q of questions) for (const id of Object.keys(q.relevant)) if (!known.has(id)) out.add(id);
  return [...out];
}

/** Runs the command; returns the exit code. */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void; stderr: ProgressStream } = {
    out: (s) => console.log(s),
    err: (s) => console.error(s),
    stderr: process.stderr,
  },
): Promise<number> {
  let args: EvalArgs;
  try {
    args = parseEvalArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`citeqa eval: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    let questions = await readQuestions(args.questions);
    if (args.limit !== undefined) questions = questions.slice(0, args.limit);
    if (args.smallCorpora !== undefined) {
      const corpus = await readCorpusWarning(args.corpus, io.err);
      const s = measureSmallCorpora(corpus.documents, questions, args.smallCorpora);
      io.out(args.json ? JSON.stringify(s) : formatSmallTable(s));
      return 0;
    }

    const t0 = performance.now();
    const ranker = args.baseline
      ? await baselineRanker(args.corpus)
      : await engineRanker(args.corpus, io.err, { judge: args.judge, abstain: args.abstain });
    const indexMs = performance.now() - t0;

    const unknown = ranker.judge ? [] : unknownIds(questions, ranker.recordIds);
    if (unknown.length > 0) {
      io.err(
        `warning: ${unknown.length} judged id(s) name no indexed corpus record, e.g. ${unknown.slice(0, 3).map((s) => JSON.stringify(s)).join(', ')}` +
          ' (ids are record ids for .jsonl records, paths like corpus/file.txt for text files)',
      );
    }

    const progress = createProgress(questions.length, { label: 'citeqa eval', stream: io.stderr });
    const t1 = performance.now();
    const misses: Miss[] | undefined = args.misses ? [] : undefined;
    const summary = evaluate(ranker, questions, () => progress.tick(), misses);
    progress.done();
    const askMs = performance.now() - t1;

    io.err(
      `citeqa eval: ${ranker.description}, indexed in ${(indexMs / 1000).toFixed(1)} s; ` +
        `${questions.length} questions in ${(askMs / 1000).toFixed(1)} s (${(askMs / Math.max(1, questions.length)).toFixed(2)} ms each)`,
    );
    if (args.json) io.out(JSON.stringify(misses === undefined ? summary : { ...summary, misses }));
    else io.out(misses === undefined ? formatTable(summary) : `${formatTable(summary)}\n\n${formatMisses(misses, summary.questions)}`);
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    io.err(msg.startsWith('citeqa ') ? msg : `citeqa eval: ${msg}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
