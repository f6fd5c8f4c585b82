/**
 * A new corpus build changes every /ask ETag: two corpora read from disk like
 * `npm run build`, indexed, and served by `createApp` in Node (where there is
 * no Workers cache: answers say `X-Cache: BYPASS`).
 */
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { buildIndex, loadEngine } from '../../src/engine/index.js';
import { readFiles } from './corpus-helpers.js';

const ARTICLE = `Alexandr Wang founded Scale AI in 2016 after dropping out of MIT.
Meta invested $14 billion in Scale AI in June 2025.

Avocado is the code name of Meta's next large language model.
It was planned for release in March 2026.
`;
const QUESTIONS = ['Who is Alexandr Wang?', 'When did Meta invest in Scale AI?', 'What is Avocado?', 'What is the capital of France?'];

async function appFor(files: Record<string, string>, builtAt = '2026-01-01T00:00:00.000Z') {
  const read = await readFiles(files);
  return { app: createApp(loadEngine(buildIndex(read.documents, { corpusHash: read.corpusHash, builtAt }))), hash: read.corpusHash };
}

async function etags(app: ReturnType<typeof createApp>): Promise<string[]> {
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const out: string[] = [];
  for (const q of QUESTIONS) {
    for (const k of [1, 3, 10]) {
      const res = await app.request(`/ask?q=${encodeURIComponent(q)}&k=${k}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBe('BYPASS');
      out.push(res.headers.get('etag')!);
    }
  }
  quiet.mockRestore();
  return out;
}

describe('ETags across corpus builds', () => {
  it('are stable for the same build and all change when the corpus changes', async () => {
    const v1 = await appFor({ 'article.txt': ARTICLE });
    const v1again = await appFor({ 'article.txt': ARTICLE });
    const v2 = await appFor({ 'article.txt': `${ARTICLE}\nAvocado was delayed.\n` });
    const renamed = await appFor({ 'story.txt': ARTICLE });
    expect(v1again.hash).toBe(v1.hash);
    expect(new Set([v1.hash, v2.hash, renamed.hash]).size).toBe(3);

    const [t1, t1again, t2, t3] = [await etags(v1.app), await etags(v1again.app), await etags(v2.app), await etags(renamed.app)];
    expect(t1again).toEqual(t1);
    expect(new Set(t1).size).toBe(t1.length);
    t1.forEach((tag, i) => {
      expect(t2[i]).not.toBe(tag);
      expect(t3[i]).not.toBe(tag);
    });
  });

  it('change when the same corpus is rebuilt (deploys rebuild, and may change the engine)', async () => {
    const a = await appFor({ 'article.txt': ARTICLE }, '2026-01-01T00:00:00.000Z');
    const b = await appFor({ 'article.txt': ARTICLE }, '2026-01-01T00:00:01.000Z');
    const [ta, tb] = [await etags(a.app), await etags(b.app)];
    ta.forEach((tag, i) => expect(tb[i]).not.toBe(tag));
  });
});
