/**
 * `npm run bench:instructions [-- --base <git rev>] [--corpus squad|seed] [--step N] [--k 3]`:
 * the CPU instructions `ask()` executes per question, counted by Valgrind,
 * for this working tree and optionally another revision, with their ratio.
 *
 * Time on a shared machine swings by a third between runs; the instruction
 * count does not (docs/performance.md), so a change worth 1 % shows. Each
 * tree's own bench child (scripts/bench/child.ts) is bundled, builds its own
 * index of the same corpus natively, then runs under `valgrind
 * --tool=cachegrind` twice: loading the index and warming up alone (0
 * passes), and with 2 passes over the questions; the difference over 2 ×
 * questions is the count per question. Node runs with `--predictable` (no
 * background threads, fixed seeds), without which the garbage collector's
 * timing moves the count by about 0.5 %; with it two runs of one tree differ
 * by a few thousand instructions in billions. Needs `valgrind` on PATH
 * (Debian: `apt-get install -y valgrind`); takes a minute or two per tree.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { findDatasets, readJsonl, sampleQuestions } from './datasets.js';
import { run } from './worker.js';

const OUT = path.resolve('bench-out', 'instructions');
/** Passes over the questions in the counted run. */
const PASSES = 2;

/** The instruction count Valgrind's cachegrind prints on stderr (`==123== I   refs:      8,704,079,957`). */
export function instructionCount(stderr: string): number {
  const m = /I\s+refs:\s+([0-9][0-9,]*)/.exec(stderr);
  if (m === null) throw new Error('bench:instructions: no instruction count in valgrind output');
  return Number(m[1]!.replaceAll(',', ''));
}

/** Instructions per question: what `passes` passes over `questions` questions added to the run without them. */
export function perQuestion(without: number, withPasses: number, questions: number, passes: number): number {
  if (questions <= 0 || passes <= 0) throw new Error('bench:instructions: no questions were asked');
  return (withPasses - without) / (questions * passes);
}

/** Runs `command` in `cwd` and gives its output; throws when it fails. */
async function runIn(cwd: string, command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await run(command, args, process.env, cwd);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.code}:\n${r.stderr.slice(-2000)}`);
  return r;
}

interface Tree {
  name: string;
  dir: string;
}

/** A checkout of `rev` under bench-out/, sharing this tree's node_modules. */
function checkout(rev: string): Tree {
  const dir = path.join(OUT, 'base');
  if (existsSync(dir)) execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { stdio: 'ignore' });
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  return { name: rev, dir };
}

async function countTree(tree: Tree, source: string, questionsFile: string, questions: number, k: number): Promise<{ load: number; perQuestion: number }> {
  const work = path.join(OUT, tree.name === 'this tree' ? 'this' : 'base-out');
  mkdirSync(work, { recursive: true });
  const child = path.join(work, 'child.mjs');
  await esbuild({
    entryPoints: [path.join(tree.dir, 'scripts/bench/child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const built = JSON.parse((await runIn(tree.dir, process.execPath, [child, 'build', source, path.join(work, 'index')])).stdout) as { modulePath: string };
  const counted = async (passes: number): Promise<number> => {
    process.stderr.write(`bench:instructions: ${tree.name}, ${passes} passes under valgrind\n`);
    const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--predictable', '--expose-gc', child, 'engine', built.modulePath, questionsFile, String(passes), String(k)];
    return instructionCount((await runIn(tree.dir, 'valgrind', args)).stderr);
  };
  const without = await counted(0);
  const withPasses = await counted(PASSES);
  return { load: without, perQuestion: perQuestion(without, withPasses, questions, PASSES) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, corpus: { type: 'string', default: 'squad' }, step: { type: 'string', default: '40' }, k: { type: 'string', default: '5' } },
  });
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('bench:instructions: valgrind is not installed (Debian: apt-get install -y valgrind)');
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  const datasets = findDatasets();
  let source: string;
  let questions: string[];
  if (values.corpus === 'squad' && datasets !== undefined) {
    source = path.join(datasets, 'squad-v1.1-dev', 'corpus.jsonl');
    questions = sampleQuestions(path.join(datasets, 'squad-v1.1-dev', 'questions.jsonl'), Number(values.step));
  } else if (values.corpus === 'seed' || values.corpus === 'squad') {
    if (values.corpus === 'squad') process.stderr.write('bench:instructions: no shared datasets found, counting on the seed corpus\n');
    source = path.resolve('corpus');
    questions = readJsonl<{ question: string }>('test/fixtures/seed-questions.jsonl').map((q) => q.question);
  } else {
    throw new Error(`bench:instructions: unknown corpus ${values.corpus} (squad, seed)`);
  }
  const questionsFile = path.join(OUT, 'questions.json');
  writeFileSync(questionsFile, JSON.stringify(questions));
  const k = Number(values.k);
  const trees: Tree[] = [{ name: 'this tree', dir: process.cwd() }];
  if (values.base !== undefined) trees.push(checkout(values.base));
  const rows: Array<{ tree: string; load: number; perQuestion: number }> = [];
  try {
    for (const tree of trees) rows.push({ tree: tree.name, ...(await countTree(tree, source, questionsFile, questions.length, k)) });
  } finally {
    if (values.base !== undefined) execFileSync('git', ['worktree', 'remove', '--force', trees[1]!.dir], { stdio: 'ignore' });
  }
  const M = (n: number): string => `${(n / 1e6).toFixed(2)} M`;
  console.log(`\nInstructions under Valgrind (${questions.length} questions of ${values.corpus === 'squad' && datasets ? 'SQuAD' : 'the seed'}, k = ${k}, Node ${process.version}):\n`);
  for (const r of rows) console.log(`${r.tree.padEnd(12)}  load + warm-up ${M(r.load).padStart(10)}   per question ${M(r.perQuestion).padStart(8)}`);
  if (rows.length === 2) console.log(`\nthis tree ÷ ${rows[1]!.tree}: ${(rows[0]!.perQuestion / rows[1]!.perQuestion).toFixed(3)}× per question, ${(rows[0]!.load / rows[1]!.load).toFixed(3)}× load + warm-up`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
