/**
 * Writes the built index as the generated module the Worker imports
 * (src/generated/index-data.txt, a Text module: see docs/performance.md for
 * why not JavaScript), and reports what it wrote. Used by `npm run build`
 * (scripts/build.ts) and by the bench.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex, parseIndex, serializeIndex, unescapeWide, type BuiltIndex } from '../../src/engine/index.js';
import { CEILING, ceilingWarnings } from './ceiling.js';
import { readCorpus, skippedSummary } from './corpus-fs.js';
import { lexiconForBuild } from './lexicon.js';

/** Where `npm run build` writes the index, and its file name there. */
export const OUT_DIR = 'src/generated';
export const INDEX_FILE = 'index-data.txt';

/** What one build produced, for the summary line and the bench. */
export interface BuildReport {
  summary: string;
  meta: BuiltIndex['meta'];
  /** Path of the written module. */
  modulePath: string;
  /** Bytes of the generated module, raw and gzip. */
  moduleBytes: number;
  gzipBytes: number;
  /** UTF-8 bytes of passage text. */
  textBytes: number;
  /** Milliseconds: reading and parsing the corpus, indexing, serialising, total. */
  ms: { read: number; index: number; serialize: number; total: number };
}

/**
 * Builds the index module from `corpusDir` into `outDir` (default
 * src/generated) and reports what it wrote. Warns (console.warn) when the
 * corpus is past the measured ceiling or a Workers size limit
 * (scripts/lib/ceiling.ts).
 */
export async function writeIndexModule(
  corpusDir: string,
  outDir = OUT_DIR,
  opts: { ceiling?: typeof CEILING } = {},
): Promise<BuildReport> {
  const t0 = performance.now();
  const corpus = await readCorpus(corpusDir);
  for (const w of corpus.warnings) console.warn(`warning: ${w}`);
  const t1 = performance.now();
  const built = buildIndex(corpus.documents, { corpusHash: corpus.corpusHash, examples: corpus.examples, synonyms: corpus.synonyms, ...lexiconForBuild() });
  const t2 = performance.now();
  const text = serializeIndex(built);
  const t3 = performance.now();
  await mkdir(outDir, { recursive: true });
  const modulePath = path.join(outDir, INDEX_FILE);
  await writeFile(modulePath, text);
  // The JavaScript module of schema version 1, if an older build left it.
  await rm(path.join(outDir, 'index-data.js'), { force: true });
  await rm(path.join(outDir, 'index-data.d.ts'), { force: true });
  const bytes = Buffer.from(text);
  const gzipBytes = gzipSync(bytes).length;
  const textBytes = Buffer.byteLength(unescapeWide(built.passages.text));
  for (const w of ceilingWarnings({ passages: built.meta.passages, textBytes, indexGzipBytes: gzipBytes }, opts.ceiling)) {
    console.warn(`warning: ${w}`);
  }
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const total = performance.now() - t0;
  const summary =
    `citeqa index: ${built.meta.documents} documents, ${built.meta.passages} passages from ${corpus.files} files ` +
    `(${skippedSummary(corpus)}, ${corpus.warnings.length} warnings, ${corpus.droppedLines} boilerplate lines dropped` +
    `${corpus.commentLines > 0 ? `, ${corpus.commentLines} HTML comment line${corpus.commentLines === 1 ? '' : 's'} dropped` : ''}` +
    `${corpus.hiddenElements > 0 ? `, ${corpus.hiddenElements} hidden or navigation HTML element${corpus.hiddenElements === 1 ? '' : 's'} not indexed` : ''}` +
    `${corpus.linkLists > 0 ? `, ${corpus.linkLists} list${corpus.linkLists === 1 ? '' : 's'} or line${corpus.linkLists === 1 ? '' : 's'} of links only not indexed` : ''}` +
    `${built.meta.synonyms.length > 0 ? `, ${built.meta.synonyms.length} synonym groups` : ''}); ` +
    `index ${kb(bytes.length)} (${kb(gzipBytes)} gzip); corpus ${built.meta.corpusHash}; ${Math.round(total)} ms`;
  return {
    summary,
    meta: built.meta,
    modulePath,
    moduleBytes: bytes.length,
    gzipBytes,
    textBytes,
    ms: { read: t1 - t0, index: t2 - t1, serialize: t3 - t2, total },
  };
}

/** Builds the index module from `corpusDir` into src/generated; returns the summary it prints. */
export async function buildIndexModule(corpusDir: string): Promise<string> {
  return (await writeIndexModule(corpusDir)).summary;
}

/**
 * Reads a generated index in Node (`npm run ask`, the bench): the same
 * `parseIndex` the Worker runs on its Text module.
 */
export function readIndexModule(file = path.join(OUT_DIR, INDEX_FILE)): BuiltIndex {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`citeqa index: ${file} not found; run \`npm run build\` first`);
  }
  return parseIndex(text);
}
