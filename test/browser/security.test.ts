/**
 * XSS: corpus text, titles and URLs with markup (test/browser/corpus/markup.txt
 * and its manifest entry; escaped.html, whose character references decode to
 * markup), and a question with markup, reach the page only as text. The embedding page has no CSP, so anything injected would run.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ask, embedPage, launchBrowser, startPageServer, waitForState, watchPage, widgetReady } from './helpers.js';

const base = inject('baseUrl');
const MARKUP_QUESTION = `<img src=x onerror="window.__xss='question'"><script>window.__xss='q2'</script> zanzibar gadget onerror`;

let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let pages: Awaited<ReturnType<typeof startPageServer>>;

beforeAll(async () => {
  ({ context, close: closeBrowser } = await launchBrowser());
  pages = await startPageServer({ '/embed': embedPage(`${base}/widget.js`, `endpoint="${base}"`) });
});

afterAll(async () => {
  await closeBrowser?.();
  await pages?.close();
});

/** Elements that would mean markup from data was parsed, anywhere in the page or the widget. */
function injected(page: Page): Promise<{ xss: unknown; tags: string[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('citeqa-ask')!.shadowRoot!;
    const tags = [...document.querySelectorAll('img, iframe, object, embed, b'), ...root.querySelectorAll('img, script, iframe, object, embed, b, a[href^="javascript"]')].map(
      (e) => e.outerHTML,
    );
    // The only script in the document is the widget's own.
    if (document.scripts.length !== 1) tags.push(`${document.scripts.length} scripts`);
    return { xss: (window as unknown as { __xss?: unknown }).__xss, tags };
  });
}

describe('markup in corpus and question text', () => {
  it('renders a passage, title and question containing markup as text and runs nothing', async () => {
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${pages.origin}/embed`);
    await widgetReady(page);
    await ask(page, MARKUP_QUESTION);
    await waitForState(page, 'answers');
    await page.waitForTimeout(300); // give any injected onerror handler time to fire

    const li = page.locator('citeqa-ask li').first();
    const passage = await li.locator('blockquote').textContent();
    expect(passage).toContain(`<img src=x onerror="window.__xss='passage'">`);
    expect(passage).toContain(`<script>window.__xss='script'</script>`);
    expect(passage).toContain('&amp; entities &lt;b&gt;');
    expect(await li.locator('strong.answer').textContent()).toContain('<img src=x onerror=');
    // The title is shown literally; its javascript: URL does not become a link.
    expect(await li.locator('cite').textContent()).toBe(`<b>Markup</b> in a title <img src=x onerror="window.__xss='title'">`);
    // So is the (plain-text, underlined) heading the passage sits under.
    expect(await li.locator('.section').textContent()).toBe(`<i>Section</i> heading <img src=x onerror="window.__xss='section'">`);
    expect(await li.locator('a').count()).toBe(0);
    // The question stays text in the input.
    expect(await page.locator('citeqa-ask input').inputValue()).toBe(MARKUP_QUESTION);

    expect(await injected(page)).toEqual({ xss: undefined, tags: [] });
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('shows the text of an HTML page whose character references spell markup as text', async () => {
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${pages.origin}/embed`);
    await widgetReady(page);
    await ask(page, 'What does the wombat widget quote?');
    await waitForState(page, 'answers');
    await page.waitForTimeout(300);

    const li = page.locator('citeqa-ask li').first();
    expect(await li.locator('blockquote').textContent()).toContain(`quotes <img src=x onerror="window.__xss='html'"> from an HTML page as text`);
    expect(await li.locator('blockquote').textContent()).toContain('Its bold words arrive as plain words.');
    expect(await li.locator('cite').textContent()).toBe('The wombat <i>sanitiser</i> page');
    expect(await injected(page)).toEqual({ xss: undefined, tags: [] });
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('keeps a markup-only question that finds nothing as text too', async () => {
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${pages.origin}/embed`);
    await widgetReady(page);
    await ask(page, `<svg onload="window.__xss='svg'"></svg><img src=x onerror=alert(1)>`);
    await page.locator('citeqa-ask:is([data-state=answers],[data-state=empty],[data-state=error])').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    expect(await injected(page)).toEqual({ xss: undefined, tags: [] });
    expect(seen.dialogs).toEqual([]);
    await page.close();
  });
});
