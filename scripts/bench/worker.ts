/**
 * Worker figures: bundle size from `wrangler deploy --dry-run`, and startup
 * time from `wrangler check startup`'s CPU profile (the Worker's module
 * evaluation in local workerd, which includes loading the index).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const WRANGLER = path.join('node_modules', '.bin', 'wrangler');

/** Environment for every wrangler run of the bench: no telemetry, quiet. */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: '1', ...extra };
}

export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A V8 CPU profile as `wrangler check startup` writes it. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface StartupProfile {
  /** First to last busy sample, plus one sampling interval: the module evaluation's wall time. */
  spanMs: number;
  /** Busy samples × the median sampling interval: CPU time if the sampler never stalled. */
  sampledMs: number;
  samples: number;
}

/** Reads the startup time out of a CPU profile; `(idle)` and `(root)` samples are not busy. */
export function startupFromProfile(p: CpuProfile): StartupProfile {
  const idle = new Set(
    p.nodes.filter((n) => n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(root)').map((n) => n.id),
  );
  const deltas = [...p.timeDeltas].sort((a, b) => a - b);
  const interval = deltas[Math.floor(deltas.length / 2)] ?? 1000;
  let t = p.startTime;
  let first: number | undefined;
  let last = 0;
  let busy = 0;
  p.samples.forEach((node, i) => {
    t += p.timeDeltas[i] ?? 0;
    if (idle.has(node)) return;
    busy++;
    first ??= t;
    last = t;
  });
  if (first === undefined) return { spanMs: 0, sampledMs: 0, samples: 0 };
  return { spanMs: (last - first + interval) / 1000, sampledMs: (busy * interval) / 1000, samples: busy };
}

export interface WorkerFigures {
  bundleBytes: number;
  bundleGzipBytes: number;
  /** Median over the runs. */
  startupMs: number;
  startupSampledMs: number;
  startupRunsMs: number[];
}

/**
 * Bundles the Worker with the index built from `corpusDir` (wrangler runs the
 * `[build]` command, i.e. `npm run build`, with CITEQA_CORPUS_DIR set), then
 * profiles its startup `runs` times. Leaves src/generated built from `corpusDir`:
 * the caller restores the seed build.
 */
export async function workerFigures(corpusDir: string, runs: number): Promise<WorkerFigures> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citeqa-bench-'));
  try {
    const env = wranglerEnv({ CITEQA_CORPUS_DIR: corpusDir });
    const outdir = path.join(tmp, 'out');
    const bundle = path.join(tmp, 'worker.bundle');
    const dry = await run(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir, '--outfile', bundle], env);
    if (dry.code !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${dry.stdout}\n${dry.stderr}`);
    let bundleBytes = 0;
    let bundleGzipBytes = 0;
    for (const f of readdirSync(outdir)) {
      if (f.endsWith('.map') || f.endsWith('.md')) continue;
      const bytes = readFileSync(path.join(outdir, f));
      bundleBytes += statSync(path.join(outdir, f)).size;
      bundleGzipBytes += gzipSync(bytes).length;
    }
    const spans: number[] = [];
    const sampled: number[] = [];
    for (let i = 0; i < runs; i++) {
      const profile = path.join(tmp, `startup-${i}.cpuprofile`);
      const r = await run(WRANGLER, ['check', 'startup', '--workerBundle', bundle, '--outfile', profile], env);
      if (r.code !== 0) throw new Error(`wrangler check startup failed:\n${r.stdout}\n${r.stderr}`);
      const s = startupFromProfile(JSON.parse(readFileSync(profile, 'utf8')) as CpuProfile);
      spans.push(s.spanMs);
      sampled.push(s.sampledMs);
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return {
      bundleBytes,
      bundleGzipBytes,
      startupMs: median(spans),
      startupSampledMs: median(sampled),
      startupRunsMs: spans,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
