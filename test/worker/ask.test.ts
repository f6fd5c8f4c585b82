import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import seedQuestions from '../fixtures/seed-questions.jsonl?raw';
import { SCHEMA_VERSION } from '../../src/engine/options.js';

interface Answer {
  text: string;
  answer: string;
  answerRange: [number, number];
  score: number;
  highlights: Array<[number, number]>;
  citation: { source: string; title: string; passage: number; lines: [number, number]; url?: string };
}
interface AskBody {
  question: string;
  answers: Answer[];
}

const SEED = seedQuestions
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; question: string; answers: string[]; sentenceNote?: string });

async function askFor(q: string, k?: number): Promise<AskBody> {
  const url = new URL('https://citeqa.test/ask');
  url.searchParams.set('q', q);
  if (k !== undefined) url.searchParams.set('k', String(k));
  const res = await SELF.fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as AskBody;
}

describe('GET /ask on the seed article', () => {
  it('has at least 20 seed questions', () => {
    expect(SEED.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SEED.map((s) => [s.question, s.answers[0]!] as const))('answers %j with a top passage containing %j', async (question, phrase) => {
    const body = await askFor(question);
    expect(body.answers.length).toBeGreaterThan(0);
    expect(body.answers[0]!.text).toContain(phrase);
  });

  // Seed questions whose answer is not in the sentence that matches the
  // question say why in `sentenceNote`; every other one gets it in bold.
  it.each(SEED.filter((s) => s.sentenceNote === undefined).map((s) => [s.question, s.answers[0]!] as const))(
    'answers %j with the sentence holding %j',
    async (question, phrase) => {
      expect((await askFor(question)).answers[0]!.answer).toContain(phrase);
    },
  );

  it('puts passages about Alexandr Wang first, citing the corpus file and its lines', async () => {
    const body = await askFor('Who is Alexandr Wang');
    const top = body.answers[0]!;
    expect(top.text).toContain('Alexandr Wang');
    expect(top.answer).toContain('Alexandr Wang');
    expect(top.citation).toEqual({
      source: 'corpus/meta-avocado-scale-ai.txt',
      title: "Meta's Avocado models and the Scale AI deal",
      passage: 1,
      lines: [2, 7],
    });
  });

  it('answers a question that misspells a name, citing the passage that spells it right', async () => {
    const top = (await askFor('Who is Alexander Wang?', 1)).answers[0]!;
    expect(top.citation.passage).toBe(1);
    expect(top.highlights.map(([s, e]) => top.text.slice(s, e))).toContain('Alexandr');
  });

  it('answers a question that misspells its question word, echoing it as asked', async () => {
    const body = await askFor('Waht is Avocado?', 1);
    expect(body.question).toBe('Waht is Avocado?');
    expect(body.answers[0]?.answer).toEqual((await askFor('What is Avocado?', 1)).answers[0]?.answer);
    expect(body.answers[0]?.text).toContain('Avocado');
  });

  it('picks the sentence that answers, not the first sentence of the passage', async () => {
    const top = (await askFor('When was Avocado originally planned to be released?')).answers[0]!;
    expect(top.text.startsWith(top.answer)).toBe(false);
    expect(top.answer).toContain('March 2026');
    expect(top.text).toContain(top.answer);
  });

  it('gives where the answer sentence stands in the passage', async () => {
    for (const a of (await askFor('Meta models', 5)).answers) expect(a.text.slice(...a.answerRange)).toBe(a.answer);
  });

  it('highlights the matched words by their offsets in the passage', async () => {
    const top = (await askFor('Did Wang drop out of MIT?')).answers[0]!;
    const marked = top.highlights.map(([s, e]) => top.text.slice(s, e).toLowerCase());
    expect(marked).toContain('mit');
    expect(marked).toContain('wang');
    expect(marked).toContain('dropping');
    for (const [s, e] of top.highlights) expect(e).toBeGreaterThan(s);
  });

  it('returns at most k answers, best first', async () => {
    expect((await askFor('Meta models', 1)).answers).toHaveLength(1);
    const five = (await askFor('Meta models', 5)).answers;
    expect(five.length).toBeGreaterThan(1);
    expect(five.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < five.length; i++) expect(five[i]!.score).toBeLessThanOrEqual(five[i - 1]!.score);
  });

  it('returns 3 answers when k is not given', async () => {
    expect((await askFor('Meta models')).answers).toHaveLength(3);
  });

  it.each([
    'What is the capital of France?',
    'How do I bake sourdough bread?',
    'What is it?',
    'Who won the 1998 football world cup?',
  ])('says there is no answer to %j rather than return noise', async (q) => {
    const body = await askFor(q);
    expect(body).toEqual({ question: q, answers: [] });
  });

  it('echoes the trimmed question', async () => {
    expect((await askFor('   Who is Alexandr Wang?  ')).question).toBe('Who is Alexandr Wang?');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await SELF.fetch('https://citeqa.test/ask?q=Wang', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('GET /health', () => {
  it('reports documents, passages and the index version', async () => {
    const res = await SELF.fetch('https://citeqa.test/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { index: Record<string, unknown> };
    expect(body).toMatchObject({ status: 'ok', documents: 1 });
    expect(body.passages).toBeGreaterThan(1);
    expect(body.index.version).toBe(SCHEMA_VERSION);
    expect(body.index.corpusHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(body.index.builtAt as string)).not.toBeNaN();
  });
});

describe('documentation routes', () => {
  it('serves an OpenAPI document describing /ask and /health', async () => {
    const res = await SELF.fetch('https://citeqa.test/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, { get: { parameters?: Array<{ name: string }> } }> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(['/ask', '/health']);
    expect(doc.paths['/ask']!.get.parameters!.map((p) => p.name).sort()).toEqual(['k', 'q']);
  });

  it('serves a home page that says how to ask', async () => {
    const res = await SELF.fetch('https://citeqa.test/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('/ask?q=');
  });
});
