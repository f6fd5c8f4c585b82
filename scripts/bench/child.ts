/**
 * The bench's measuring child, run in a fresh Node process per corpus so that
 * load time and heap are not disturbed by earlier runs. Bundled by
 * scripts/bench.ts with esbuild (as the Worker is) and run with
 * `node --expose-gc`:
 *
 *   build <corpus> <outDir>          → the builder's report (writeIndexModule)
 *   engine <index-data.txt> <questions.json> <passes> <k>
 *                                     → load time, heap, per-question times
 *
 * Prints one JSON object on stdout.
 */
import { readFileSync } from 'node:fs';
import { ask, loadEngine } from '../../src/engine/index.js';
import { readIndexModule, writeIndexModule } from '../lib/index-module.js';

declare const gc: (() => void) | undefined;

function heapUsed(): number {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function engine(modulePath: string, questionsPath: string, passes: number, k: number): Promise<unknown> {
  const questions = JSON.parse(readFileSync(questionsPath, 'utf8')) as string[];
  const heapBefore = heapUsed();
  const t0 = performance.now();
  const built = readIndexModule(modulePath);
  const t1 = performance.now();
  const eng = loadEngine(built);
  const t2 = performance.now();
  const heapAfter = heapUsed();
  const rss = process.memoryUsage().rss;

  // The first question runs cold (no JIT, no caches): what a fresh isolate's first request pays.
  const c0 = performance.now();
  ask(eng, questions[0] ?? 'test', k);
  const firstMs = performance.now() - c0;
  // Warm-up (at least 500 questions, so the JIT has settled), then timed
  // passes over the fixed question set.
  let answered = 0;
  for (const q of questions) if (ask(eng, q, k).answers.length > 0) answered++;
  for (let i = questions.length; i < 500; i++) ask(eng, questions[i % questions.length]!, k);
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const q of questions) {
      const s = performance.now();
      ask(eng, q, k);
      times.push(performance.now() - s);
    }
  }
  const heapAfterQuestions = heapUsed();
  return {
    importMs: t1 - t0,
    loadEngineMs: t2 - t1,
    loadMs: t2 - t0,
    heapBefore,
    heapAfter,
    heapAfterQuestions,
    rss,
    firstMs,
    questions: questions.length,
    answered,
    times,
  };
}

async function main(): Promise<void> {
  const [cmd, ...args] = process.argv.slice(2);
  let out: unknown;
  if (cmd === 'build') {
    const origWarn = console.warn;
    let warnings = 0;
    console.warn = (...a: unknown[]): void => {
      warnings++;
      if (warnings <= 3) origWarn(...a);
    };
    out = await writeIndexModule(args[0]!, args[1]!);
    console.warn = origWarn;
  } else if (cmd === 'engine') {
    out = await engine(args[0]!, args[1]!, Number(args[2] ?? 1), Number(args[3] ?? 3));
  } else {
    throw new Error(`bench child: unknown command ${String(cmd)}`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
