import { Parser } from 'htmlparser2';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { isBoilerplate } from './boilerplate.js';
import type { ParsedDocument, ParsedFile } from './corpus.js';
import { withHeadingPaths, type LeveledSection } from './headings.js';
// WORD_CHAR, a letter or digit: a paragraph without one (an icon, "—") is no paragraph of its own.
import { lastAtOrBefore, splitSentences, WORD_CHAR, type Sentence, type SourceLine } from './sentences.js';

/**
 * Elements whose content a reader never sees as text: code, styles,
 * embedded media and their fallbacks, form controls. Never indexed, never
 * counted. (Not `<form>` itself: ASP.NET pages wrap all their content in one.)
 */
const INVISIBLE = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'audio', 'video', 'picture', 'map', 'select', 'textarea', 'button', 'datalist',
]);
/** Elements that end a paragraph where they open and where they close. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'ul',
  // Cells outside a row (htmlparser2 does not imply the <tr> a browser would): paragraphs of their own.
  'td', 'th',
]);
const HEADING = /^h[1-6]$/;
/** Ancestors inside which a `<header>`, `<footer>` or `<aside>` belongs to the content, not to the page around it. */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
/** A page's chrome: its navigation, banner, footer and side bar (when not inside the content). */
const CHROME = new Set(['header', 'footer', 'aside']);
/** ARIA landmark roles of a page's chrome, wherever they stand ("complementary": outside the content only). */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog']);
/** A heading's own link mark ("Installation¶", Sphinx's and MkDocs's; "#", "§", "🔗"), and zero-width spaces. */
const HEADING_MARK = /\s*[¶§#🔗]+\s*$|\u200b/gu;

/** How the text of one element is treated. */
interface Frame {
  name: string;
  /** Not indexed: invisible (`INVISIBLE`), hidden, or page chrome. */
  skip: boolean;
  /** A `<main>` (or `role="main"`) of a page that has one. */
  main?: boolean;
  /** An `ul`, `ol` or `menu`: it is on the list stack. */
  list?: boolean;
  /** An article, section, aside, nav or main: a header or footer inside it belongs to it. */
  sectioning?: boolean;
  /** A link (`<a href>`). */
  link?: boolean;
  /** A `<thead>`. */
  thead?: boolean;
  /** A table that lays out a code block beside its line numbers (Pygments' `highlighttable`). */
  codeTable?: boolean;
  /** A strip of tabs (`role="tablist"`): its tabs' names head their panels instead of being text. */
  tablist?: boolean;
  /** A tab (`role="tab"`) whose name is being read. */
  tab?: boolean;
  /** A tab's panel (`role="tabpanel"`) headed by its tab's name: the section to go back to after it. */
  panel?: { heading: string; level?: number };
}

/** A table that only lays out a code block and its line numbers: Pygments' (Sphinx, MkDocs) and Python-Markdown's. */
const CODE_TABLE = /(?:^|\s)(?:highlighttable|codehilitetable)(?:\s|$)/;
/** A code block's line numbers, beside or inside it (Pygments' `linenos`, highlight.js' and other gutters): no text of the page. */
const LINE_NUMBERS = /(?:^|\s)(?:linenos|linenodiv|lineno|gutter|hljs-ln-numbers|line-numbers-rows)(?:\s|$)/;

/** An open list. */
interface List {
  ordered: boolean;
  /** The next item's number. */
  next: number;
  items: number;
  /** Whether all its text so far is the text of links: a table of contents, related pages, an index. */
  links: boolean;
  /** Its section, and how many sentences that section had when the list opened. */
  section: LeveledSection;
  from: number;
}

/** What {@link parseHtmlFile} reads besides the text: the page's own title and canonical address. */
interface PageMeta {
  title?: string;
  url?: string;
  /** Whether the page marks its content with `<main>` (or `role="main"`): then only that is indexed. */
  hasMain: boolean;
}

/** Whether `u` is an absolute http(s) URL (a canonical link, the manifest's `baseUrl`). */
export function isHttpUrl(u: unknown): boolean {
  if (typeof u !== 'string') return false;
  try {
    const { protocol } = new URL(u);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether an element is hidden from readers or marked not to be indexed. */
function hiddenBy(attribs: Record<string, string>): boolean {
  return (
    'hidden' in attribs ||
    'data-citeqa-ignore' in attribs ||
    decodeHTMLAttribute(attribs['aria-hidden'] ?? '').trim().toLowerCase() === 'true'
  );
}

/** A trail of links to the pages above this one, by the name nearly every site gives it ("breadcrumbs"). */
const isBreadcrumbs = (attribs: Record<string, string>): boolean =>
  /breadcrumb/i.test(attribs.id ?? '') || /breadcrumb/i.test(attribs.class ?? '') || /breadcrumb/i.test(attribs['aria-label'] ?? '');

const isMain = (name: string, attribs: Record<string, string>): boolean =>
  name === 'main' || decodeHTMLAttribute(attribs.role ?? '').trim().toLowerCase() === 'main';

/**
 * First pass: the page's `<title>`, its canonical URL (`<link rel="canonical">`,
 * else `<meta property="og:url">`, absolute http(s) only) and whether it has a `<main>`.
 */
function pageMeta(text: string): PageMeta {
  const meta: PageMeta = { hasMain: false };
  let inTitle = 0;
  let titleText: string[] = [];
  let ogUrl: string | undefined;
  let foreign = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'svg' || name === 'math') foreign++;
        if (foreign > 0) return;
        if (name === 'title' && meta.title === undefined) inTitle++;
        if (isMain(name, attribs) && !hiddenBy(attribs)) meta.hasMain = true;
        const href = decodeHTMLAttribute(attribs.href ?? '').trim();
        if (name === 'link' && meta.url === undefined && /(^|\s)canonical(\s|$)/i.test(attribs.rel ?? '') && isHttpUrl(href)) meta.url = href;
        const content = decodeHTMLAttribute(attribs.content ?? '').trim();
        if (name === 'meta' && ogUrl === undefined && (attribs.property ?? '').toLowerCase() === 'og:url' && isHttpUrl(content)) ogUrl = content;
      },
      ontext(data) {
        if (inTitle > 0) titleText.push(data);
      },
      onclosetag(name) {
        if (name === 'svg' || name === 'math') foreign = Math.max(0, foreign - 1);
        if (name === 'title' && inTitle > 0) {
          inTitle = 0;
          const t = collapse(decodeHTML(titleText.join(''))).trim();
          if (t !== '') meta.title = t;
          else titleText = [];
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  meta.url ??= ogUrl;
  return meta;
}

/** Runs of HTML white space as one space (the no-break space stays). */
function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, ' ');
}

/** 1-based line of each offset of `text` (lines end at LF, CRLF or CR), by binary search over line starts. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => lastAtOrBefore(starts, offset) + 1;
}

/**
 * Parses an `.html` or `.htm` file as a reader sees the page: the text of
 * its `<main>` (all of `<body>` when it has none), without scripts, styles,
 * form controls (not the form: ASP.NET pages wrap everything in one) and
 * embedded media, without elements marked `hidden`,
 * `aria-hidden="true"` or `data-citeqa-ignore`, without a closed `<dialog>`,
 * without lists and paragraphs of links only (a table of contents, related
 * pages, "Subscribe | Log in"), and without the page's
 * chrome: navigation (`<nav>`), a `<header>`, `<footer>` or `<aside>` that
 * is not inside an article or section, the ARIA landmarks that say the
 * same (`role="navigation"`, `"banner"`, `"dialog"`, …) and a breadcrumb trail (an
 * element whose id, class or label says "breadcrumb"). Headings (`<h1>`–`<h6>`, their
 * "¶" link mark dropped) become
 * the section of the text under them; paragraphs, list items (quoted with
 * "•" or their number, as the page draws them), definitions (with their
 * term: "SLA: Service level agreement."), captions and other blocks are
 * paragraphs, split into sentences;
 * a table row is a sentence of its own (`| cell | cell |`; a header row, of
 * `<th>` cells or in `<thead>`, followed by the delimiter row `| --- | --- |`
 * as in Markdown, so that it is never quoted as the answer), and so is each
 * line of a `<pre>`. Character references read as characters. Each sentence
 * cites the source lines its text sits on.
 *
 * Title: `meta.title` (the manifest's), else the page's `<h1>` when it has
 * one only (a document's several `<h1>` are its sections), else `<title>`,
 * else the first `<h1>`, else the file name; URL: `meta.url`, else the page's
 * canonical link or `og:url`. Paragraphs that are exactly a boilerplate
 * string are dropped and counted, like lines of text.
 */
export function parseHtmlFile(
  source: string,
  text: string,
  meta: { title?: string; url?: string },
  boilerplate: readonly string[],
  fallbackTitle: string,
): ParsedFile {
  const page = pageMeta(text);
  const lineOf = lineLocator(text);
  const drop = new Set(boilerplate.map((b) => b.trim().toLowerCase()));
  let body = readBody(text, page.hasMain, lineOf, drop);
  // A <main> that only hidden or invisible content holds (a template's, a hidden panel's) marks nothing.
  if (page.hasMain && !body.mainRead) body = readBody(text, false, lineOf, drop);
  const { sections, h1s, droppedLines, hiddenElements, linkLists, unclosedComment } = body;
  const warnings: string[] = [];
  if (unclosedComment > 0) {
    const lines = lineOf(text.length) - unclosedComment + 1;
    warnings.push(`${source}:${unclosedComment}: an HTML comment opened here is never closed, so the rest of the file (${lines} lines) is hidden and not indexed`);
  }

  const title = meta.title ?? (h1s.length === 1 ? h1s[0] : undefined) ?? page.title ?? h1s[0] ?? fallbackTitle;
  const doc: ParsedDocument = { id: source, source, title, sections: withHeadingPaths(sections, title) };
  const url = meta.url ?? page.url;
  if (url !== undefined && url !== '') doc.url = url;
  if (doc.sections.length === 0) {
    warnings.push(`${source}: skipped, no text found (the page is empty, hidden or only boilerplate)`);
    return { documents: [], warnings, droppedLines, hiddenElements, linkLists };
  }
  return { documents: [doc], warnings, droppedLines, hiddenElements, linkLists };
}

/** What {@link readBody} read of a page. */
interface Body {
  sections: LeveledSection[];
  /** The `<h1>` headings read: the page's title when there is one only (several are its sections). */
  h1s: string[];
  droppedLines: number;
  hiddenElements: number;
  linkLists: number;
  /** The line where a comment that is never closed opens (0: none). */
  unclosedComment: number;
  /** Whether a `<main>` was entered (with `hasMain`). */
  mainRead: boolean;
}

/** Second pass: the sections of the page's text, reading only its `<main>` when `hasMain`. */
function readBody(text: string, hasMain: boolean, lineOf: (offset: number) => number, drop: ReadonlySet<string>): Body {
  let droppedLines = 0;
  let hiddenElements = 0;
  let linkLists = 0;
  let mainRead = false;
  const h1s: string[] = [];
  const sections: LeveledSection[] = [];
  let current: LeveledSection = { heading: '', sentences: [] };
  const stack: Frame[] = [];
  /** Open lists, innermost last. */
  const lists: List[] = [];
  /** Open links. */
  let links = 0;
  /** Open sectioning elements (`SECTIONING`). */
  let sectioning = 0;
  /** Frames that skip their content (this frame or one above it does). */
  let skipping = 0;
  /** Open `<main>` elements (when the page has one, text outside them is not indexed). */
  let inMain = 0;
  // Text is gathered as lists of pieces, joined once (appending to one string
  // piece by piece can cost quadratic time in V8 on a line of 200,000 "<").
  let paragraph: Array<{ line: number; parts: string[] }> = [];
  /** The marker of the list item whose first text is still to come ("• ", "3. "). */
  let marker = '';
  let heading: string[] | undefined;
  let pre: Map<number, string[]> | undefined;
  /** The table row being read; `header`: every cell so far a `<th>`, or the row in a `<thead>`. */
  let row: { cells: string[]; cell?: string[]; first: number; last: number; header: boolean } | undefined;
  /** Open `<thead>` elements. */
  let thead = 0;
  /** Open code tables ({@link CODE_TABLE}). */
  let codeTables = 0;
  /** Nesting of `<tr>` (a table inside a cell is read as the cell's text). */
  let rowDepth = 0;
  let preDepth = 0;
  /** A definition term (`<dt>`) just closed: its paragraph waits for the definition (`<dd>`) after it. */
  let term = false;
  /** The line where a comment that is never closed opens (0: none). */
  let unclosedComment = 0;
  /** The open strip of tabs' names, in order, the next panel's place among them, and the section they sit in. */
  let tabs: { names: string[]; next: number; outer: { heading: string; level?: number }; level: number } | undefined;
  /** Open `role="tablist"` elements (one is read; one inside it is part of it). */
  let tabDepth = 0;
  /** The name of the tab being read, and its id. */
  let tabName: string[] | undefined;
  let tabId = '';
  /** Each tab's name by its id, for a panel that names its tab (`aria-labelledby`). */
  const tabIds = new Map<string, string>();

  const startSection = (h: string, level?: number): void => {
    flush(true);
    // A heading with a level is kept without text too: it heads the headings under it (withHeadingPaths).
    if (current.sentences.length > 0 || current.level !== undefined) sections.push(current);
    current = level === undefined ? { heading: h, sentences: [] } : { heading: h, sentences: [], level };
  };
  /** Whether the paragraph holds letters or digits outside links. */
  let ownText = false;
  /**
   * A paragraph of symbols only (a callout's "💡" icon), which opens the next
   * paragraph; anything else after it (a heading, a table row, the end: `end`)
   * leaves it a paragraph of its own, so that the order stays.
   */
  let carried: SourceLine[] = [];
  function flush(end = false): void {
    term = false;
    const linksOnly = !ownText && lists.length === 0;
    ownText = false;
    if (paragraph.length === 0 && (!end || carried.length === 0)) return;
    const lines: SourceLine[] = [...carried, ...paragraph.map((l) => ({ line: l.line, text: collapse(l.parts.join('')) }))];
    paragraph = [];
    carried = [];
    const all = lines.map((l) => l.text.trim()).join(' ').trim();
    if (all === '') return;
    if (!end && !WORD_CHAR.test(all)) {
      carried = lines;
      return;
    }
    if (isBoilerplate(all, drop)) {
      droppedLines++;
      return;
    }
    // A paragraph of links only ("Subscribe | Log in", "Share Tweet Email") is a way elsewhere, not text
    // (a list of them is judged as a whole, when it closes).
    if (linksOnly && WORD_CHAR.test(all)) {
      linkLists++;
      return;
    }
    current.sentences.push(...splitSentences(lines));
  }
  const emit = (sentence: Sentence): void => {
    flush(true);
    current.sentences.push(sentence);
  };

  /** Appends text found at `offset` of the source to wherever text goes now. */
  const addText = (piece: string, offset: number): void => {
    const line = lineOf(offset);
    if (row !== undefined) {
      // Text between cells (white space, or stray text, which starts a cell of its own).
      if (row.cell === undefined) {
        if (!/\S/.test(piece)) return;
        row.cell = [];
      }
      row.cell.push(piece);
      if (/\S/.test(piece)) {
        row.first = Math.min(row.first, line);
        row.last = Math.max(row.last, line);
      }
      return;
    }
    if (pre !== undefined) {
      const parts = pre.get(line);
      if (parts === undefined) pre.set(line, [piece]);
      else parts.push(piece);
      return;
    }
    if (heading !== undefined) {
      heading.push(piece);
      return;
    }
    const last = paragraph[paragraph.length - 1];
    if (!/\S/.test(piece)) {
      // White space between words on one line still separates them (runs are collapsed at the end).
      if (last !== undefined && last.line === line) last.parts.push(' ');
      return;
    }
    let t = piece;
    if (marker !== '') {
      t = marker + t.trimStart();
      marker = '';
    }
    if (links === 0 && !ownText && WORD_CHAR.test(piece)) ownText = true;
    if (last !== undefined && last.line === line) last.parts.push(t);
    else paragraph.push({ line, parts: [t] });
  };

  const indexing = (): boolean => skipping === 0 && (!hasMain || inMain > 0);

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1];
        // A page-level header, footer or side bar (inside no article or section) is the page's chrome.
        const role = attribs.role === undefined ? '' : decodeHTMLAttribute(attribs.role).trim().toLowerCase();
        const chrome =
          name === 'nav' ||
          CHROME_ROLES.has(role) ||
          ((CHROME.has(name) || role === 'complementary') && sectioning === 0) ||
          isBreadcrumbs(attribs);
        // A <dialog> is shown only when open (a paywall, a consent prompt).
        const invisible = INVISIBLE.has(name) || (name === 'dialog' && !('open' in attribs)) || LINE_NUMBERS.test(attribs.class ?? '');
        // A tab's panel is hidden until its tab is chosen (Docusaurus' tabs): its text is the page's all the same.
        const skip = (parent?.skip ?? false) || invisible || (hiddenBy(attribs) && role !== 'tabpanel') || chrome;
        const frame: Frame = { name, skip };
        if (SECTIONING.has(name)) {
          frame.sectioning = true;
          sectioning++;
        }
        if (skip && !(parent?.skip ?? false)) {
          skipping++;
          if (!invisible && (!hasMain || inMain > 0)) hiddenElements++;
        }
        stack.push(frame);
        // A tab's name is read even where the tab is a <button>, whose text is otherwise no text of the page.
        if (tabDepth > 0 && role === 'tab' && tabName === undefined) {
          frame.tab = true;
          tabName = [];
          tabId = decodeHTMLAttribute(attribs.id ?? '').trim();
        }
        if (skip) return;
        if (hasMain && isMain(name, attribs)) {
          frame.main = true;
          mainRead = true;
          inMain++;
        }
        if (!indexing()) return;
        if (role === 'tablist' && tabDepth === 0) {
          flush();
          frame.tablist = true;
          tabDepth++;
          tabs = { names: [], next: 0, outer: { heading: current.heading, level: current.level }, level: (current.level ?? 1) + 1 };
          return;
        }
        if (tabDepth > 0) return;
        if (role === 'tabpanel' && tabs !== undefined) {
          const by = decodeHTMLAttribute(attribs['aria-labelledby'] ?? '').trim();
          const name = (by === '' ? undefined : tabIds.get(by)) ?? tabs.names[tabs.next];
          tabs.next++;
          if (name !== undefined && name !== '') {
            frame.panel = tabs.outer;
            startSection(name, tabs.level);
          }
        }
        if (term && name === 'dd') {
          // A definition goes with its term, as the page sets them side by side: "SLA: Service level agreement."
          term = false;
          const last = paragraph[paragraph.length - 1]!;
          const t = last.parts.join('').trimEnd();
          last.parts = [t, /[:.?!]$/.test(t) ? ' ' : ': '];
          return;
        }
        if (name === 'a' && attribs.href !== undefined) {
          frame.link = true;
          links++;
        }
        if (rowDepth > 0) {
          if (name === 'tr') rowDepth++;
          else if ((name === 'td' || name === 'th') && rowDepth === 1) {
            if (row!.cell !== undefined) row!.cells.push(row!.cell.join(''));
            row!.cell = [];
            if (name === 'td' && thead === 0) row!.header = false;
          } else if (row!.cell !== undefined && (BLOCKS.has(name) || name === 'br')) row!.cell.push(' ');
          return;
        }
        if (name === 'thead') {
          frame.thead = true;
          thead++;
        }
        if (name === 'table' && CODE_TABLE.test(attribs.class ?? '')) {
          frame.codeTable = true;
          codeTables++;
        }
        // A code table's cells are blocks: its code keeps its lines.
        if (name === 'tr' && codeTables === 0) {
          flush();
          rowDepth = 1;
          row = { cells: [], first: Infinity, last: -Infinity, header: true };
          return;
        }
        if (preDepth > 0) {
          if (name === 'pre') preDepth++;
          return;
        }
        if (name === 'pre') {
          flush();
          preDepth = 1;
          pre = new Map();
          return;
        }
        if (heading !== undefined) {
          if (name === 'br') heading.push(' ');
          return;
        }
        if (HEADING.test(name)) {
          flush();
          heading = [];
          for (const l of lists) l.links = false;
          return;
        }
        if (name === 'br') {
          addText(' ', parser.startIndex);
          return;
        }
        // A block ends the paragraph; a list item's marker waits for its first text ("<li><p>…").
        if (BLOCKS.has(name)) flush();
        if (name === 'ul' || name === 'ol' || name === 'menu') {
          const start = Number.parseInt(decodeHTMLAttribute(attribs.start ?? ''), 10);
          frame.list = true;
          const from = current.sentences.length;
          lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1, items: 0, links: true, section: current, from });
        }
        if (name === 'li') {
          const list = lists[lists.length - 1];
          if (list !== undefined) list.items++;
          if (list?.ordered) {
            const value = Number.parseInt(decodeHTMLAttribute(attribs.value ?? ''), 10);
            if (Number.isFinite(value)) list.next = value;
            marker = `${list.next}. `;
            list.next++;
          } else marker = lists.length > 1 ? '◦ ' : '• ';
        }
      },
      ontext(data) {
        if (tabName !== undefined) {
          tabName.push(decodeHTML(data));
          return;
        }
        if (!indexing() || tabDepth > 0) return;
        if (links === 0 && lists.length > 0 && /\S/.test(data)) for (const l of lists) l.links = false;
        // Each source line of the text on its own, so that sentences cite the lines they sit on.
        let offset = parser.startIndex;
        for (const part of data.split(/(\r\n|\n|\r)/)) {
          if (part === '\n' || part === '\r\n' || part === '\r') {
            if (pre === undefined) addText(' ', offset);
          } else if (part !== '') addText(decodeHTML(part), offset);
          offset += part.length;
        }
      },
      oncomment() {
        // A comment that runs to the end of the file hides the rest of it: say so, like Markdown does.
        if (parser.endIndex >= text.length - 1 && !/--!?>\s*$/.test(text)) unclosedComment = lineOf(parser.startIndex);
      },
      onclosetag(name) {
        // htmlparser2 closes each element it opened, innermost first (implied ones too).
        const frame = stack.pop();
        if (frame === undefined) return;
        if (frame.sectioning) sectioning--;
        if (frame.link) links--;
        if (frame.thead) thead--;
        if (frame.codeTable) codeTables--;
        if (frame.tab) {
          const name = collapse(tabName!.join('')).trim();
          tabs!.names.push(name);
          if (tabId !== '') tabIds.set(tabId, name);
          tabName = undefined;
        }
        if (frame.tablist) tabDepth--;
        // After a tab's panel, the text goes on under the heading the tabs sit under.
        if (frame.panel !== undefined) startSection(frame.panel.heading, frame.panel.level);
        if (frame.list) {
          // A list of links only is a way to other places (a table of contents, related pages, an
          // index): the words are the headings' or other pages', and no link text answers a question.
          flush();
          const list = lists.pop()!;
          if (list.links && list.items >= 2 && current === list.section && current.sentences.length > list.from) {
            current.sentences.splice(list.from);
            if (!(lists[lists.length - 1]?.links ?? false)) linkLists++;
          }
        }
        if (frame.skip) {
          if (!(stack[stack.length - 1]?.skip ?? false)) skipping--;
          return;
        }
        const wasIndexing = indexing();
        if (frame.main) inMain--;
        if (!wasIndexing) return;
        if (rowDepth > 0) {
          if (name === 'tr') {
            rowDepth--;
            if (rowDepth === 0) {
              const r = row!;
              row = undefined;
              if (r.cell !== undefined) r.cells.push(r.cell.join(''));
              const cells = r.cells.map((c) => collapse(c).trim());
              if (cells.some((c) => c !== '')) {
                emit({ text: `| ${cells.join(' | ')} |`, lines: [r.first, r.last], newLine: true });
                // A header row is followed by the delimiter row a Markdown table has, so that it
                // reads as a header: never quoted as the answer, as in Markdown (search.ts).
                if (r.header) emit({ text: `| ${cells.map(() => '---').join(' | ')} |`, lines: [r.last, r.last], newLine: true });
              }
            }
          } else if (row!.cell !== undefined && BLOCKS.has(name)) row!.cell.push(' ');
          return;
        }
        if (preDepth > 0) {
          if (name !== 'pre') return;
          preDepth--;
          if (preDepth > 0) return;
          const lines = [...pre!.entries()].sort((a, b) => a[0] - b[0]);
          pre = undefined;
          for (const [line, parts] of lines) {
            const t = parts.join('').trim();
            if (t !== '') emit({ text: t, lines: [line, line], newLine: true });
          }
          return;
        }
        if (heading !== undefined) {
          if (!HEADING.test(name)) return;
          const h = collapse(heading.join('').replace(HEADING_MARK, '')).trim();
          heading = undefined;
          if (h === '') return;
          if (name === 'h1') h1s.push(h);
          startSection(h, Number(name.charAt(1)));
          return;
        }
        if (BLOCKS.has(name)) {
          marker = '';
          // An FAQ's question in a disclosure or a definition list ("<summary>Can I renew online?</summary>",
          // "<dt>Are there late fees?</dt>") heads its answer, as a heading would.
          if ((name === 'summary' || name === 'dt') && row === undefined && pre === undefined) {
            const question = collapse(paragraph.map((l) => l.parts.join('')).join(' ')).trim();
            if (question.length <= 300 && question.endsWith('?') && WORD_CHAR.test(question)) {
              paragraph = [];
              ownText = false;
              startSection(question);
              return;
            }
          }
          if (name === 'dt' && paragraph.length > 0) term = true;
          else flush();
        }
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  flush(true);
  startSection('');
  return { sections, h1s, droppedLines, hiddenElements, linkLists, unclosedComment, mainRead };
}
