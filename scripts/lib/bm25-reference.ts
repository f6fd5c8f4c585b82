/**
 * Plain Okapi BM25, a faithful port of the model in
 * `../shared/datasets/bm25_reference_eval.py`: the baseline that
 * `npm run eval -- --baseline` scores, and the ranking the metrics tests use to
 * reproduce that script's figures. Not used by the Worker.
 *
 * - one field: `title + " " + text`;
 * - tokens: lowercase runs of Unicode letters and digits (Python's `[^\W_]+`),
 *   no stemming, optional stop words (none by default);
 * - `idf = ln(1 + (N - df + 0.5) / (df + 0.5))`, k1 = 1.2, b = 0.75;
 * - repeated query terms count again;
 * - the ranking holds every document: matches by descending score, ties and
 *   non-matches in corpus order.
 *
 * @module
 */

/** A corpus record as in `<set>/corpus.jsonl`. */
export interface ReferenceDoc {
  id: string;
  title?: string;
  text: string;
}

/**
 * Python's `[^\W_]+` on `str`: `\w` is alphanumeric (letters and numbers in
 * the Unicode sense) plus `_`, so this is runs of letters and numbers.
 */
const TOKEN = /[\p{L}\p{N}]+/gu;

/** The 33-word Lucene English stop set of the Python script. */
export const LUCENE_STOP: ReadonlySet<string> = new Set(
  `a an and are as at be but by for if in into is it no not of on or such
that the their then there these they this to was will with`.split(/\s+/),
);

/** Lowercase runs of letters/digits of `s`, without the stop words. */
export function referenceTokens(s: string, stop: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const m of s.toLowerCase().matchAll(TOKEN)) if (!stop.has(m[0])) out.push(m[0]);
  return out;
}

/** A plain BM25 index over whole records. */
export class ReferenceBM25 {
  readonly ids: readonly string[];
  private readonly postings = new Map<string, Array<[doc: number, tf: number]>>();
  private readonly idf = new Map<string, number>();
  private readonly norm: number[];

  constructor(
    docs: readonly ReferenceDoc[],
    private readonly stop: ReadonlySet<string> = new Set(),
    private readonly k1 = 1.2,
    b = 0.75,
  ) {
    if (docs.length === 0) throw new Error('bm25-reference: no documents');
    this.ids = docs.map((d) => d.id);
    const lengths: number[] = [];
    docs.forEach((d, i) => {
      const toks = referenceTokens(`${d.title ?? ''} ${d.text}`, stop);
      lengths.push(toks.length);
      const tf = new Map<string, number>();
      for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, f] of tf) {
        let p = this.postings.get(t);
        if (p === undefined) this.postings.set(t, (p = []));
        p.push([i, f]);
      }
    });
    const n = docs.length;
    const avg = lengths.reduce((a, x) => a + x, 0) / n;
    // Same operation order as the script, so scores (and ties) match bit for bit.
    this.norm = lengths.map((len) => k1 * (1 - b + (b * len) / avg));
    for (const [t, p] of this.postings) this.idf.set(t, Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)));
  }

  /** Every record id, best first. */
  rank(query: string): string[] {
    const scores = new Map<number, number>();
    const k1 = this.k1;
    for (const t of referenceTokens(query, this.stop)) {
      const p = this.postings.get(t);
      if (p === undefined) continue;
      const idf = this.idf.get(t) as number;
      for (const [i, f] of p) scores.set(i, (scores.get(i) ?? 0) + (idf * f * (k1 + 1)) / (f + (this.norm[i] as number)));
    }
    const hit = [...scores.keys()].sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number) || a - b);
    const out = hit.map((i) => this.ids[i] as string);
    for (let i = 0; i < this.ids.length; i++) if (!scores.has(i)) out.push(this.ids[i] as string);
    return out;
  }
}
