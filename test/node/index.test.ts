import { describe, expect, it } from 'vitest';
import { ask, buildIndex, loadEngine, SCHEMA_VERSION, type BuiltIndex } from '../../src/engine/index.js';
import { readCorpus } from '../../scripts/lib/corpus-fs.js';

const corpus = await readCorpus('corpus');
const built = buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, builtAt: '2026-01-01T00:00:00.000Z' });
const QUESTIONS = ['Who is Alexandr Wang?', 'When was Avocado planned?', 'Why closed models?', 'capital of France'];

describe('built index', () => {
  it('answers the same after a JSON round trip', () => {
    const direct = loadEngine(built);
    const revived = loadEngine(JSON.parse(JSON.stringify(built)) as BuiltIndex);
    for (const q of QUESTIONS) expect(ask(revived, q, 10)).toEqual(ask(direct, q, 10));
  });

  it('records schema version, corpus hash, counts and build time', () => {
    expect(built.meta).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      corpusHash: corpus.corpusHash,
      builtAt: '2026-01-01T00:00:00.000Z',
      documents: 1,
      passages: built.index.documentCount,
    });
    expect(corpus.corpusHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps passage text out of the search index', () => {
    expect(built.passages.text).toContain('Avocado');
    expect(JSON.stringify(built.index)).not.toContain('Avocado');
  });

  it.each([
    ['another schema version', (b: BuiltIndex) => (b.meta.schemaVersion = SCHEMA_VERSION + 1), /schema version/],
    ['other text options', (b: BuiltIndex) => (b.meta.optionsFingerprint = 'deadbeef'), /text options deadbeef/],
    ['a passage count other than its metadata', (b: BuiltIndex) => (b.meta.passages += 1), /count does not match/],
    ['a truncated passage store', (b: BuiltIndex) => (b.passages.records = b.passages.records.slice(0, -2)), /passage store/],
    ['passage neighbours for other passages', (b: BuiltIndex) => (b.neighbours.ids.data = b.neighbours.ids.data.slice(b.neighbours.ids.width)), /passage neighbours/],
  ])('refuses to load an index built with %s', (_, mutate, message) => {
    const copy = JSON.parse(JSON.stringify(built)) as BuiltIndex;
    mutate(copy);
    expect(() => loadEngine(copy)).toThrow(message);
    expect(() => loadEngine(copy)).toThrow(/^citeqa index: .*npm run build/);
  });

  it('refuses to build an empty corpus', () => {
    expect(() => buildIndex([], { corpusHash: 'x' })).toThrow('citeqa build: the corpus has no documents');
  });
});
