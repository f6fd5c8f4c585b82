/** Shared pieces of the browser tests: ports, Chromium, a second-origin page server, widget probes. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** A TCP port that was free a moment ago (nothing listens on it after this returns). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export const CHROMIUM = process.env.CITEQA_CHROMIUM ?? '/usr/bin/chromium';

/** Debian Chromium, headless, in a fresh profile that `close()` deletes. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), 'citeqa-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * An HTTP server on another port (so another origin than the Worker) serving
 * the given pages, `path → HTML`.
 */
export async function startPageServer(pages: Record<string, string>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const html = pages[(req.url ?? '/').split('?')[0]!];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A bare page holding the two embed lines (and nothing else but a title). */
export function embedPage(widgetSrc: string, attrs: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>embed</title></head><body>
<script src="${widgetSrc}" defer></script>
<citeqa-ask ${attrs}></citeqa-ask>
</body></html>`;
}

/** The widget's `data-state` (idle | loading | answers | empty | error | offline). */
export function widgetState(page: Page): Promise<string | null> {
  return page.locator('citeqa-ask').getAttribute('data-state');
}

/** Waits until the widget settles in `state`. */
export async function waitForState(page: Page, state: string, timeout = 10_000): Promise<void> {
  await page.locator(`citeqa-ask[data-state="${state}"]`).waitFor({ state: 'attached', timeout });
}

/** Waits for the custom element to be defined (widget.js is deferred). */
export async function widgetReady(page: Page): Promise<void> {
  await page.waitForFunction(() => customElements.get('citeqa-ask') !== undefined, undefined, { timeout: 10_000 });
}

/** Types a question in the widget and presses Enter. */
export async function ask(page: Page, question: string): Promise<void> {
  const input = page.locator('citeqa-ask input');
  await input.fill(question);
  await input.press('Enter');
}

/** What a test must see on the page: uncaught errors, dialogs, CSP violations. */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_/.test(m.text())) seen.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** Where screenshots go: `docs/screenshots` with CITEQA_SCREENSHOTS=docs, else test-results/. */
export const SCREENSHOT_DIR = process.env.CITEQA_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots';
