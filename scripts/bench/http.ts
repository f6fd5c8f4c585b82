/**
 * A bounded load run on loopback: `wrangler dev` serving the current build,
 * and two autocannon instances started together for the same duration, one
 * on `/ask` (cycling through real questions) and one on `/health`, so the
 * two share the same machine, server and moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import { WRANGLER, wranglerEnv } from './worker.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, res: AutocannonResult) => void) => unknown;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface EndpointFigures {
  reqPerSec: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors + timeouts + non-2xx responses. */
  errors: number;
  non2xx: number;
}

export interface HttpFigures {
  durationS: number;
  connectionsPerEndpoint: number;
  ask: EndpointFigures;
  health: EndpointFigures;
  /** /ask req/s ÷ /health req/s in the same run. */
  ratio: number;
}

/** `n` distinct free loopback ports (all held open until all are found). */
async function freePorts(n: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const srv = net.createServer();
      servers.push(srv);
      await new Promise<void>((resolve, reject) => {
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => resolve());
      });
    }
    return servers.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

function cannon(opts: Record<string, unknown>): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

function figures(r: AutocannonResult): EndpointFigures {
  return {
    reqPerSec: r.requests.average,
    requests: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    non2xx: r.non2xx,
  };
}

/**
 * Starts `wrangler dev` on a free loopback port (it builds the seed index
 * first, through the `[build]` command), runs the load and stops it.
 */
export async function httpFigures(questions: readonly string[], durationS: number, connections: number): Promise<HttpFigures> {
  // Another process may take a port between choosing it and wrangler binding it: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadRun(questions, durationS, connections);
    } catch (e) {
      if (attempt >= 3 || !/Address already in use/.test(String(e))) throw e;
    }
  }
}

async function loadRun(questions: readonly string[], durationS: number, connections: number): Promise<HttpFigures> {
  const [port, inspectorPort] = await freePorts(2);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    WRANGLER,
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
      // Measure the engine, not the answer cache or the per-client rate limit
      // (docs/hardening.md): every /ask is computed, none is refused.
      '--var',
      'CACHE_MAX_AGE:0',
      '--var',
      'RATE_LIMIT:off',
    ],
    { env: wranglerEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  try {
    await waitReady(`${base}/health`, child, () => log);
    const paths = questions.map((q) => `/ask?q=${encodeURIComponent(q)}`);
    // Warm the isolate and check every path answers 200 before measuring.
    for (const p of paths.slice(0, 20)) {
      const r = await fetch(base + p);
      if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}: ${await r.text()}`);
    }
    let next = 0;
    const askRequests = [
      {
        method: 'GET',
        setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[next++ % paths.length] }),
      },
    ];
    // An unmeasured warm-up, so both routes are compiled and hot before the run.
    const warm = { url: base, connections, duration: 2, pipelining: 1 };
    await Promise.all([cannon({ ...warm, requests: askRequests }), cannon({ ...warm, requests: [{ method: 'GET', path: '/health' }] })]);
    const common = { url: base, connections, duration: durationS, pipelining: 1 };
    const [ask, health] = await Promise.all([
      cannon({ ...common, requests: askRequests }),
      cannon({ ...common, requests: [{ method: 'GET', path: '/health' }] }),
    ]);
    const a = figures(ask);
    const h = figures(health);
    return { durationS, connectionsPerEndpoint: connections, ask: a, health: h, ratio: h.reqPerSec > 0 ? a.reqPerSec / h.reqPerSec : 0 };
  } finally {
    await stop(child);
  }
}
