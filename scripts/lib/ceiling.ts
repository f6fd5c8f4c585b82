/**
 * The largest corpus citeqa serves within the Workers free plan's limits
 * (1 s startup, 128 MB memory, 10 ms CPU per request), measured by
 * `npm run bench` (docs/performance.md). The builder warns past it.
 */
export const CEILING = {
  /** Passages (the builder's count). */
  passages: 60_000,
  /** UTF-8 megabytes (10^6 bytes) of passage text. */
  textMB: 30,
};

/** A warning when a built corpus is past the ceiling, or undefined. */
export function ceilingWarning(passages: number, textBytes: number): string | undefined {
  const mb = textBytes / 1e6;
  if (passages <= CEILING.passages && mb <= CEILING.textMB) return undefined;
  return (
    `corpus is past the measured ceiling (${passages.toLocaleString('en-US')} passages, ${mb.toFixed(1)} MB of text; ` +
    `the ceiling is ${CEILING.passages.toLocaleString('en-US')} passages or ${CEILING.textMB} MB): ` +
    'on the Workers free plan it may not start within 1 s, fit in 128 MB, or answer within 10 ms of CPU (see docs/performance.md)'
  );
}
