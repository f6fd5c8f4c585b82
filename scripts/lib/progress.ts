/**
 * A progress indicator for long command-line runs, written to stderr so it
 * never mixes with a command's output.
 *
 * - On a terminal: one bar redrawn in place (at most every `redrawMs`),
 *   erased when done.
 * - Otherwise (CI logs, pipes): one line each time another `everyPercent` of
 *   the work is done, at most one a second.
 *
 * Nothing at all is written during the first `delayMs`, so short runs stay quiet.
 *
 * @module
 */

/** The part of a stream the indicator uses (`process.stderr` by default). */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Shown before the bar or at the start of each line. */
  label?: string;
  stream?: ProgressStream;
  /** Stay quiet until this much time has passed (default 1000 ms). */
  delayMs?: number;
  /** Terminal redraw interval (default 100 ms). */
  redrawMs?: number;
  /** Log-line step when not on a terminal (default 10 %). */
  everyPercent?: number;
  /** Clock, for tests (default `performance.now`). */
  now?: () => number;
}

export interface Progress {
  /** Records `n` more units done (default 1). */
  tick(n?: number): void;
  /** Ends the indicator (erases the bar on a terminal). */
  done(): void;
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Starts a progress indicator for `total` units of work. */
export function createProgress(total: number, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const label = opts.label ?? 'progress';
  const delayMs = opts.delayMs ?? 1000;
  const redrawMs = opts.redrawMs ?? 100;
  const step = opts.everyPercent ?? 10;
  const now = opts.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const started = now();
  let done = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  let lastStep = 0; // last percentage step logged (non-TTY)

  const status = (t: number): string => {
    const pct = total > 0 ? (100 * done) / total : 100;
    const elapsed = t - started;
    const eta = done > 0 && done < total ? ` eta ${seconds((elapsed / done) * (total - done))}` : '';
    return `${Math.floor(pct)}% ${done}/${total} ${seconds(elapsed)}${eta}`;
  };

  return {
    tick(n = 1) {
      done = Math.min(total, done + n);
      const t = now();
      if (t - started < delayMs) return;
      if (tty) {
        if (t - lastDraw < redrawMs && done < total) return;
        lastDraw = t;
        const text = status(t);
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - text.length - 6));
        const filled = total > 0 ? Math.round((width * done) / total) : width;
        stream.write(`\r\x1b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
        drawn = true;
      } else {
        const reached = total > 0 ? Math.floor((100 * done) / total / step) * step : 100;
        // Each step once, and lines at least a second apart.
        if (reached > lastStep && t - lastDraw >= Math.max(redrawMs, 1000)) {
          lastStep = reached;
          lastDraw = t;
          stream.write(`${label}: ${status(t)}\n`);
        }
      }
    },
    done() {
      if (tty && drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
