/**
 * `<citeqa-ask>`: an ask box that shows cited answers from a citeqa Worker.
 *
 *   <script src="https://<worker>/widget.js" defer></script>
 *   <citeqa-ask endpoint="https://<worker>"></citeqa-ask>
 *
 * Attributes: `endpoint` (default: where widget.js was loaded from),
 * `placeholder`, `label`, `k` (answers, 1–10, default 3), `as-you-type`
 * (ask while typing, debounced), `theme` (`light` / `dark`; default follows
 * `prefers-color-scheme`). Method: `ask(question?)`. The host carries
 * `data-state` = idle | loading | answers | empty | error | offline.
 *
 * Corpus and question text only ever become text nodes (see render.ts).
 */
import { el, renderAnswer, type Answer } from './render.js';
import { CSS } from './styles.js';

// Captured while the script runs: later, document.currentScript is another script or null.
const script = document.currentScript as HTMLScriptElement | null;
const DEFAULT_ENDPOINT = script?.src ? new URL('./', script.src).href : location.origin;
const TIMEOUT_MS = 15_000;
const DEBOUNCE_MS = 300;

// Static markup only: no data ever goes through innerHTML.
const TEMPLATE =
  '<form role="search" part="form"><label for="q" part="label"></label><div class="row">' +
  '<input id="q" part="input" type="search" name="q" maxlength="500" autocomplete="off" spellcheck="false" enterkeyhint="search">' +
  '<button part="button" type="submit">Ask</button></div></form>' +
  '<p class="status" part="status" role="status" aria-live="polite"></p><div class="out"></div>';

type State = 'idle' | 'loading' | 'answers' | 'empty' | 'error' | 'offline';

let sheet: CSSStyleSheet | undefined;

class CiteqaAsk extends HTMLElement {
  static observedAttributes = ['placeholder', 'label'];
  private root: ShadowRoot;
  private input: HTMLInputElement;
  private status: HTMLElement;
  private out: HTMLElement;
  /** Rises with every request; a response whose id is not current is dropped. */
  private seq = 0;
  private ctl?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  /** The question of the latest request (what retry re-asks). */
  private last = '';

  constructor() {
    super();
    const root = (this.root = this.attachShadow({ mode: 'open' }));
    // A constructed stylesheet works under a page CSP without 'unsafe-inline'.
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      root.innerHTML = TEMPLATE;
    } else {
      root.innerHTML = `<style>${CSS}</style>` + TEMPLATE;
    }
    this.input = root.querySelector('input')!;
    this.status = root.querySelector('.status')!;
    this.out = root.querySelector('.out')!;
    root.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      this.ask();
    });
    this.input.addEventListener('input', (e) => {
      if (!this.hasAttribute('as-you-type') || this.getAttribute('as-you-type') === 'false' || (e as InputEvent).isComposing) return;
      clearTimeout(this.timer);
      const q = this.input.value.trim();
      if (!q) return this.reset();
      if (q !== this.last) this.timer = setTimeout(() => this.run(q), DEBOUNCE_MS);
    });
    this.sync();
  }

  connectedCallback(): void {
    // Not in the constructor: a custom element may not add attributes there.
    if (!this.dataset.state) this.set('idle', '');
  }

  attributeChangedCallback(): void {
    this.sync();
  }

  disconnectedCallback(): void {
    clearTimeout(this.timer);
    this.ctl?.abort();
  }

  private sync(): void {
    this.input.placeholder = this.getAttribute('placeholder') ?? 'Ask a question';
    this.root.querySelector('label')!.textContent = this.getAttribute('label') ?? 'Ask the documents';
  }

  /** Asks `question` (filling the input), or what the input holds. */
  ask(question?: string): void {
    if (question !== undefined) this.input.value = question;
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (!q) {
      this.reset();
      this.status.textContent = 'Type a question first.';
      this.input.focus();
      return;
    }
    void this.run(q);
  }

  private reset(): void {
    this.seq++;
    this.ctl?.abort();
    this.last = '';
    this.out.replaceChildren();
    this.set('idle', '');
  }

  private set(state: State, message: string): void {
    this.dataset.state = state;
    this.status.textContent = message;
    this.out.setAttribute('aria-busy', String(state === 'loading'));
  }

  private url(q: string): string {
    const k = Math.min(10, Math.max(1, parseInt(this.getAttribute('k') ?? '', 10) || 3));
    const ep = new URL(this.getAttribute('endpoint') || DEFAULT_ENDPOINT, document.baseURI).href.replace(/\/+$/, '');
    return `${ep}/ask?q=${encodeURIComponent(q)}&k=${k}`;
  }

  private async run(q: string): Promise<void> {
    const id = ++this.seq;
    this.ctl?.abort();
    const ctl = (this.ctl = new AbortController());
    const timeout = setTimeout(() => ctl.abort(), TIMEOUT_MS);
    this.last = q;
    this.set('loading', 'Searching…');
    let res: Response;
    let body: any;
    let url = '';
    try {
      url = this.url(q);
      res = await fetch(url, { signal: ctl.signal, headers: { accept: 'application/json' } });
      body = await res.json().catch(() => null);
    } catch {
      if (id === this.seq) this.fail('offline', 'Could not reach the answer service. Check your connection and try again.');
      return;
    } finally {
      clearTimeout(timeout);
    }
    if (id !== this.seq) return; // a newer question owns the screen
    const answers: unknown = body?.answers;
    if (res.ok && Array.isArray(answers)) {
      const list = el('ol');
      list.setAttribute('part', 'answers');
      list.setAttribute('aria-label', 'Answers');
      for (const a of answers) {
        if (!a || typeof a !== 'object') continue;
        const li = renderAnswer(a as Answer, url);
        li.setAttribute('part', 'answer');
        list.append(li);
      }
      const n = list.childElementCount;
      if (n) {
        this.out.replaceChildren(list);
        this.set('answers', n === 1 ? '1 answer' : `${n} answers`);
      } else {
        const hint = el('p', 'hint');
        hint.textContent = 'Try other words, or ask about something these documents cover.';
        this.out.replaceChildren(hint);
        this.set('empty', 'No answer in these documents.');
      }
      return;
    }
    const msg = typeof body?.error?.message === 'string' ? body.error.message : '';
    if (res.status === 429) {
      const after = parseInt(res.headers.get('retry-after') ?? '', 10);
      this.fail('error', msg || 'Too many questions at once.', Math.min(after, 60));
    } else if (res.status >= 400 && res.status < 500) {
      this.out.replaceChildren();
      this.set('error', msg || `The question was refused (HTTP ${res.status}).`);
    } else {
      this.fail('offline', msg || `The answer service had a problem (HTTP ${res.status}). Try again.`);
    }
  }

  /** An error with a retry button that re-asks the last question (after `wait` seconds, if given). */
  private fail(state: State, message: string, wait = 0): void {
    const b = el('button', 'retry');
    b.type = 'button';
    b.setAttribute('part', 'retry');
    b.textContent = 'Try again';
    if (wait > 0) {
      b.disabled = true;
      b.textContent += ` in ${wait} s`;
      setTimeout(() => {
        b.disabled = false;
        b.textContent = 'Try again';
      }, wait * 1000);
    }
    const q = this.last;
    b.addEventListener('click', () => {
      // The button is about to disappear: keep keyboard focus somewhere useful.
      this.input.focus();
      void this.run(q);
    });
    this.out.replaceChildren(b);
    this.set(state, message);
  }
}

if (!customElements.get('citeqa-ask')) customElements.define('citeqa-ask', CiteqaAsk);
