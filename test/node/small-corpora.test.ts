import { describe, expect, it } from 'vitest';
import { measureSmallCorpora } from '../../scripts/eval.js';
import type { Question } from '../../scripts/lib/questions.js';
import { parseTextFile } from '../../src/engine/index.js';

const files: Record<string, string> = {
  'corpus/cats.txt': 'Cats sleep for most of the day. A cat purrs when it is content.',
  'corpus/rockets.txt': 'Rockets burn liquid oxygen and kerosene. The first stage separates after two minutes.',
  'corpus/tea.txt': 'Green tea is steamed or pan-fired. Black tea is fully oxidised before drying.',
};
const documents = Object.entries(files).flatMap(([path, text]) => parseTextFile(path, text).documents);
const q = (id: string, question: string, source: string): Question => ({ id, question, relevant: { [source]: 1 } });
const questions = [
  q('c1', 'How long do cats sleep?', 'corpus/cats.txt'),
  q('r1', 'What do rockets burn?', 'corpus/rockets.txt'),
  q('r2', 'When does the first stage separate?', 'corpus/rockets.txt'),
  q('t1', 'How is black tea oxidised?', 'corpus/tea.txt'),
];

describe('abstention on small corpora', () => {
  it("asks each title's corpus its own questions, and every other title's as off-topic", () => {
    const s = measureSmallCorpora(documents, questions, 5, 1);
    expect(s).toMatchObject({ corpora: 3, medianPassages: 1, answerable: 4, offTopic: 3 * 4 - 4 });
    expect(s.answerableAbstained).toBe(0);
    expect(s.hit1).toBe(1);
    expect(s.offTopicAbstained).toBe(1);
  });

  it('keeps only the first records of each title', () => {
    const twoPerTitle = documents.flatMap((d) => [d, { ...d, id: `${d.id}#2` }]);
    const own = questions.map((x) => ({ ...x, relevant: { [`${Object.keys(x.relevant)[0]}#2`]: 1 } }));
    expect(measureSmallCorpora(twoPerTitle, own, 1, 1).answerable).toBe(0);
    expect(measureSmallCorpora(twoPerTitle, own, 2, 1).answerable).toBe(4);
  });

  it('samples the off-topic questions with the stride, a different slice per corpus', () => {
    expect(measureSmallCorpora(documents, questions, 5, 2).offTopic).toBe(4);
  });
});
