/**
 * Shared by the corpus tests: temporary corpus folders, and the conservation
 * check every corpus a test reads goes through.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { buildIndex, loadEngine, passageSentences, toPassages, type Engine, type ParsedDocument } from '../../src/engine/index.js';
import { readCorpus, type CorpusRead } from '../../scripts/lib/corpus-fs.js';
import { REPO_ROOT } from './datasets.js';

/** The engine of a structured test set's documents (`test/fixtures/<set>/corpus`), read and indexed as `npm run build` does. */
export async function fixtureEngine(set: string): Promise<Engine> {
  const corpus = await readCorpus(path.join(REPO_ROOT, 'test/fixtures', set, 'corpus'));
  return loadEngine(buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, synonyms: corpus.synonyms }));
}

/** Files of a test corpus: path inside the folder → text or bytes. */
export type Files = Record<string, string | Uint8Array>;

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` into a new temporary folder `<tmp>/corpus` and returns the folder above it (the cwd). */
export function tempCorpus(files: Files): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'citeqa-corpus-'));
  made.push(cwd);
  mkdirSync(path.join(cwd, 'corpus'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(cwd, 'corpus', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return cwd;
}

/** How many documents and sentences the conservation check has covered (reported by corpus-conservation.test.ts). */
export const conserved = { corpora: 0, documents: 0, sentences: 0 };

/**
 * Every sentence of every accepted document is in exactly one passage, in
 * order, and each passage's line range covers its sentences' lines.
 */
export function expectConserved(documents: readonly ParsedDocument[]): void {
  documents.forEach((doc, i) => {
    const sentences = doc.sections.flatMap((s) => s.sentences);
    const passages = toPassages(doc, i);
    expect(passages.flatMap((p) => passageSentences(p)), doc.id).toEqual(sentences.map((s) => s.text));
    let next = 0;
    for (const p of passages) {
      for (let j = 0; j < p.sentences.length; j++, next++) {
        const s = sentences[next]!;
        expect(p.lines[0] <= s.lines[0] && s.lines[1] <= p.lines[1], `${doc.id}: lines of passage ${p.ordinal}`).toBe(true);
      }
    }
    expect(sentences.length, `${doc.id} has no sentences but was accepted`).toBeGreaterThan(0);
    conserved.documents++;
    conserved.sentences += sentences.length;
  });
  conserved.corpora++;
}

/** Reads a corpus like `npm run build` does and checks conservation over what it accepted. */
export async function readChecked(target: string, opts: Parameters<typeof readCorpus>[1] = {}): Promise<CorpusRead> {
  const read = await readCorpus(target, opts);
  expectConserved(read.documents);
  return read;
}

/**
 * Never silently: each file either gave a document or is named by a warning
 * (itself, or a hidden folder or folder link it sits in).
 */
export function expectAccounted(read: CorpusRead, names: readonly string[]): void {
  const sources = new Set(read.documents.map((d) => d.source));
  for (const name of names) {
    if (name === 'manifest.json') continue;
    const source = `corpus/${name}`;
    const parts = source.split('/');
    const named = parts.some((_, i) => {
      const prefix = parts.slice(0, i + 1).join('/');
      return i > 0 && read.warnings.some((w) => w.startsWith(`${prefix}:`));
    });
    expect(sources.has(source) || named, `${source} was neither indexed nor named by a warning:\n${read.warnings.join('\n')}`).toBe(true);
  }
}

/** Reads `files` as a corpus folder in a temporary directory. */
export async function readFiles(files: Files, opts: { maxFileBytes?: number } = {}): Promise<CorpusRead> {
  const cwd = tempCorpus(files);
  const read = await readChecked('corpus', { cwd, ...opts });
  expectAccounted(read, Object.keys(files));
  return read;
}

/**
 * A plain-text email thread: a reply (its header, a question, a signature)
 * above the message it quotes (its header and the date of the move).
 */
export const EMAIL_THREAD = [
  'From: Lena Ortiz',
  'To: Facilities team',
  'Subject: Re: Office move next week',
  '',
  'Thanks, Raj. One more question: can we leave our monitors on the desks?',
  '',
  'Lena',
  '',
  '> From: Raj Mehta',
  '> Subject: Office move next week',
  '>',
  '> We move to the fourth floor on Friday 18 June. Label every crate with your name.',
].join('\n');
