/**
 * Worker figures: bundle size from `wrangler deploy --dry-run`, and startup
 * time from `wrangler check startup`'s CPU profile (the Worker's first import
 * in local workerd: compiling the bundle, instantiating the index's Text
 * module, evaluating the global scope, which loads the index).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const WRANGLER = path.join('node_modules', '.bin', 'wrangler');

/** Environment for every wrangler run of the bench: no telemetry, quiet. */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', CI: '1', ...extra };
}

/** Runs `cmd` to its end, its output collected (in `cwd`, this process's by default). */
export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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
  /**
   * The whole profile, from Profiler.start to Profiler.stop around the
   * Worker's first import. It includes compiling the bundle, which the
   * sampler does not attribute to any sample, and a fixed overhead that an
   * empty Worker shows too.
   */
  windowMs: number;
  /** First to last busy sample, plus one sampling interval. */
  spanMs: number;
  /** Busy samples × the median sampling interval. */
  sampledMs: number;
  samples: number;
}

/** Reads the startup time out of a CPU profile; `(idle)` and `(root)` samples are not busy. */
export function startupFromProfile(p: CpuProfile): StartupProfile {
  const windowMs = (p.endTime - p.startTime) / 1000;
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
  if (first === undefined) return { windowMs, spanMs: 0, sampledMs: 0, samples: 0 };
  return { windowMs, spanMs: (last - first + interval) / 1000, sampledMs: (busy * interval) / 1000, samples: busy };
}

export interface WorkerFigures {
  bundleBytes: number;
  bundleGzipBytes: number;
  /** Median over the runs of the profile window minus the empty Worker's. */
  startupMs: number;
  /** Median profile window, and the empty Worker's subtracted from it. */
  windowMs: number;
  emptyWindowMs: number;
  /** Median busy samples × interval (excludes compile time). */
  sampledMs: number;
  windowRunsMs: number[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function profileRuns(bundle: string, tmp: string, runs: number, env: NodeJS.ProcessEnv): Promise<StartupProfile[]> {
  const out: StartupProfile[] = [];
  for (let i = 0; i < runs; i++) {
    const profile = path.join(tmp, `startup-${i}.cpuprofile`);
    const r = await run(WRANGLER, ['check', 'startup', '--workerBundle', bundle, '--outfile', profile], env);
    if (r.code !== 0) throw new Error(`wrangler check startup failed:\n${r.stdout}\n${r.stderr}`);
    out.push(startupFromProfile(JSON.parse(readFileSync(profile, 'utf8')) as CpuProfile));
  }
  return out;
}

/**
 * The profile window of a Worker that does nothing at startup: the fixed
 * cost of `wrangler check startup`'s measurement, subtracted from the others.
 */
export async function emptyWorkerWindow(runs: number): Promise<number> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'citeqa-bench-empty-'));
  try {
    writeFileSync(path.join(tmp, 'worker.js'), 'export default { fetch() { return new Response("ok"); } };\n');
    writeFileSync(path.join(tmp, 'wrangler.toml'), 'name = "empty"\nmain = "worker.js"\ncompatibility_date = "2026-04-26"\n');
    const bundle = path.join(tmp, 'worker.bundle');
    const env = wranglerEnv();
    const dry = await run(WRANGLER, ['deploy', '--dry-run', '--config', path.join(tmp, 'wrangler.toml'), '--outfile', bundle], env);
    if (dry.code !== 0) throw new Error(`wrangler deploy --dry-run (empty Worker) failed:\n${dry.stdout}\n${dry.stderr}`);
    return median((await profileRuns(bundle, tmp, runs, env)).map((p) => p.windowMs));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Bundles the Worker with the index built from `corpusDir` (wrangler runs the
 * `[build]` command, i.e. `npm run build`, with CITEQA_CORPUS_DIR set), then
 * profiles its startup `runs` times. Leaves src/generated built from `corpusDir`:
 * the caller restores the seed build.
 */
export async function workerFigures(corpusDir: string, runs: number, emptyWindowMs: number): Promise<WorkerFigures> {
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
    const profiles = await profileRuns(bundle, tmp, runs, env);
    const windowMs = median(profiles.map((p) => p.windowMs));
    return {
      bundleBytes,
      bundleGzipBytes,
      startupMs: Math.max(0, windowMs - emptyWindowMs),
      windowMs,
      emptyWindowMs,
      sampledMs: median(profiles.map((p) => p.sampledMs)),
      windowRunsMs: profiles.map((p) => p.windowMs),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
