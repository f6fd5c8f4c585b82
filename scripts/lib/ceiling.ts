/**
 * How large a corpus citeqa serves within Cloudflare Workers' limits,
 * measured by `npm run bench` (docs/performance.md). The builder warns past
 * either ceiling.
 */

/**
 * The largest corpus measured within the free plan's 1 s startup, 128 MB
 * and 10 ms of CPU per question: the bench's 100k-passage corpus (44 MB of
 * text) had a question p99 of 5.7 to 6.8 ms (each question's best of 2
 * runs; 7.4 to 9.3 ms over all runs on this noisy 2-core machine), 74 MB of
 * heap after load and a 110 ms Worker startup. At 150k passages the p99 over
 * all runs was 13 ms and the heap 108 MB.
 */
export const CEILING = {
  /** Passages (the builder's count). */
  passages: 100_000,
  /** Megabytes (10^6 bytes) of passage text, UTF-8. */
  textMB: 45,
};

/**
 * Workers' limit on a Worker's size after compression (the index is part of
 * the upload): 3 MiB on the free plan, 10 MiB on the paid plan. Reached long
 * before the engine ceiling: about 9,400 passages of English prose on the free plan
 * (docs/performance.md).
 */
export const WORKER_SIZE_LIMITS = { free: 3 * 1024 * 1024, paid: 10 * 1024 * 1024 };
/** What the rest of the Worker (Hono, zod, the engine, the widget) adds, compressed. */
export const APP_GZIP_BYTES = 250 * 1024;

export interface CorpusSize {
  passages: number;
  /** UTF-8 bytes of passage text. */
  textBytes: number;
  /** Gzip bytes of the generated index module. */
  indexGzipBytes: number;
}

/** Warnings for a built corpus past the ceiling or past a plan's size limit; empty when it fits. */
export function ceilingWarnings(size: CorpusSize, ceiling: { passages: number; textMB: number } = CEILING): string[] {
  const out: string[] = [];
  const mb = size.textBytes / 1e6;
  if (size.passages > ceiling.passages || mb > ceiling.textMB) {
    out.push(
      `the corpus is past citeqa's measured ceiling (${size.passages.toLocaleString('en-US')} passages, ${mb.toFixed(1)} MB of text; ` +
        `the ceiling is ${ceiling.passages.toLocaleString('en-US')} passages or ${ceiling.textMB} MB): the Worker may not start within 1 s, ` +
        'fit in 128 MB or answer within 10 ms of CPU on the free plan (docs/performance.md)',
    );
  }
  const worker = size.indexGzipBytes + APP_GZIP_BYTES;
  const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (worker > WORKER_SIZE_LIMITS.paid) {
    out.push(
      `the Worker will be about ${mib(worker)} compressed, over Workers' 10 MB size limit (3 MB on the free plan): ` +
        '`wrangler deploy` will refuse it (docs/performance.md)',
    );
  } else if (worker > WORKER_SIZE_LIMITS.free) {
    out.push(
      `the Worker will be about ${mib(worker)} compressed, over the free plan's 3 MB size limit (10 MB on the paid plan): ` +
        'deploying it needs the paid plan (docs/performance.md)',
    );
  }
  return out;
}

/** How far past the largest measured corpus {@link crossing} extrapolates: further, a near-flat curve gives absurd figures. */
export const MAX_EXTRAPOLATION = 10;

/**
 * Where a figure `y(passages)` reaches `limit`, interpolated log-log
 * between the two measured corpora around the crossing, or extrapolated
 * from the last two when every measured figure is below it. An
 * extrapolation past {@link MAX_EXTRAPOLATION} × the largest measured
 * corpus is reported as that bound with `beyond` set (a figure that barely
 * grows with the corpus would otherwise "reach" its limit at 10^40
 * passages). Undefined with fewer than two points or a figure that does
 * not grow where it is read.
 */
export function crossing(points: ReadonlyArray<readonly [number, number]>, limit: number): { n: number; extrapolated: boolean; beyond: boolean } | undefined {
  const pts = points.filter(([n, y]) => n > 0 && y > 0).sort((a, b) => a[0] - b[0]);
  if (pts.length < 2) return undefined;
  for (let i = 1; i < pts.length; i++) {
    const [n0, y0] = pts[i - 1]!;
    const [n1, y1] = pts[i]!;
    if (y1 < limit && i < pts.length - 1) continue;
    const b = Math.log(y1 / y0) / Math.log(n1 / n0);
    if (!(b > 0)) return undefined;
    const n = n1 * Math.pow(limit / y1, 1 / b);
    const reach = n1 * MAX_EXTRAPOLATION;
    return n > reach ? { n: Math.round(reach), extrapolated: true, beyond: true } : { n: Math.round(n), extrapolated: y1 < limit, beyond: false };
  }
  return undefined;
}
