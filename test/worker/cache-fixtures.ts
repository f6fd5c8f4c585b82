/**
 * The bundled corpus as an engine, built in the test from the corpus files
 * (not from src/generated/, whose format is the build's business), for tests
 * that call `createApp` with their own vars or bindings.
 */
import article from '../../corpus/meta-avocado-scale-ai.txt?raw';
import manifestJson from '../../corpus/manifest.json?raw';
import { buildIndex, loadEngine, parseCorpusFile, type Engine, type Manifest } from '../../src/engine/index.js';

export function seedEngine(): Engine {
  const manifest = JSON.parse(manifestJson) as Manifest;
  const parsed = parseCorpusFile('corpus/meta-avocado-scale-ai.txt', article, manifest, 'meta-avocado-scale-ai.txt');
  return loadEngine(buildIndex(parsed.documents, { corpusHash: 'fixture00000000', builtAt: '2026-01-01T00:00:00.000Z' }));
}
