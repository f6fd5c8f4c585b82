import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuestions, QuestionsFileError, readQuestions } from '../../scripts/lib/questions.js';
import { DATASETS_DIR, HAS_CRANFIELD } from './datasets.js';

const OK = '{"id":"1","question":"what is lift?","relevant":{"12":2,"13":1}}';

describe('parseQuestions', () => {
  it('reads valid lines, keeps extra keys, skips blank lines and tolerates BOM and CRLF', () => {
    const text = `\uFEFF${OK}\r\n\n{"id":"q2","question":"Who?","relevant":{"Doc#0":1},"answers":["x"]}\n`;
    expect(parseQuestions(text, 'q.jsonl')).toEqual([
      { id: '1', question: 'what is lift?', relevant: { '12': 2, '13': 1 } },
      { id: 'q2', question: 'Who?', relevant: { 'Doc#0': 1 }, answers: ['x'] },
    ]);
  });

  it('accepts grade 0 beside a relevant id', () => {
    expect(parseQuestions('{"id":"1","question":"q","relevant":{"a":1,"b":0}}', 'f')[0]!.relevant).toEqual({ a: 1, b: 0 });
  });

  it.each([
    { line: '{"id":"1","question":"q","relevant":{"a":1}', error: /^f\.jsonl:2: not valid JSON/ },
    { line: '[1,2]', error: /^f\.jsonl:2: expected a JSON object, found an array/ },
    { line: '{"question":"q","relevant":{"a":1}}', error: /^f\.jsonl:2: "id" must be a non-empty string, found nothing \(the key is missing\)$/ },
    { line: '{"id":7,"question":"q","relevant":{"a":1}}', error: /^f\.jsonl:2: "id" must be a non-empty string, found number 7/ },
    { line: '{"id":"1","question":"again","relevant":{"a":1}}', error: /^f\.jsonl:2: duplicate id "1" \(first on line 1\)/ },
    { line: '{"id":"2","question":"  ","relevant":{"a":1}}', error: /^f\.jsonl:2: question "2": "question" must be a non-empty string/ },
    { line: '{"id":"2","question":"q"}', error: /^f\.jsonl:2: question "2": "relevant" must be an object/ },
    { line: '{"id":"2","question":"q","relevant":["a"]}', error: /"relevant" must be an object mapping corpus ids to grades, found an array/ },
    { line: '{"id":"2","question":"q","relevant":{"a":"1"}}', error: /^f\.jsonl:2: question "2": grade of "a" must be an integer ≥ 0, found the string "1"/ },
    { line: '{"id":"2","question":"q","relevant":{"a":1.5}}', error: /grade of "a" must be an integer ≥ 0, found number 1.5/ },
    { line: '{"id":"2","question":"q","relevant":{"a":-1}}', error: /grade of "a" must be an integer ≥ 0/ },
    { line: '{"id":"2","question":"q","relevant":{}}', error: /^f\.jsonl:2: question "2": "relevant" must name at least one id with grade ≥ 1/ },
    { line: '{"id":"2","question":"q","relevant":{"a":0}}', error: /at least one id with grade ≥ 1/ },
  ])('rejects line 2 = $line', ({ line, error }) => {
    let thrown: unknown;
    try {
      parseQuestions(`${OK}\n${line}\n`, 'f.jsonl');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(QuestionsFileError);
    expect((thrown as QuestionsFileError).message).toMatch(error);
    expect((thrown as QuestionsFileError).line).toBe(2);
    expect((thrown as QuestionsFileError).file).toBe('f.jsonl');
  });

  it('rejects a file without questions', () => {
    expect(() => parseQuestions('\n \n', 'empty.jsonl')).toThrow('empty.jsonl: no questions (the file is empty)');
  });
});

describe('readQuestions', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'citeqa-questions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file', async () => {
    const f = path.join(dir, 'ok.jsonl');
    writeFileSync(f, `${OK}\n`);
    expect(await readQuestions(f)).toHaveLength(1);
  });

  it('names a missing file', async () => {
    const f = path.join(dir, 'missing.jsonl');
    await expect(readQuestions(f)).rejects.toThrow(`${f}: no such file`);
  });

  it('rejects bytes that are not UTF-8', async () => {
    const f = path.join(dir, 'latin1.jsonl');
    writeFileSync(f, Buffer.from([0x7b, 0xe9, 0x7d, 0x0a]));
    await expect(readQuestions(f)).rejects.toThrow(`${f}: not UTF-8 text`);
  });

  it.skipIf(!HAS_CRANFIELD)('accepts the public Cranfield questions', async () => {
    expect(await readQuestions(path.join(DATASETS_DIR, 'cranfield/questions.jsonl'))).toHaveLength(225);
  });
});
