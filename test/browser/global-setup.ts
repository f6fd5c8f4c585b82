/**
 * Starts the real Worker under `wrangler dev` on a free port, built from the
 * browser test corpus, and hands its URL to the tests (`inject('baseUrl')`).
 * `wrangler dev` runs `npm run build` itself (wrangler.toml [build]); the
 * index it writes to src/generated/ is rebuilt from `corpus/` afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_CORPUS = 'test/browser/corpus';
const STARTUP_MS = 60_000;

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) {
        const health = (await res.json()) as { documents: number };
        // The test corpus has exactly four documents: make sure this is its index.
        if (health.documents !== 4) throw new Error(`wrangler dev serves ${health.documents} documents, expected the test corpus's 4`);
        return;
      }
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('wrangler dev serves')) throw e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer /health within ${STARTUP_MS / 1000} s:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(
    path.join(ROOT, 'node_modules/.bin/wrangler'),
    ['dev', '--port', String(port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false', '--log-level', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, CITEQA_CORPUS_DIR: TEST_CORPUS, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so teardown stops wrangler and its workerd children together.
      detached: true,
    },
  );
  const collect = (b: Buffer): void => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide('baseUrl', url);

  return async () => {
    await stop();
    // Put back the index of the real corpus that wrangler dev replaced.
    const { buildIndexModule } = await import('../../scripts/build.js');
    await buildIndexModule(process.env.CITEQA_CORPUS_DIR ?? 'corpus');
  };
}
