/**
 * Reads evaluation questions: JSONL, one object per line, in the format of
 * `../shared/datasets/README.md`:
 *
 * ```json
 * {"id": "1", "question": "what similarity laws must be obeyed ...", "relevant": {"12": 2, "13": 1}}
 * ```
 *
 * - `id`: a non-empty string, unique in the file;
 * - `question`: a non-empty string;
 * - `relevant`: corpus id → integer grade. Grades ≥ 1 are relevant (higher is
 *   better, for nDCG); 0 is accepted as "judged not relevant" and scores like
 *   an unjudged id. At least one grade must be ≥ 1.
 * - Other keys (`answers`, `source_id`, …) are allowed and kept.
 *
 * Blank lines are skipped; a leading BOM and CRLF line ends are tolerated.
 * Anything else wrong throws an error naming the file and the line.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';

/** One evaluation question. */
export interface Question {
  id: string;
  question: string;
  /** Corpus id → grade (integer ≥ 0; ≥ 1 is relevant). */
  relevant: Record<string, number>;
  /** Any other keys of the line, unchanged. */
  [extra: string]: unknown;
}

/** A malformed questions file; `message` names the file and line. */
export class QuestionsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${detail}`);
    this.name = 'QuestionsFileError';
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the key is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/**
 * Parses and validates the text of a questions file.
 *
 * @param file the name to cite in errors
 * @throws QuestionsFileError on the first malformed line, or if there is no question at all
 */
export function parseQuestions(text: string, file: string): Question[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const out: Question[] = [];
  const firstLineOf = new Map<string, number>();
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const fail = (detail: string): never => {
      throw new QuestionsFileError(file, lineNo, detail);
    };
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      fail(`not valid JSON (${(e as Error).message})`);
    }
    if (!isPlainObject(v)) return fail(`expected a JSON object, found ${describe(v)}`);
    const { id, question, relevant } = v;
    if (typeof id !== 'string' || id === '') fail(`"id" must be a non-empty string, found ${describe(id)}`);
    const qid = id as string;
    if (firstLineOf.has(qid)) fail(`duplicate id ${JSON.stringify(qid)} (first on line ${firstLineOf.get(qid)})`);
    if (typeof question !== 'string' || question.trim() === '') {
      fail(`question ${JSON.stringify(qid)}: "question" must be a non-empty string, found ${describe(question)}`);
    }
    if (!isPlainObject(relevant)) {
      fail(`question ${JSON.stringify(qid)}: "relevant" must be an object mapping corpus ids to grades, found ${describe(relevant)}`);
    }
    const rel = relevant as Record<string, unknown>;
    let anyRelevant = false;
    for (const [docId, grade] of Object.entries(rel)) {
      if (typeof grade !== 'number' || !Number.isInteger(grade) || grade < 0) {
        fail(`question ${JSON.stringify(qid)}: grade of ${JSON.stringify(docId)} must be an integer ≥ 0, found ${describe(grade)}`);
      }
      if ((grade as number) >= 1) anyRelevant = true;
    }
    if (!anyRelevant) fail(`question ${JSON.stringify(qid)}: "relevant" must name at least one id with grade ≥ 1`);
    firstLineOf.set(qid, lineNo);
    out.push(v as Question);
  });
  if (out.length === 0) throw new QuestionsFileError(file, null, 'no questions (the file is empty)');
  return out;
}

/**
 * Reads and validates a questions JSONL file.
 *
 * @throws QuestionsFileError if it cannot be read, is not UTF-8 or has a malformed line
 */
export async function readQuestions(file: string): Promise<Question[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new QuestionsFileError(file, null, code === 'ENOENT' ? 'no such file' : `cannot read it (${(e as Error).message})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new QuestionsFileError(file, null, 'not UTF-8 text');
  }
  return parseQuestions(text, file);
}
