import { encodeFixed, fixedLength, readFixed, type FixedColumn } from './compact.js';

/**
 * Each passage's nearest passages by content, found at build time: the
 * passages that share its rarer words most (cosine of TF-IDF vectors). At
 * question time a passage's score is smoothed with its neighbours' scores
 * (the cluster hypothesis: passages on the same subject tend to be relevant
 * to the same questions), which brings up passages that answer in other
 * words than the question's (docs/quality.md).
 */
export interface NeighbourOptions {
  /** Neighbours kept per passage. */
  k: number;
  /** Words in more than this share of passages (and more than 2) are left out of the similarity. */
  maxDfShare: number;
  /** …and words in more than this many passages, whatever the share (bounds the build time on large corpora). */
  maxDfCount: number;
  /** Only each passage's this many heaviest words count (bounds the build time on large corpora). */
  maxTerms: number;
}

/**
 * The neighbours of every passage, as stored in the built index and read in
 * place (a question reads a few hundred of them; nothing is decoded at load).
 * Passage `p`'s are entries `p * k` to `p * k + k - 1`, most similar first.
 */
export interface NeighbourData {
  k: number;
  /** Neighbour id + 1 (0: none), `k` per passage. */
  ids: FixedColumn;
  /** Similarity × 1023, rounded. */
  weights: FixedColumn;
}

const QUANTUM = 1023;

/**
 * Finds each passage's `k` most similar passages. `terms[p]` are passage
 * `p`'s index terms (with repeats). Weights are (1 + ln tf) × ln(N / df),
 * vectors are length-normalised, and similarities come from an inverted
 * index, so the cost is the sum over kept words of df² (which the df cap
 * bounds). Ties go to the lower passage id.
 */
export function findNeighbours(terms: readonly (readonly string[])[], opts: NeighbourOptions): NeighbourData {
  const n = terms.length;
  const { k } = opts;
  const maxDf = Math.max(2, Math.min(opts.maxDfShare * n, opts.maxDfCount));
  const df = new Map<string, number>();
  const counts = terms.map((ts) => {
    const c = new Map<string, number>();
    for (const t of ts) c.set(t, (c.get(t) ?? 0) + 1);
    for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return c;
  });
  // Inverted lists of (passage, normalised weight) over the kept words.
  const postings = new Map<string, { ids: number[]; w: number[] }>();
  const vectors = counts.map((c, p) => {
    const v: Array<[string, number]> = [];
    let norm = 0;
    for (const [t, tf] of c) {
      const d = df.get(t)!;
      if (d < 2 || d > maxDf) continue;
      const w = (1 + Math.log(tf)) * Math.log(n / d);
      if (w > 0) v.push([t, w]);
    }
    if (v.length > opts.maxTerms) {
      v.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      v.length = opts.maxTerms;
    }
    for (const [, w] of v) norm += w * w;
    norm = Math.sqrt(norm);
    if (norm === 0) return v;
    for (const e of v) {
      e[1] /= norm;
      let list = postings.get(e[0]);
      if (list === undefined) postings.set(e[0], (list = { ids: [], w: [] }));
      list.ids.push(p);
      list.w.push(e[1]);
    }
    return v;
  });
  const ids = new Array<number>(n * k).fill(0);
  const weights = new Array<number>(n * k).fill(0);
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const bestSim = new Float64Array(k);
  const bestId = new Int32Array(k);
  vectors.forEach((v, p) => {
    for (const [t, w] of v) {
      const list = postings.get(t)!;
      for (let i = 0; i < list.ids.length; i++) {
        const q = list.ids[i]!;
        if (q === p) continue;
        if (acc[q] === 0) touched.push(q);
        acc[q] = acc[q]! + w * list.w[i]!;
      }
    }
    // The k most similar, by a running selection (a passage can touch thousands).
    let found = 0;
    for (const q of touched) {
      const sim = acc[q]!;
      acc[q] = 0;
      if (found === k && !better(sim, q, bestSim[k - 1]!, bestId[k - 1]!)) continue;
      let i = found < k ? found++ : k - 1;
      while (i > 0 && better(sim, q, bestSim[i - 1]!, bestId[i - 1]!)) {
        bestSim[i] = bestSim[i - 1]!;
        bestId[i] = bestId[i - 1]!;
        i--;
      }
      bestSim[i] = sim;
      bestId[i] = q;
    }
    for (let i = 0; i < found; i++) {
      ids[p * k + i] = bestId[i]! + 1;
      weights[p * k + i] = Math.min(QUANTUM, Math.round(bestSim[i]! * QUANTUM));
    }
    touched.length = 0;
  });
  return { k, ids: encodeFixed(ids), weights: encodeFixed(weights) };
}

/** Higher similarity first, then the lower passage id. */
function better(sim: number, id: number, thanSim: number, thanId: number): boolean {
  return sim > thanSim || (sim === thanSim && id < thanId);
}

/** Checks that stored neighbours fit `passages`; throws `citeqa index: …` when they do not. */
export function checkNeighbours(data: NeighbourData, passages: number): NeighbourData {
  const { k } = data;
  if (!(Number.isInteger(k) && k >= 0) || fixedLength(data.ids) !== passages * k || fixedLength(data.weights) !== passages * k) {
    throw new Error('citeqa index: the passage neighbours do not match the passages; rebuild it with `npm run build`');
  }
  return data;
}

/** The passage at neighbour entry `m` (see {@link NeighbourData}), -1 where there is none. */
export function neighbourId(data: NeighbourData, m: number): number {
  return readFixed(data.ids, m) - 1;
}

/** The cosine similarity (0..1, quantised to 1/1023) of neighbour entry `m`. */
export function neighbourWeight(data: NeighbourData, m: number): number {
  return readFixed(data.weights, m) / QUANTUM;
}
