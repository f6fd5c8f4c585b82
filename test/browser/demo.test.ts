/**
 * The demo page at `/` (served by the Worker under its CSP), keyboard-only use,
 * narrow layouts, and screenshots at desktop and phone widths.
 * Screenshots go to test-results/screenshots/, or to docs/screenshots/ with
 * CITEQA_SCREENSHOTS=docs (`npm run screenshots`).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOT_DIR, ask, launchBrowser, waitForState, watchPage, widgetReady } from './helpers.js';

const base = inject('baseUrl');

let context: BrowserContext;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ({ context, close: closeBrowser } = await launchBrowser());
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await closeBrowser?.();
});

async function demo(width = 1280, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; seen: ReturnType<typeof watchPage> }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 812 : 900 });
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  const seen = watchPage(page);
  // Count CSP violations as the page reports them.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}/`);
  await widgetReady(page);
  return { page, seen };
}

/** Style of the element that has keyboard focus, looking inside the widget's shadow root. */
function focused(page: Page): Promise<{ tag: string; text: string; outline: string; inWidget: boolean }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    let inWidget = false;
    while (el?.shadowRoot?.activeElement) {
      el = el.shadowRoot.activeElement;
      inWidget = true;
    }
    const cs = getComputedStyle(el!);
    return { tag: el!.localName, text: (el!.textContent ?? '').trim(), outline: `${cs.outlineStyle} ${cs.outlineWidth}`, inWidget };
  });
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('the demo page', () => {
  it('serves the page with a CSP, the widget, examples, the escaped snippet and the API link', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const { page, seen } = await demo();
    expect(await page.locator('h1').textContent()).toBe('citeqa');
    // The snippet is shown as text, with this Worker's URL in it.
    expect(await page.locator('#snippet').textContent()).toBe(
      `<script src="${base}/widget.js" defer></script>\n<citeqa-ask endpoint="${base}"></citeqa-ask>`,
    );
    const api = page.locator('a[href="/openapi.json"]');
    expect(await api.count()).toBe(1);
    expect((await fetch(`${base}/openapi.json`)).status).toBe(200);
    const widget = await fetch(`${base}/widget.js`);
    expect(widget.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(widget.headers.get('access-control-allow-origin')).toBe('*');
    // An example question fills the widget and asks it.
    const example = page.locator('button[data-q]').first();
    const q = (await example.getAttribute('data-q'))!;
    await example.click();
    await waitForState(page, 'answers');
    expect(await page.locator('citeqa-ask input').inputValue()).toBe(q);
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard alone, with visible focus', async () => {
    const { page, seen } = await demo();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'input', inWidget: true, outline: 'solid 3px' });
    await page.keyboard.type('Who founded Scale?');
    await page.keyboard.press('Enter');
    await waitForState(page, 'answers');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: 'Ask', inWidget: true, outline: 'solid 3px' });
    await page.keyboard.press('Tab');
    // Next stop: the first answer's citation link.
    const link = await focused(page);
    expect(link).toMatchObject({ tag: 'a', text: "Meta's Avocado models and the Scale AI deal", inWidget: true, outline: 'solid 3px' });
    // Tab on past the answers to the first example question and ask it with Enter.
    for (let i = 0; i < 10 && (await focused(page)).inWidget; i++) await page.keyboard.press('Tab');
    const example = await focused(page);
    expect(example).toMatchObject({ tag: 'button', inWidget: false, outline: 'solid 3px' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('citeqa-ask input').inputValue()).toBe(example.text);
    await waitForState(page, 'answers');
    // Shift+Tab back into the widget reaches the input again.
    await page.locator('citeqa-ask input').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('What is the capital of Mongolia?');
    await page.keyboard.press('Enter');
    await waitForState(page, 'empty');
    expect(seen.errors).toEqual([]);
    await page.close();
  });

  it('fits 320 px and 375 px wide screens', async () => {
    for (const width of [320, 375]) {
      const { page } = await demo(width);
      await ask(page, 'When was Avocado originally planned to be released?');
      await waitForState(page, 'answers');
      await noHorizontalScroll(page);
      const box = await page.locator('citeqa-ask').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      const button = await page.locator('citeqa-ask button[type=submit]').boundingBox();
      expect(button!.x + button!.width).toBeLessThanOrEqual(box!.x + box!.width);
      await page.close();
    }
  });

  it('takes screenshots at desktop and phone widths, light and dark', async () => {
    const shots: [string, number, 'light' | 'dark'][] = [
      ['demo-desktop.png', 1280, 'light'],
      ['demo-desktop-dark.png', 1280, 'dark'],
      ['demo-375.png', 375, 'light'],
    ];
    for (const [file, width, scheme] of shots) {
      const { page, seen } = await demo(width, scheme);
      await ask(page, 'When was Avocado originally planned to be released?');
      await waitForState(page, 'answers');
      await page.locator('citeqa-ask input').blur();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, file) });
      expect(seen.errors).toEqual([]);
      await page.close();
    }
    // The states other than answers, in one narrow shot each.
    const { page } = await demo(375);
    await ask(page, 'What is the capital of Mongolia?');
    await waitForState(page, 'empty');
    await page.locator('citeqa-ask').screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-no-answer-375.png') });
    await page.evaluate(() => document.querySelector('citeqa-ask')!.setAttribute('endpoint', 'http://127.0.0.1:9'));
    await ask(page, 'Who is Alexandr Wang?');
    await waitForState(page, 'offline');
    await page.locator('citeqa-ask').screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-offline-375.png') });
    await page.close();
  });
});
