/**
 * The widget's behaviour in Chromium against the real Worker (wrangler dev),
 * embedded in pages served from another origin: every request here is
 * cross-origin, so these tests also exercise CORS.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ask, embedPage, freePort, launchBrowser, startPageServer, waitForState, watchPage, widgetReady, widgetState } from './helpers.js';

interface ApiAnswer {
  text: string;
  answer: string;
  answerRange: [number, number];
  highlights: [number, number][];
  citation: { source: string; title: string; passage: number; lines: [number, number]; url?: string };
}

const base = inject('baseUrl');
const QUESTION = 'When was Avocado originally planned to be released?';
const NO_ANSWER = 'What is the capital of Mongolia?';

let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let pages: Awaited<ReturnType<typeof startPageServer>>;

async function api(q: string, k = 3): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/ask?q=${encodeURIComponent(q)}&k=${k}`);
  return { status: res.status, body: await res.json() };
}

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pages.origin + path);
  await widgetReady(page);
  return page;
}

beforeAll(async () => {
  const closed = await freePort();
  ({ context, close: closeBrowser } = await launchBrowser());
  const src = `${base}/widget.js`;
  pages = await startPageServer({
    '/embed': embedPage(src, `endpoint="${base}"`),
    '/embed-default': embedPage(src, ''),
    '/down': embedPage(src, `endpoint="http://127.0.0.1:${closed}"`),
    '/typing': embedPage(src, `endpoint="${base}" as-you-type k="2"`),
  });
});

afterAll(async () => {
  await closeBrowser?.();
  await pages?.close();
});

describe('the widget on a page from another origin', () => {
  it('answers a typed question on Enter with the sentence, highlights and citation', async () => {
    const page = await open('/embed');
    const seen = watchPage(page);
    expect(new URL(page.url()).origin).not.toBe(base);
    await ask(page, QUESTION);
    await waitForState(page, 'answers');

    const expected = (await api(QUESTION)).body.answers as ApiAnswer[];
    expect(expected.length).toBeGreaterThan(0);
    const items = page.locator('citeqa-ask li');
    await expect.poll(() => items.count()).toBe(expected.length);
    const n = expected.length;
    expect(await page.locator('citeqa-ask [role=status]').textContent()).toBe(n === 1 ? '1 answer' : `${n} answers`);

    const top = expected[0]!;
    const first = items.first();
    // The whole passage, verbatim; the answering sentence emphasised inside it.
    expect(await first.locator('blockquote').textContent()).toBe(top.text);
    expect(await first.locator('blockquote strong.answer').textContent()).toBe(top.answer);
    expect(top.answer).toContain('March 2026');
    // Every highlight is a <mark> with exactly the highlighted characters.
    const marks = await first.locator('mark').allTextContents();
    expect(marks).toEqual(top.highlights.map(([s, e]) => top.text.slice(s, e)));
    // Citation line: title linking to the document with a text fragment, passage and lines.
    const c = top.citation;
    const cite = first.locator('.cite');
    expect(await cite.textContent()).toBe(
      `${c.title}, passage ${c.passage}, lines ${c.lines[0]}–${c.lines[1]} ${c.source}`,
    );
    const href = await cite.locator('a').getAttribute('href');
    expect(href!.startsWith(`${base}${c.url}#:~:text=`)).toBe(true);
    const directive = decodeURIComponent(href!.split('#:~:text=')[1]!.split(',')[0]!);
    expect(top.answer.startsWith(directive)).toBe(true);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('shows each list item of a passage on a line of its own', async () => {
    const page = await open('/embed');
    await ask(page, 'What does a pet wombat need?');
    await waitForState(page, 'answers');
    const quote = page.locator('citeqa-ask blockquote').first();
    expect((await quote.innerText()).split('\n')).toEqual(['A pet wombat needs:', '• a deep burrow', '• fresh grass every day']);
    expect(await quote.locator('strong.answer').innerText()).toBe('A pet wombat needs:\n• a deep burrow\n• fresh grass every day');
    await page.close();
  });

  it('shows Markdown bold as bold, without its ** marks, and leaves code as written', async () => {
    const page = await open('/embed');
    await ask(page, "Why won't the yeti vacuum charge?");
    await waitForState(page, 'answers');
    const quote = page.locator('citeqa-ask blockquote').first();
    expect((await quote.innerText()).split('\n')).toEqual([
      'The yeti vacuum does not charge. Check that the yeti dock is plugged in and its contacts are clean.',
      'Set the `**power**` option, or run `2**10` jobs.',
    ]);
    // Bold pieces (cut where a matched word is marked) that read as the bold sentence.
    expect((await quote.locator('b').allInnerTexts()).join('')).toBe('The yeti vacuum does not charge.');
    await page.close();
  });

  it('emphasises the answer where the API places it when the passage holds the same sentence twice', async () => {
    const q = 'Does the quokka widget parse markup?';
    const top = (await api(q, 1)).body.answers[0] as ApiAnswer;
    expect(top.answer).toBe('No.');
    expect(top.text.indexOf('No.')).toBeLessThan(top.answerRange[0]);
    const page = await open('/embed');
    await ask(page, q);
    await waitForState(page, 'answers');
    // The text before <strong class="answer"> is the passage up to the second "No.", not the first.
    const before = await page
      .locator('citeqa-ask blockquote')
      .first()
      .evaluate((quote) => {
        let text = '';
        for (const n of quote.childNodes) {
          if (n instanceof Element && n.matches('strong.answer')) break;
          text += n.textContent ?? '';
        }
        return text;
      });
    expect(before).toBe(top.text.slice(0, top.answerRange[0]));
    await page.close();
  });

  it('defaults the endpoint to where widget.js came from (a page with only the two embed lines)', async () => {
    const page = await open('/embed-default');
    await ask(page, 'Who is Alexandr Wang?');
    await waitForState(page, 'answers');
    expect(await page.locator('citeqa-ask blockquote').first().textContent()).toContain('Alexandr Wang');
    await page.close();
  });

  it('has a search landmark, a labelled input and a polite live status', async () => {
    const page = await open('/embed');
    const a11y = await page.evaluate(() => {
      const root = document.querySelector('citeqa-ask')!.shadowRoot!;
      const input = root.querySelector('input')!;
      const status = root.querySelector('.status')!;
      return {
        role: root.querySelector('form')!.getAttribute('role'),
        label: input.labels?.[0]?.textContent,
        live: status.getAttribute('aria-live'),
        statusRole: status.getAttribute('role'),
      };
    });
    expect(a11y).toEqual({ role: 'search', label: 'Ask the documents', live: 'polite', statusRole: 'status' });
    expect(await page.getByRole('searchbox', { name: 'Ask the documents' }).count()).toBe(1);
    await page.close();
  });

  it('says so when the documents have no answer', async () => {
    expect((await api(NO_ANSWER)).body.answers).toEqual([]);
    const page = await open('/embed');
    await ask(page, NO_ANSWER);
    await waitForState(page, 'empty');
    expect(await page.locator('citeqa-ask [role=status]').textContent()).toBe('No answer in these documents.');
    expect(await page.locator('citeqa-ask li').count()).toBe(0);
    expect(await page.locator('citeqa-ask .hint').textContent()).toMatch(/^Try other words/);
    await page.close();
  });

  it("shows the Worker's message for a 4xx", async () => {
    const long = 'why '.repeat(130);
    const { status, body } = await api(long);
    expect(status).toBe(400);
    expect(body.error.code).toBe('question_too_long');
    const page = await open('/embed');
    await page.evaluate((q) => (document.querySelector('citeqa-ask') as any).ask(q), long);
    await waitForState(page, 'error');
    expect(await page.locator('citeqa-ask [role=status]').textContent()).toBe(body.error.message);
    expect(await page.locator('citeqa-ask button.retry').count()).toBe(0);
    await page.close();
  });

  it('shows a network failure with a retry button, and retry asks again', async () => {
    const page = await open('/down');
    await ask(page, QUESTION);
    await waitForState(page, 'offline');
    expect(await page.locator('citeqa-ask [role=status]').textContent()).toMatch(/Could not reach/);
    const retry = page.locator('citeqa-ask button.retry');
    expect(await retry.textContent()).toBe('Try again');
    // The service comes back (here: the page points the widget at the live Worker).
    await page.evaluate((b) => document.querySelector('citeqa-ask')!.setAttribute('endpoint', b), base);
    await retry.focus();
    await page.keyboard.press('Enter');
    await waitForState(page, 'answers');
    expect(await page.locator('citeqa-ask li').count()).toBeGreaterThan(0);
    // Focus went back to the input rather than to the removed button.
    expect(await page.evaluate(() => document.querySelector('citeqa-ask')!.shadowRoot!.activeElement?.id)).toBe('q');
    await page.close();
  });

  it('shows a loading state, and a stale slow response never overwrites a newer one', async () => {
    const page = await open('/embed');
    const aborted: string[] = [];
    page.on('requestfailed', (r) => aborted.push(new URL(r.url()).searchParams.get('q') ?? ''));
    await page.route('**/ask?**', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === QUESTION) await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => undefined);
    });
    await ask(page, QUESTION);
    await waitForState(page, 'loading');
    expect(await page.locator('citeqa-ask [role=status]').textContent()).toBe('Searching…');
    expect(await page.locator('citeqa-ask .out').getAttribute('aria-busy')).toBe('true');
    await ask(page, NO_ANSWER);
    await waitForState(page, 'empty');
    await page.waitForTimeout(2000); // the first answer would have arrived by now
    expect(await widgetState(page)).toBe('empty');
    expect(await page.locator('citeqa-ask li').count()).toBe(0);
    expect(aborted).toContain(QUESTION);
    await page.close();
  });

  it('asks as you type, debounced, without Enter', async () => {
    const page = await open('/typing');
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/ask?')) asked.push(new URL(r.url()).searchParams.get('q')!);
    });
    await page.locator('citeqa-ask input').pressSequentially('Who is Alexandr Wang', { delay: 40 });
    await waitForState(page, 'answers');
    expect(asked).toEqual(['Who is Alexandr Wang']);
    expect(await page.locator('citeqa-ask li').count()).toBeLessThanOrEqual(2);
    // Clearing the box clears the answers.
    await page.locator('citeqa-ask input').fill('');
    await waitForState(page, 'idle');
    expect(await page.locator('citeqa-ask li').count()).toBe(0);
    await page.close();
  });

  it('shows a rate limit with its wait and a retry button', async () => {
    const page = await open('/embed');
    await page.route('**/ask?**', (route) =>
      route.fulfill({
        status: 429,
        // What the Worker's CORS sends with a 429 (Retry-After exposed to other origins).
        headers: {
          'content-type': 'application/json',
          'retry-after': '1',
          'access-control-allow-origin': '*',
          'access-control-expose-headers': 'Retry-After',
        },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many questions; wait a moment.' } }),
      }),
    );
    await ask(page, QUESTION);
    await waitForState(page, 'error');
    expect(await page.locator('citeqa-ask [role=status]').textContent()).toBe('Too many questions; wait a moment.');
    const retry = page.locator('citeqa-ask button.retry');
    expect(await retry.textContent()).toBe('Try again in 1 s');
    expect(await retry.isDisabled()).toBe(true);
    await expect.poll(() => retry.isDisabled(), { timeout: 5000 }).toBe(false);
    expect(await retry.textContent()).toBe('Try again');
    await page.close();
  });
});
