import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ask, buildIndex, loadEngine } from '../../src/engine/index.js';
import { CEILING, ceilingWarnings, crossing, MAX_EXTRAPOLATION } from '../../scripts/lib/ceiling.js';
import { readCorpus } from '../../scripts/lib/corpus-fs.js';
import { readIndexModule, writeIndexModule } from '../../scripts/lib/index-module.js';
import { lexiconForBuild } from '../../scripts/lib/lexicon.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'citeqa-index-module-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const questions = readFileSync('test/fixtures/seed-questions.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question)
  .concat(['capital of France', '']);

describe('the generated index module', () => {
  it('loads back to the same answers as the index built in memory', async () => {
    const report = await writeIndexModule('corpus', tmp);
    expect(report.modulePath).toBe(path.join(tmp, 'index-data.txt'));
    const corpus = await readCorpus('corpus');
    const inMemory = loadEngine(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, ...lexiconForBuild() }));
    const fromModule = loadEngine(readIndexModule(report.modulePath));
    expect(fromModule.meta.passages).toBe(inMemory.meta.passages);
    for (const q of questions) {
      for (const k of [1, 3, 10]) expect(ask(fromModule, q, k)).toEqual(ask(inMemory, q, k));
    }
  });

  it('is one-byte text that a Worker imports as a Text module', async () => {
    const report = await writeIndexModule('corpus', tmp);
    const text = readFileSync(report.modulePath, 'utf8');
    expect(text.startsWith('citeqa-index ')).toBe(true);
    expect(/[\u0100-\uffff]/.test(text)).toBe(false);
  });

  it('names the missing file when there is no build', () => {
    expect(() => readIndexModule(path.join(tmp, 'nothing.txt'))).toThrow(/nothing\.txt not found; run `npm run build`/);
  });
});

describe('the builder’s ceiling warning', () => {
  it('warns when a corpus is past the ceiling', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await writeIndexModule('corpus', tmp, { ceiling: { passages: 2, textMB: 100 } });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^warning: the corpus is past citeqa's measured ceiling \(5 passages/));
      warn.mockClear();
      await writeIndexModule('corpus', tmp);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('warns past the ceiling in text, and past each plan’s Worker size limit', () => {
    const small = { passages: 10, textBytes: 1000, indexGzipBytes: 1000 };
    expect(ceilingWarnings(small)).toEqual([]);
    expect(ceilingWarnings({ ...small, textBytes: (CEILING.textMB + 1) * 1e6 })[0]).toMatch(/past citeqa's measured ceiling/);
    expect(ceilingWarnings({ ...small, passages: CEILING.passages + 1 })[0]).toMatch(/past citeqa's measured ceiling/);
    expect(ceilingWarnings({ ...small, indexGzipBytes: 4 * 1024 * 1024 })).toEqual([expect.stringMatching(/over the free plan's 3 MB size limit/)]);
    expect(ceilingWarnings({ ...small, indexGzipBytes: 11 * 1024 * 1024 })).toEqual([expect.stringMatching(/over Workers' 10 MB size limit/)]);
  });
});

describe('the bench’s ceiling estimate', () => {
  // y = passages / 100 (linear): it reaches 10 at 1,000 passages.
  const linear: Array<[number, number]> = [
    [100, 1],
    [400, 4],
    [1600, 16],
  ];
  it.each([
    ['interpolates between the two corpora around the limit', linear, 10, { n: 1000, extrapolated: false, beyond: false }],
    ['extrapolates from the last two corpora when all are below the limit', linear, 64, { n: 6400, extrapolated: true, beyond: false }],
    ['stops at its reach past the largest corpus when the figure barely grows', [[2000, 1.36], [6000, 1.41]] as Array<[number, number]>, 10, { n: 6000 * MAX_EXTRAPOLATION, extrapolated: true, beyond: true }],
    ['has no estimate for a figure that does not grow', [[2000, 2], [6000, 1.5]] as Array<[number, number]>, 10, undefined],
    ['has no estimate from one corpus', [[2000, 2]] as Array<[number, number]>, 10, undefined],
  ])('%s', (_, points, limit, expected) => {
    expect(crossing(points, limit)).toEqual(expected);
  });
});
