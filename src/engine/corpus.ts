import { decodeHTMLStrict } from 'entities';
import { isBoilerplate } from './boilerplate.js';
import { STOP_WORDS } from './stopwords.js';
import { parseHtmlFile } from './html.js';
import { withHeadingPaths, type LeveledSection } from './headings.js';
import { COLUMN_GAP, LABEL_LINE, splitSentences, type Sentence, type SourceLine } from './sentences.js';

/**
 * Lines dropped from `.txt` and `.md` documents when their whole trimmed text
 * equals one of these, case-insensitively: page furniture that scrapers leave
 * behind. Replace the list with `"boilerplate": [...]` in `corpus/manifest.json`.
 */
export const DEFAULT_BOILERPLATE: readonly string[] = [
  'advertisement',
  'advertisements',
  'advertising',
  'sponsored',
  'sponsored content',
  'story continues below advertisement',
  'article continues below advertisement',
  'skip to content',
  'skip to main content',
  'share this article',
  'read more',
  // Page furniture of documentation sites and help centres.
  'edit this page',
  'edit on github',
  'back to top',
  'on this page',
  'table of contents',
  'was this page helpful?',
  'was this article helpful?',
  'print this page',
  'return to top',
  'submit a request',
  'have more questions? submit a request',
];

/** What `corpus/manifest.json` may say about the corpus. */
export interface Manifest {
  /** Lines to drop as boilerplate; replaces {@link DEFAULT_BOILERPLATE}. */
  boilerplate?: string[];
  /** Per-file metadata, keyed by path relative to the corpus folder. */
  documents?: Record<string, { title?: string; url?: string }>;
  /** Example questions the demo page offers (at most {@link MAX_EXAMPLES}, each 1 to {@link MAX_EXAMPLE_CHARS} characters). */
  examples?: string[];
  /** Groups of single words to match as one another (synonyms.ts): `[["leave", "vacation", "holiday"]]`. */
  synonyms?: string[][];
  /**
   * Where the corpus folder is published (an absolute http(s) URL): a file
   * with no URL of its own is cited at this address plus its path
   * ({@link publishedUrl}).
   */
  baseUrl?: string;
}

/**
 * The address of the file at `relPath` (from the corpus folder) under
 * `baseUrl`: each path segment percent-encoded, and an `index.html` as its
 * folder (`guide/index.html` → `…/guide/`), as static sites serve it.
 */
export function publishedUrl(baseUrl: string, relPath: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const path = relPath.replace(/(^|\/)index\.html?$/i, '$1');
  return new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;
}

/** At most this many example questions in a manifest. */
export const MAX_EXAMPLES = 8;
/** An example question is at most this long (the longest question `/ask` takes is longer). */
export const MAX_EXAMPLE_CHARS = 200;

/** A run of sentences under one heading. */
export interface Section {
  /** Heading text ("" before the first heading, or in plain text). */
  heading: string;
  sentences: Sentence[];
}

/** A document ready to be cut into passages. */
export interface ParsedDocument {
  /** Record id for `.jsonl` records; the source path otherwise. */
  id: string;
  /** Repo-relative path of the source file, e.g. `corpus/article.txt`. */
  source: string;
  title: string;
  url?: string;
  sections: Section[];
}

/** The result of parsing one file: its documents and what was left out, by name. */
export interface ParsedFile {
  documents: ParsedDocument[];
  /** Human-readable notes of what was skipped or dropped, naming file and line. */
  warnings: string[];
  /** Number of boilerplate lines dropped. */
  droppedLines: number;
  /** Markdown lines dropped because an HTML comment hides them (`<!-- … -->`, not shown when rendered). */
  commentLines?: number;
  /** `.jsonl` records skipped (each has a warning). */
  skippedRecords?: number;
  /** HTML elements not indexed because the page hides them or they are its chrome (navigation, banner, footer). */
  hiddenElements?: number;
  /** Lists of links only not indexed (a table of contents, related pages; in HTML also a paragraph of links only). */
  linkLists?: number;
}

/**
 * `line` without its HTML comments (`<!-- … -->`), given whether a comment
 * is open where it starts; and whether one is still open where it ends.
 */
function withoutComments(line: string, open: boolean): { text: string; open: boolean } {
  let text = '';
  let i = 0;
  while (i < line.length) {
    if (open) {
      const end = line.indexOf('-->', i);
      if (end < 0) return { text, open };
      i = end + 3;
      open = false;
      continue;
    }
    const start = line.indexOf('<!--', i);
    if (start < 0) {
      text += line.slice(i);
      break;
    }
    text += line.slice(i, start);
    i = start + 4;
    open = true;
  }
  return { text, open };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FRONT_MATTER_FENCE = /^---\s*$/;
const FRONT_MATTER_KEY = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
/** A Markdown bullet ("-", "*", "+") and the indentation before it. */
const NESTED_BULLET = /^(\s*)[-*+](?=\s)/;
/** The bullets of plain text: "•", "–", "-", … */
const TEXT_BULLETS = '[•◦▪‣●○■□–*+-]';
/** A plain-text bullet and the indentation before it. */
const NESTED_TEXT_BULLET = new RegExp(`^(\\s*)${TEXT_BULLETS}(?=\\s)`);

/** The width of a line's indentation, a tab counted as four spaces. */
function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4;
    else break;
  }
  return n;
}

/** A bulleted line of plain text: "• IT problems: the IT desk", "- Dark mode". */
const TEXT_BULLET = new RegExp(`^\\s*${TEXT_BULLETS}\\s+`);
const FENCE = /^\s*(```|~~~)/;
/** An HTML tag in Markdown: `<kbd>`, `</summary>`, `<img src="x" alt="y">` (not an autolink, `<https://…>`). */
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
/** Line break, block and table cell tags (`<br>`, `</td><td>`, `<div>`, …), one or more: they separate the words around them. */
const HTML_BREAK = /(?:<(?:br\s*\/?|\/?(?:td|th|tr|table|thead|tbody|tfoot|caption|p|div|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|section|article|header|footer|aside|nav|details|summary|figure|figcaption|hr|pre)(?:\s[^<>]*)?\/?)>\s*)+/gi;
/** One space for a run of {@link HTML_BREAK} tags, none after white space. */
const breakSpace = (_: string, offset: number, line: string): string => (offset > 0 && /\s/.test(line[offset - 1]!) ? '' : ' ');
/** An autolink, shown as its address: `<https://example.org>`, `<help@example.org>`. */
const AUTOLINK = /<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)|(?:[^<>\s@]+@[^<>\s@]+))>/g;
// Link and image parts are bounded in length, so that a line of thousands
// of "[" costs linear time, not quadratic (a longer link stays as written).
/** A Markdown image, `![alt](src)` or `![alt][ref]`: the page shows the picture, not its text. */
const IMAGE = /!\[[^\]]{0,500}\](?:\([^)]{0,2000}\)|\[[^\]]{0,500}\])/g;
/** A Markdown link, shown as its text: `[text](url "title")`, `[text][ref]`, `[text][]`; one whose text was only an image (a badge), as nothing. */
const LINK = /\[([^\]]{0,500})\](?:\((?:<[^>]{0,2000}>|[^()\s]{0,2000})(?:\s+(?:"[^"]{0,500}"|'[^']{0,500}'|\([^)]{0,500}\)))?\s*\)|\[[^\]]{0,500}\])/g;
/** A link reference definition, `[faq]: https://example.org/faq`, which the page does not show. */
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(?:<[^>]*>|\S+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
/** The mark of a Markdown definition under its term: ": " at the start of the line. */
const DEFINITION = /^ {0,3}:[ \t]+(?=\S)/;
/** A code span, whose text stays as written: `` `<div>` ``. */
const CODE_SPAN = /(`+[^`]*`+)/;
/**
 * `text` with its character references as the characters the page shows:
 * every HTML5 named reference and numeric one that ends in ";", as
 * CommonMark reads them (the `entities` package, which also reads HTML
 * pages); unknown ones as written. A soft hyphen (`&shy;`) is left out, so
 * that "hy&shy;phen" stays one word.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTMLStrict(text.replaceAll('&shy;', ''));
}

/**
 * A Markdown line as the rendered page shows its words: links as their
 * text ("[installation guide](https://…)" is "installation guide"),
 * autolinks as their address, and no images, HTML tags ("<summary>How do I
 * reset it?</summary>" is the question, "<kbd>Ctrl</kbd>" is "Ctrl") or link
 * reference definitions, and character references as their characters
 * ("&amp;" is "&"); a code span stays as written.
 */
function renderedText(line: string): string {
  if (LINK_DEFINITION.test(line)) return '';
  if (!line.includes('<') && !line.includes('[') && !line.includes('&')) return line;
  return line
    .split(CODE_SPAN)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : decodeEntities(part.replace(IMAGE, '').replace(LINK, '$1').replace(AUTOLINK, '$1').replace(HTML_BREAK, breakSpace).replace(HTML_TAG, '')),
    )
    .join('');
}

/** A Markdown list item that is one link and nothing else: `- [Installation](#installation)`, `1. <https://…>`. */
const LINK_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[^\]]{1,500}\](?:\([^)]{0,2000}\)|\[[^\]]{0,500}\])|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>)\s*$/;

/**
 * A Markdown line of links (or linked images) only, with separators between
 * them: "[Website](…) | [Docs](…)", a README's row of badges (images taken
 * out first). Each part is bounded and the separator unambiguous, so a
 * failing line costs linear time.
 */
const LINK_LINE = /^\s*(?:(?:\[[^\]]{0,500}\](?:\([^)]{0,2000}\)|\[[^\]]{0,500}\])|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>)(?:\s*[|·•/,–—-])?\s*)+$/;

/**
 * The lines (0-based) of Markdown lists of two or more items that are each
 * one link only (blank lines between them allowed; code fences skipped): a
 * table of contents ("- [Installation](#installation)") or a list of
 * related pages. Their words are the headings' or other pages' titles, and
 * "- Deploying to Netlify" answered "How do I deploy to Netlify?" before
 * the section that says how. Also a paragraph that is one line of links
 * only ({@link LINK_LINE}: a navigation line, a row of badges).
 */
function linkListLines(lines: readonly string[], from: number): { lines: Set<number>; lists: number } {
  const out = new Set<number>();
  let lists = 0;
  let inFence = false;
  let run: number[] = [];
  const end = (): void => {
    if (run.length >= 2) {
      for (const n of run) out.add(n);
      lists++;
    }
    run = [];
  };
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      end();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (LINK_ITEM.test(line)) run.push(i);
    else if (line.trim() !== '') {
      end();
      const alone = (i === from || lines[i - 1]!.trim() === '') && (i + 1 >= lines.length || lines[i + 1]!.trim() === '');
      if (alone && /[[<]/.test(line) && LINK_LINE.test(line.replace(IMAGE, ''))) {
        out.add(i);
        lists++;
      }
    }
  }
  end();
  return { lines: out, lists };
}

/** A Markdown table row: `| cell | cell |` (the separator row `|---|---|` included). */
const TABLE_ROW = /^\s*\|/;
/** A setext heading's underline (`=====` for level 1, `-----` for level 2), in Markdown and plain text. */
const UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
/** A line that only separates: Markdown's thematic break (`---`, `* * *`, `___`), or a plain-text rule (`~~~~~`, `#####`). */
const RULE = /^ {0,3}([-*_=~#])(?:\s*\1){2,}\s*$/;
/** The end of a line that closes a sentence or leads into a list: no heading ends so. */
const SENTENCE_END = /[.!?:;,]["'”’)\]]*$/;
/** A section number before a heading's words: "1.", "2.3", "A)", "IV.". */
const HEADING_NUMBER = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Z][.)]|[IVXLC]{1,5}[.)])\s+/;
/** An email header line: a field's name, a colon and its value ("From: Lena Ortiz", "Message-Id: <…>", "X-Mailer: …"). */
const EMAIL_FIELD = /^\s*[A-Za-z][A-Za-z0-9-]*:\s+\S/;
/** The header line that says who wrote to whom, or when. */
const EMAIL_SENDER = /^\s*(?:From|To|Cc|Date|Sent)\s*:/i;
/** A mailbox file's line that opens a message: "From rms@gnu.org Thu Jul 22 20:37:55 1999". */
const MBOX_FROM = /^From \S+@\S+ /;
/** The subject in an email header line ("Subject: Re: Office move next week" → "Re: Office move next week"). */
const EMAIL_SUBJECT = /^\s*Subject\s*:\s+(\S.*)$/i;
/** A header field's continuation, indented onto the next line. */
const FOLDED_FIELD = /^[ \t]+\S/;

/**
 * The subject line, and the subject, of a paragraph that is an email's header (plain text: a
 * saved message or thread, a reply's quoted header): two lines or more, each
 * a field ({@link EMAIL_FIELD}) or a field's indented continuation, after a
 * mailbox's "From " line if any, one of them the subject and one a sender,
 * recipient or date; undefined otherwise (a certificate's "Subject: CN=…"
 * among "Subject Public Key Info:" lines is none).
 */
function emailSubject(paragraph: readonly SourceLine[]): { line: SourceLine; subject: string } | undefined {
  if (paragraph.length < 2 || !paragraph.some((l) => EMAIL_SENDER.test(l.text))) return undefined;
  // A saved mailbox's "From rms@gnu.org Thu Jul 22 1999" line may open it, and a long field goes on over indented lines.
  const field = (l: SourceLine, k: number): boolean => EMAIL_FIELD.test(l.text) || (k > 0 && FOLDED_FIELD.test(l.text)) || (k === 0 && MBOX_FROM.test(l.text));
  if (!paragraph.every(field)) return undefined;
  const subject = fieldValue(paragraph, EMAIL_SUBJECT);
  return subject === undefined ? undefined : { line: subject.line, subject: subject.value };
}

/** The first line of `paragraph` that `field` matches, and the value it captures (group 1); undefined for none. */
function fieldValue(paragraph: readonly SourceLine[], field: RegExp): { line: SourceLine; value: string } | undefined {
  for (const line of paragraph) {
    const m = field.exec(line.text);
    if (m !== null) return { line, value: m[1]! };
  }
  return undefined;
}

/** A label line that gives a file's title: "Title: …", a forum thread's "Thread: …" or "Topic: …". */
const TITLE_FIELD = /^\s*(?:Title|Thread|Topic)\s*:\s+(\S.*)$/i;

/**
 * The title line, and the title, of a paragraph of label lines
 * ({@link LABEL_LINE}: "Forum: Baking > Bread", "Last updated: 3 March")
 * one of which is a {@link TITLE_FIELD}; undefined otherwise.
 */
function fieldTitle(paragraph: readonly SourceLine[]): { line: SourceLine; title: string } | undefined {
  if (!paragraph.every((l) => LABEL_LINE.test(l.text))) return undefined;
  const title = fieldValue(paragraph, TITLE_FIELD);
  return title === undefined ? undefined : { line: title.line, title: headingOf(title.value) };
}

/**
 * A line that asks an FAQ's question after a "Q:" label ("Q: When is
 * payday?", "**Question:** How do I …?", "Q. My laptop was stolen."): its
 * text is one sentence, or ends with "?" (not "**Q: How?** A: Yes.", which
 * answers on the same line).
 */
const FAQ_QUESTION = /^\s*[*_]{0,3}(?:Q|Question|QUESTION)[*_]{0,3}\s*[:.][*_]{0,3}\s+(.{1,300}?[?.!])[*_]{0,3}\s*$/;
/** A sentence end inside a line: "." "?" or "!" (and emphasis) before a space. */
const INNER_SENTENCE_END = /[.?!][*_]{0,3}\s/;
/** An FAQ answer's label ("A:", "**Answer:**"), read only on the line after the question. */
const FAQ_ANSWER = /^\s*[*_]{0,3}(?:A|Answer|ANSWER)[*_]{0,3}\s*[:.][*_]{0,3}\s+(?=\S)/;

/** A Markdown line that is a question in emphasis alone: "**How do I change my email address?**". */
const EMPHASISED_QUESTION = /^\s*(\*\*|__|\*|_)(?=\S)[^\n]{0,300}\?\1\s*$/;
/** A Markdown line that is a `<summary>` whose text is a question (GitHub's collapsible FAQ). */
const SUMMARY_QUESTION = /^\s*(?:<details[^>]*>\s*)?<summary[^>]*>[^<>\n]{1,300}\?\s*<\/summary>\s*$/i;
/** Emphasis marks around a whole line: "**Q: How do I cancel?**" → "Q: How do I cancel?". */
const AROUND_EMPHASIS = /^(\*\*|__|\*|_)(?=\S)(.*\S)\1$/;

/** A question on a line of its own, without a label: from a capital or digit to "?", at most 200 characters. */
const BARE_QUESTION = /^\s*[\p{Lu}\p{N}][^\n]{0,198}\?\s*$/u;

/**
 * Whether `line` is an FAQ's question without a label ({@link BARE_QUESTION}):
 * one sentence, so that a post that ends by asking ("Phew. So what do I do
 * with it? Stir it in or pour it off?") is none.
 */
function isBareQuestion(line: string): boolean {
  return BARE_QUESTION.test(line) && !INNER_SENTENCE_END.test(line.trim());
}

/**
 * Whether plain text is laid out as an FAQ without labels: at least two
 * paragraphs open with a line that is a question ({@link isBareQuestion})
 * and have more text after it ("When is payday?" / "Salaries are paid …").
 * One such paragraph is a rhetorical question in prose, not an FAQ.
 */
function isBareFaq(lines: readonly string[], from: number): boolean {
  let found = 0;
  for (let i = from; i < lines.length; i++) {
    const starts = i === from || lines[i - 1]!.trim() === '';
    if (!starts || !isBareQuestion(lines[i]!) || TEXT_BULLET.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (j < lines.length && !BARE_QUESTION.test(lines[j]!) && ++found >= 2) return true;
  }
  return false;
}

/** Whether a line is an FAQ's question after a "Q:" label, which heads its answer. */
function isFaqQuestion(line: string): boolean {
  const m = FAQ_QUESTION.exec(line);
  return m !== null && (m[1]!.endsWith('?') || !INNER_SENTENCE_END.test(m[1]!));
}

/** A plain-text line that opens with a number and "." or ")": an item of a numbered list, when its neighbours are too. */
const NUMBERED_LINE = /^\s*(?:(\d{1,3})[.)]|((?:\d{1,3}\.){1,3})(\d{1,3})[.)]?)\s+\S/;
/** A plain-text line that opens with a letter or a small roman numeral in brackets, "(a)", "b)", "(iv)": a contract's sub-clause, when its neighbours are too. */
const LETTERED_LINE = /^\s*\(?([a-z]|[ivx]{1,4})\)\s+\S/;
/** The small roman numerals, in order, for sub-clauses numbered "(i)", "(ii)", … */
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/**
 * The place of a sub-clause's letter or roman numeral in its sequence, and
 * which sequence: "b" is the second letter, "iv" the fourth numeral. A
 * one-letter numeral ("i", "v", "x") right after the letter before it is
 * that letter ("(i)" after "(h)").
 */
function letteredNumber(label: string, previous: string): { n: number; prefix: string } {
  const roman = ROMAN.indexOf(label);
  if (roman >= 0 && !(label.length === 1 && previous.length === 1 && label.charCodeAt(0) === previous.charCodeAt(0) + 1)) return { n: roman + 1, prefix: '(roman)' };
  return label.length === 1 ? { n: label.charCodeAt(0) - 0x60, prefix: '(letter)' } : { n: -1, prefix: '' };
}
const NO_LINES: ReadonlySet<number> = new Set();

/**
 * The lines of plain text that open the items of a numbered list: two or
 * more lines numbered one after the other ("1. Open Settings" / "2. Click
 * Reset", or lettered: a contract's "(a)" / "(b)", "(i)" / "(ii)"), with at
 * most indented lines (an item wrapped onto the next line) between them.
 * Numbered headings, which text or a blank line separates ("1. Purpose" …
 * "2. Booking"), and a line of wrapped prose that happens to open with a
 * number ("2019. The …") are not items.
 */
function numberedItems(lines: readonly string[], from: number): ReadonlySet<number> {
  const items = new Set<number>();
  let last = -1;
  let lastNumber = 0;
  let lastPrefix = '';
  let lastLabel = '';
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const m = NUMBERED_LINE.exec(line);
    const l = m === null ? LETTERED_LINE.exec(line) : null;
    if (m !== null || l !== null) {
      // "2." after "1."; a clause "6.2" after "6.1" (the same parts before its last); "(b)" after "(a)", "(ii)" after "(i)".
      const { n, prefix } = m !== null ? { n: Number(m[1] ?? m[3]), prefix: m[2] ?? '' } : letteredNumber(l![1]!, lastLabel);
      if (last >= 0 && prefix === lastPrefix && n === lastNumber + 1) items.add(last).add(i);
      last = i;
      lastNumber = n;
      lastPrefix = prefix;
      lastLabel = l?.[1] ?? '';
    } else if (last >= 0 && !(line.trim() !== '' && /^\s/.test(line))) last = -1;
  }
  return items;
}

/** A page number on a line of its own: "12", "Page 3", "Page 3 of 12", "3 / 12", "- 3 -". */
const PAGE_NUMBER = /^(?:(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—])$/i;
/** How a line that ends a page ends a sentence: what makes the next page's text a new paragraph. */
const ENDS_SENTENCE = /[.!?:]["'”’)\]]*$/;
const NO_PAGES = { furniture: new Set<number>(), joined: new Set<number>() };

/**
 * Page furniture of text converted from a PDF, whose pages end in a form feed
 * (pdftotext's output): among the first and last two lines of each page, its
 * number ({@link PAGE_NUMBER}) and the running headers and footers, lines
 * that recur (digits aside: "Page 3 of 12") on at least half the pages.
 * `joined` holds the lines between a page's last sentence and the next
 * page's first when the break cuts a sentence (no closing punctuation
 * before it, a lower-case letter after it), so that it reads as one.
 */
function pageFurniture(lines: readonly string[], from: number): { furniture: Set<number>; joined: Set<number> } {
  const pages: number[][] = [[]];
  for (let i = from; i < lines.length; i++) {
    // A form feed ends a page: the text before it on the line is the page's, after it the next one's.
    const parts = lines[i]!.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) pages.push([]);
      const page = pages[pages.length - 1]!;
      if (part.trim() !== '' && page[page.length - 1] !== i) page.push(i);
    });
  }
  const content = pages.filter((p) => p.length > 0);
  if (content.length < 2) return NO_PAGES;
  const key = (i: number): string => lines[i]!.trim().toLowerCase().replace(/\d+/g, '#');
  const edges = content.map((p) => [...new Set([...p.slice(0, 2), ...p.slice(-2)])]);
  const onPages = new Map<string, number>();
  for (const e of edges) for (const k of new Set(e.map(key))) onPages.set(k, (onPages.get(k) ?? 0) + 1);
  const recurring = Math.max(2, Math.ceil(content.length / 2));
  const furniture = new Set<number>();
  for (const e of edges) {
    for (const i of e) if (PAGE_NUMBER.test(lines[i]!.trim()) || onPages.get(key(i))! >= recurring) furniture.add(i);
  }
  const joined = new Set<number>();
  for (let k = 0; k + 1 < content.length; k++) {
    const last = content[k]!.filter((i) => !furniture.has(i)).pop();
    const next = content[k + 1]!.find((i) => !furniture.has(i));
    if (last === undefined || next === undefined) continue;
    if (ENDS_SENTENCE.test(lines[last]!.trim()) || !/^\p{Ll}/u.test(lines[next]!.trim())) continue;
    for (let i = last + 1; i < next; i++) joined.add(i);
  }
  return { furniture, joined };
}

/** A line's quotation markers: ">" at the margin (or three spaces in), repeated for a reply to a reply. */
const QUOTE_MARKERS = /^ {0,3}>(?:[ \t]?>)*[ \t]?/;
/** GitHub's alert in a blockquote, "[!NOTE]", alone on its line. */
const ALERT = /^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i;

/** `line` without its quotation markers ({@link QUOTE_MARKERS}); a GitHub alert as its word and a colon ("Note:"). */
function unquoted(line: string): string {
  const m = QUOTE_MARKERS.exec(line);
  if (m === null) return line;
  const rest = line.slice(m[0].length);
  const alert = ALERT.exec(rest);
  return alert === null ? rest : `${alert[1]![0]!.toUpperCase()}${alert[1]!.slice(1).toLowerCase()}:`;
}

/** A plain-text heading is at most this long. */
const MAX_TEXT_HEADING_CHARS = 80;
/** A plain-text heading has at most this many words. */
const MAX_TEXT_HEADING_WORDS = 12;

/**
 * Whether a one-line paragraph of plain text reads as a heading: short,
 * without a sentence's closing punctuation, and its first letter (after a
 * section number, "3. How to take ibuprofen") a capital. Not a list item,
 * a label with a number in its value ("Last updated: 3 March 2026"), a
 * quotation or a URL.
 */
function isTextHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > MAX_TEXT_HEADING_CHARS || SENTENCE_END.test(t)) return false;
  if (TEXT_BULLET.test(t) || /^[>|(\["'“‘]/.test(t) || t.includes('://')) return false;
  // A label and its value ("Last updated: 3 March 2026", "Version: 2.1") is a line of text.
  if (/:\s.*\d/.test(t)) return false;
  if (t.split(/\s+/).length > MAX_TEXT_HEADING_WORDS) return false;
  const words = t.replace(HEADING_NUMBER, '');
  return /^\p{Lu}/u.test(words);
}

/**
 * Whether the first line of a plain-text paragraph is a heading set right
 * above its text, without a blank line (text from a PDF, "2. Booking" /
 * "All flights and hotels must be booked …"): a heading by
 * {@link isTextHeading} that is numbered or in capitals ("PURPOSE"), above a
 * line of prose (not indented, from a capital, longer than it and at least
 * 30 characters), so that a numbered list's items ("1. Open Settings" /
 * "2. Click Reset", or an item wrapped onto an indented line) stay items.
 * The line below may open with a part of the heading's number (a contract's
 * "2. RENT" / "2.1 Monthly rent is …"). A heading in capitals at the margin
 * heads indented text too (a manual page's "OPTIONS" / "       -v, --verbose"),
 * and so does a numbered one above indented prose that opens with a capital
 * ("5. Cancellations" / "   Bookings cancelled …"; not "1. Open the lid and" /
 * "   remove the filter", a list item wrapped onto an indented line).
 * A short heading in sentence case heads its text when the line below is
 * far longer ({@link isShortHeadingAbove}: "Tax rates" / "The first 20,000 crowns …").
 */
function isRunInHeading(first: string, next: string): boolean {
  if (!isTextHeading(first) || TEXT_BULLET.test(first)) return false;
  const t = first.trim();
  const number = HEADING_NUMBER.exec(t);
  const capitals = /\p{Lu}{2}/u.test(t) && t === t.toUpperCase();
  const n = next.trimEnd();
  if (number === null && !capitals) return isShortHeadingAbove(first, n);
  if (/^\s/.test(n)) return (number === null && capitals && !/^\s/.test(first) && n.trim().length > 0) || (number !== null && !/^\s/.test(first) && /^\s+\p{Lu}/u.test(n) && !endsOnStopWord(t));
  const part = HEADING_NUMBER.exec(n);
  if (part !== null && (number === null || !isPartOf(part[0], number[0]))) return false;
  return /^\p{Lu}/u.test(n.slice(part?.[0].length ?? 0)) && n.length >= 30 && n.length > t.length;
}

/**
 * Whether `first`, a line in sentence case at the margin ("Tax rates", "Who
 * has to file"), heads the line of prose below it: it is short (40
 * characters, eight words at most) and the line below at least twice as long
 * and 50 characters or more, as wrapped text is, so it cannot be the first
 * line of that text. A label ("Files: *"), a line with a number or laid out in
 * columns ("GNUPG	Matthew Skala	1998-08-10", "COPYING      - copying
 * conditions") is none: checked on 400 text files from a Linux system's
 * documentation, none of which then gained a heading.
 */
function isShortHeadingAbove(first: string, next: string): boolean {
  const t = first.trim();
  return t === first.trimEnd() && !/[:;,\d]|\s\s|\t/.test(t) && t.length <= 40 && t.split(/\s+/).length <= 8 && !/\s/.test(next[0] ?? ' ') && /^\p{Lu}/u.test(next) && next.length >= 50 && next.length >= 2 * t.length;
}

/** Whether the section number `part` ("2.1 ") is a part of `whole` ("2. "): it opens with the whole's digits and a dot. */
function isPartOf(part: string, whole: string): boolean {
  const digits = /^\d+(?:\.\d+)*/.exec(whole.trim())?.[0];
  return digits !== undefined && part.startsWith(`${digits}.`) && /^\d/.test(part.slice(digits.length + 1));
}

/** Whether `line` ends on a stop word ("… goes on in"): it goes on below. */
function endsOnStopWord(line: string): boolean {
  const last = /([A-Za-z]+)\W*$/.exec(line)?.[1];
  return last !== undefined && STOP_WORDS.has(last.toLowerCase());
}

/** A line of a list without bullets is at most this long. */
const MAX_LIST_LINE_CHARS = 50;

/**
 * Whether a plain-text paragraph is a list written one item per line without
 * bullets (a recipe's "2 tbsp olive oil" / "1 onion, sliced" / "6 eggs", an
 * address): three lines or more, each short and opening with a capital or a
 * digit, none a label and its value ("Thursday: open late until 21:00", whose
 * block reads as one), none holding the end of a sentence or ending on a stop
 * word ("Sales grew in" / "2019. The next year …" is prose in a narrow column).
 */
function isLineList(paragraph: readonly SourceLine[]): boolean {
  return paragraph.length >= 3 && paragraph.every((l) => {
    const t = l.text.trim();
    if (t.length > MAX_LIST_LINE_CHARS || !/^[\p{Lu}\p{N}]/u.test(t) || t.includes(': ') || INNER_SENTENCE_END.test(t)) return false;
    // A line that ends on a word such as "in", "the" or "would" goes on below it.
    return !endsOnStopWord(t);
  });
}

/**
 * Where the rows start of a plain-text paragraph that is a table laid out
 * in columns with spaces (pdftotext's `-layout`, a fee schedule, opening
 * hours): 0 when every line has a gap between columns, 1 when every line
 * but the first does and the first reads as a heading ({@link isTextHeading}:
 * "Office hours"), -1 when the paragraph is no such table (fewer than two
 * rows, or a line without a gap: prose, even with two spaces after its
 * sentences). Each row is then a sentence of its own, as a Markdown table's.
 */
function alignedRowsFrom(paragraph: readonly SourceLine[]): number {
  if (paragraph.length < 2) return -1;
  const from = COLUMN_GAP.test(paragraph[0]!.text.trim()) ? 0 : 1;
  if (paragraph.length - from < 2 || (from === 1 && !isTextHeading(paragraph[0]!.text))) return -1;
  for (let k = from; k < paragraph.length; k++) if (!COLUMN_GAP.test(paragraph[k]!.text.trim())) return -1;
  return from;
}

/**
 * A plain-text line as a heading or title: without the spaces around it or
 * the runs of spaces that lay out its columns (a manual page's
 * "BACKUPCTL(1)        User Commands        BACKUPCTL(1)"). A heading names
 * a section, it is not quoted, so its spacing is not the file's.
 */
function headingOf(line: string): string {
  return line.trim().replace(/\s{2,}/g, ' ');
}

/** Derives a title from a file name: `corpus/meta-avocado.txt` → `Meta avocado`. */
export function titleFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  const stem = base.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2]! : v;
}

/**
 * Parses a `.txt` or `.md` file. Front matter (`---` … `---` with `title:` and
 * `url:` keys) is read and never indexed; headings become the section of the
 * sentences under them: in Markdown `#` headings and underlined (setext)
 * ones, in plain text an underlined line or a one-line paragraph that
 * {@link isTextHeading} reads as a heading and that more text follows (the
 * file's first such line is its title when none is given); in both, an
 * FAQ's "Q:" line heads the answer after it (whose "A:" label is dropped);
 * blank lines,
 * headings, list items (Markdown's, or a plain-text line that opens with a
 * bullet such as "•"), rules and code fences end a paragraph, and a line of
 * code or a table row is a sentence of its own; boilerplate lines are
 * dropped and counted.
 *
 * @param source repo-relative path, used in citations and messages
 * @param text the file's decoded text
 */
export function parseTextFile(
  source: string,
  text: string,
  meta: { title?: string; url?: string } = {},
  boilerplate: readonly string[] = DEFAULT_BOILERPLATE,
  opts: { frontMatter?: boolean } = {},
): ParsedFile {
  const markdown = /\.(md|markdown)$/i.test(source);
  const lines = text.split(/\r\n|\n|\r/);
  const drop = new Set(boilerplate.map((b) => b.trim().toLowerCase()));
  const warnings: string[] = [];
  let droppedLines = 0;
  let commentLines = 0;
  // The line where an HTML comment that is still open began (0: none open).
  let commentFrom = 0;
  let i = 0;
  let title = meta.title;
  let url = meta.url;

  if (opts.frontMatter !== false && lines.length > 0 && FRONT_MATTER_FENCE.test(lines[0]!)) {
    const close = lines.findIndex((l, n) => n > 0 && FRONT_MATTER_FENCE.test(l));
    if (close > 0) {
      for (const l of lines.slice(1, close)) {
        const m = FRONT_MATTER_KEY.exec(l);
        if (!m) continue;
        const key = m[1]!.toLowerCase();
        if (key === 'title' && title === undefined) title = unquote(m[2]!);
        if (key === 'url' && url === undefined) url = unquote(m[2]!);
      }
      i = close + 1;
    }
  }

  const links = markdown ? linkListLines(lines, i) : { lines: new Set<number>(), lists: 0 };
  const pages = markdown || !text.includes('\f') ? NO_PAGES : pageFurniture(lines, i);
  const numbered = markdown ? NO_LINES : numberedItems(lines, i);
  const sections: LeveledSection[] = [];
  let heading = '';
  let paragraph: SourceLine[] = [];
  // Whether the paragraph began as a list item (Markdown, or a bulleted line of plain text): never a heading.
  let listItem = false;
  // The indentation of the open list's outermost items; an item indented further is nested.
  let listIndent: number | undefined;
  // Whether line `i` opens a list item: a Markdown one, or a plain-text line that opens with a bullet or is a numbered item.
  const isListLine = (line: string, i: number): boolean => (markdown ? LIST_ITEM.test(line) : TEXT_BULLET.test(line) || numbered.has(i));
  let current: LeveledSection = { heading, sentences: [] };
  let inFence = false;
  // Whether the line before was an FAQ's question, so that this one may open with its answer's "A:".
  let answerNext = false;
  // Plain text laid out as an FAQ without "Q:" labels: a question that opens a paragraph heads its answer too.
  const bareFaq = !markdown && isBareFaq(lines, i);
  // Plain text: a one-line paragraph that reads as a heading waits here until
  // text follows it (then it heads a section) or another heading or the end
  // of the file does (then it stays a sentence).
  let pending: SourceLine | undefined;
  // The label line that gave the title ("Title: …"), if any (fieldTitle).
  let titleLine: SourceLine | undefined;
  const settle = (asHeading: boolean): void => {
    if (pending === undefined) return;
    const line = pending;
    pending = undefined;
    if (asHeading) openSection(headingOf(line.text), line.line);
    else current.sentences.push(...splitSentences([line]));
  };
  // The paragraph's first line heads the rest of it.
  const headWithFirstLine = (): void => {
    settle(false);
    openSection(headingOf(paragraph[0]!.text), paragraph[0]!.line);
    paragraph = paragraph.slice(1);
  };
  // A line that is a sentence of its own (a line of code, a table row).
  const pushLine = (line: string, lineNo: number): void => {
    current.sentences.push({ text: line.trim(), lines: [lineNo, lineNo], newLine: true });
  };
  const flush = (): void => {
    if (paragraph.length === 0) return;
    // A file that opens with label lines, one of them its title ("Thread: Starter smells like nail polish remover",
    // "Title: Resetting your password" above "Category: Accounts"): the title names the file, as a first heading line
    // does, instead of standing first as a sentence that every question about the file matches.
    if (!markdown && !listItem && title === undefined && sections.length === 0 && current.sentences.length === 0 && pending === undefined) {
      const titled = fieldTitle(paragraph);
      if (titled !== undefined) {
        title = titled.title;
        titleLine = titled.line;
        // The other label lines ("Forum: Baking > Bread") stay a list, one sentence each, as without the title.
        for (const l of paragraph) if (l !== titled.line) current.sentences.push(...splitSentences([l]));
        paragraph = [];
        return;
      }
    }
    let email: { line: SourceLine; subject: string } | undefined;
    if (!markdown && !listItem && paragraph.length === 1 && isTextHeading(paragraph[0]!.text)) {
      settle(false);
      if (title === undefined && sections.length === 0 && current.sentences.length === 0) title = headingOf(paragraph[0]!.text);
      pending = paragraph[0]!;
    } else if (!markdown && !listItem && (email = emailSubject(paragraph)) !== undefined) {
      // An email's header heads its message with the subject ("Re: Office move next week"), as a
      // heading does, so that the subject counts for each sentence of the message instead of
      // outranking them as a sentence of its own; the other header lines ("From: Lena Ortiz") stay
      // text, one per field (a field indented onto more lines is one), and a signature above the header ("Lena") stays a sentence.
      settle(false);
      openSection(headingOf(email.subject), email.line.line);
      let field: SourceLine[] = [];
      for (const l of [...paragraph, undefined]) {
        if (l !== undefined && field.length > 0 && FOLDED_FIELD.test(l.text)) {
          field.push(l);
          continue;
        }
        if (field.length > 0 && field[0] !== email.line) current.sentences.push(...splitSentences(field));
        field = l === undefined ? [] : [l];
      }
    } else {
      // "2. Booking" right above its text, as a PDF's text has it: the heading of what follows.
      if (!markdown && !listItem && paragraph.length > 1 && isRunInHeading(paragraph[0]!.text, paragraph[1]!.text)) headWithFirstLine();
      // A table laid out in columns with spaces: one sentence per row, under the heading line above it, if any.
      const rows = !markdown && !listItem ? alignedRowsFrom(paragraph) : -1;
      if (rows === 1) headWithFirstLine();
      settle(true);
      if (rows >= 0) {
        for (const l of paragraph) pushLine(l.text, l.line);
      } else if (!listItem && paragraph.length > 1 && (paragraph.every((l) => LABEL_LINE.test(l.text)) || (!markdown && isLineList(paragraph)))) {
        // Lines that each give a label and its value ("HR: hr@example.org, extension 2100") are a list: one item per line,
        // and so are short lines that each open with a capital or a number (an ingredient list: "2 tbsp olive oil", "6 eggs").
        for (const l of paragraph) current.sentences.push(...splitSentences([l]));
      } else current.sentences.push(...splitSentences(paragraph));
    }
    paragraph = [];
    listItem = false;
  };
  // A line of code or a table row is one sentence of its own: never run
  // together with its neighbours, never cut at a "." or "?" inside it.
  const wholeLine = (line: string, lineNo: number): void => {
    flush();
    pushLine(line, lineNo);
  };
  // The line of the current section's heading (plain text: a heading that no
  // text follows before the next one stays a sentence, so nothing is lost).
  let headingLine = 0;
  function startSection(h: string, lineNo = 0, level?: number): void {
    flush();
    openSection(h, lineNo, level);
  }
  function openSection(h: string, lineNo: number, level?: number): void {
    if (!markdown && current.heading !== '' && current.sentences.length === 0) {
      // It joins the section before it, if any, like a heading-like line that another heading follows.
      const sentences = splitSentences([{ line: headingLine, text: current.heading }]);
      const before = sections[sections.length - 1];
      if (before !== undefined) before.sentences.push(...sentences);
      else current = { heading: '', sentences };
    }
    // A heading with a level is kept without text too: it heads the headings under it (withHeadingPaths).
    if (current.sentences.length > 0 || current.level !== undefined) sections.push(current);
    heading = h;
    headingLine = lineNo;
    current = level === undefined ? { heading, sentences: [] } : { heading, sentences: [], level };
  }

  for (; i < lines.length; i++) {
    let line = lines[i]!;
    const lineNo = i + 1;
    // Markdown hides HTML comments (editors' notes, "TODO", lint switches):
    // their text is neither indexed nor quoted, and a line they fill is counted.
    if (markdown && !inFence && (commentFrom > 0 || line.includes('<!--'))) {
      const v = withoutComments(line, commentFrom > 0);
      if (v.open && commentFrom === 0) commentFrom = lineNo;
      if (!v.open) commentFrom = 0;
      if (v.text.trim() === '') {
        flush();
        commentLines++;
        continue;
      }
      line = v.text;
    }
    if (links.lines.has(i)) {
      flush();
      continue;
    }
    // A page's running header or footer, or its number (text from a PDF); across a page break
    // that cuts a sentence ("…approval from your" / "manager and …"), the paragraph goes on.
    if (pages.furniture.has(i) || pages.joined.has(i)) {
      if (!pages.joined.has(i)) flush();
      if (pages.furniture.has(i)) droppedLines++;
      continue;
    }
    if (markdown && FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    // Markdown shows links as their text and hides images, HTML tags and link
    // definitions; a line of those only ("<details>") ends a paragraph, like a blank one.
    // A disclosure's question in Markdown ("<summary>How do I reset it?</summary>") heads its answer, as in HTML.
    const summary = markdown && !inFence && SUMMARY_QUESTION.test(line);
    if (markdown && !inFence) line = renderedText(line);
    // A quotation's markers are not its text: Markdown's blockquote ("> **Note:** …", GitHub's
    // "> [!NOTE]" read as "Note:"), an email's quoted reply ("> > Label every crate …"); a line of
    // markers only ends a paragraph, like a blank one.
    if (!inFence) line = unquoted(line);
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    // Prose or a heading at the margin closes a list.
    if (!inFence && trimmed === line.trimEnd() && !isListLine(line, i)) listIndent = undefined;
    if (!inFence && isBoilerplate(trimmed, drop)) {
      flush();
      droppedLines++;
      continue;
    }
    if (!inFence) {
      // An underline makes the paragraph above it a heading (in plain text
      // only a one-line paragraph, and three marks or more); otherwise a rule only separates.
      const u = UNDERLINE.exec(line);
      if (u && paragraph.length > 0 && !listItem && (markdown || (paragraph.length === 1 && u[1]!.length >= 3))) {
        const text = paragraph.map((l) => l.text.trim()).join(' ');
        paragraph = [];
        settle(false);
        if (title === undefined && u[1]!.startsWith('=')) title = text;
        startSection(text, lineNo - 1, markdown ? (u[1]!.startsWith('=') ? 1 : 2) : undefined);
        continue;
      }
      if (RULE.test(line)) {
        flush();
        continue;
      }
    }
    if (markdown && !inFence) {
      const h = HEADING.exec(line);
      if (h) {
        const text = h[2]!;
        if (title === undefined && h[1] === '#') title = text;
        startSection(text, 0, h[1]!.length);
        continue;
      }
    }
    if (!inFence) {
      // An FAQ's "Q:" line heads its answer, whose "A:" label is dropped.
      if (
        isFaqQuestion(line) ||
        (markdown && paragraph.length === 0 && EMPHASISED_QUESTION.test(line)) ||
        (summary && line.trim() !== '') ||
        (bareFaq && paragraph.length === 0 && isBareQuestion(line) && !TEXT_BULLET.test(line))
      ) {
        flush();
        settle(false);
        // Markdown's emphasis around the question is markup, as a heading's "#" is.
        startSection(markdown ? line.trim().replace(AROUND_EMPHASIS, '$2') : line.trim(), lineNo);
        answerNext = true;
        continue;
      }
      if (answerNext) line = line.replace(FAQ_ANSWER, '');
      answerNext = false;
    }
    // A list item (a Markdown one, or a plain-text line that opens with a bullet) starts a paragraph.
    if (!inFence && isListLine(line, i)) {
      flush();
      // A bullet nested in another list's item shows as "◦", as a browser draws it, so that a quote can tell where the sub-list ends.
      const indent = indentOf(line);
      if (listIndent === undefined || indent <= listIndent) listIndent = indent;
      else line = line.replace(markdown ? NESTED_BULLET : NESTED_TEXT_BULLET, '$1◦');
      paragraph.push({ line: lineNo, text: line });
      listItem = true;
      continue;
    }
    if (markdown && !inFence && TABLE_ROW.test(line)) {
      wholeLine(line, lineNo);
      continue;
    }
    if (inFence) {
      wholeLine(line, lineNo);
      continue;
    }
    // A definition list's ": definition" under its term (PHP Markdown Extra, pandoc, MkDocs) reads
    // "Term: definition", as an HTML <dl> does.
    const definition = markdown && paragraph.length === 1 ? DEFINITION.exec(line) : null;
    if (definition !== null) {
      paragraph[0] = { ...paragraph[0]!, text: `${paragraph[0]!.text.trimEnd()}:` };
      line = line.slice(definition[0].length);
    }
    paragraph.push({ line: lineNo, text: line });
  }
  flush();
  settle(false);
  startSection('');
  if (commentFrom > 0) {
    warnings.push(`${source}:${commentFrom}: an HTML comment opened here is never closed, so the rest of the file (${lines.length - commentFrom + 1} lines) is hidden and not indexed`);
  }

  // A file of nothing but its title's label line: the line is its text too, so that the file is not skipped.
  if (sections.length === 0 && titleLine !== undefined) sections.push({ heading: '', sentences: splitSentences([titleLine]) });
  const docTitle = title ?? titleFromPath(source);
  const doc: ParsedDocument = { id: source, source, title: docTitle, sections: withHeadingPaths(sections, docTitle) };
  if (url !== undefined && url !== '') doc.url = url;
  if (doc.sections.length === 0) {
    warnings.push(`${source}: skipped, no sentences found (the file is empty or only boilerplate)`);
    return { documents: [], warnings, droppedLines, commentLines, linkLists: links.lists };
  }
  return { documents: [doc], warnings, droppedLines, commentLines, linkLists: links.lists };
}

/**
 * Parses a `.jsonl` file of `{"id","title","text","url"?}` records, one per
 * line. Each record becomes one document whose sentences all cite the
 * record's line; its text is read like a `.txt` file's (paragraphs,
 * headings, bulleted lines), without front matter or boilerplate lines.
 * A malformed line stops the build: the error names file and line.
 * Blank lines are allowed and skipped.
 */
export function parseJsonlFile(source: string, text: string): ParsedFile {
  const documents: ParsedDocument[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  let skippedRecords = 0;
  let hiddenElements = 0;
  let linkLists = 0;
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((line, n) => {
    const lineNo = n + 1;
    if (line.trim() === '') return;
    const where = `${source}:${lineNo}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      throw new Error(`citeqa corpus: ${where}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      throw new Error(`citeqa corpus: ${where}: expected an object with "id", "title" and "text"`);
    }
    const r = rec as Record<string, unknown>;
    const id = typeof r.id === 'number' ? String(r.id) : r.id;
    if (typeof id !== 'string' || id === '') throw new Error(`citeqa corpus: ${where}: "id" must be a non-empty string`);
    if (typeof r.text !== 'string') throw new Error(`citeqa corpus: ${where}: "text" must be a string`);
    if (r.title !== undefined && typeof r.title !== 'string') {
      throw new Error(`citeqa corpus: ${where}: "title" must be a string`);
    }
    if (r.url !== undefined && typeof r.url !== 'string') throw new Error(`citeqa corpus: ${where}: "url" must be a string`);
    for (const field of ['id', 'title', 'text', 'url'] as const) {
      const v = field === 'id' ? id : r[field];
      if (typeof v === 'string' && LONE_SURROGATE.test(v)) {
        throw new Error(`citeqa corpus: ${where}: "${field}" is not valid Unicode (it has a lone surrogate \\u escape)`);
      }
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw new Error(`citeqa corpus: ${where}: duplicate id "${id}" (first used on line ${first})`);
    }
    seen.set(id, lineNo);
    // The text reads like a plain-text file's (paragraphs, headings, bulleted
    // lines), without front matter or boilerplate, or, when it opens with an
    // HTML tag (a help centre's export), like a page; every sentence cites the record's line.
    const title = typeof r.title === 'string' && r.title.trim() !== '' ? r.title : undefined;
    let body: ParsedDocument | undefined;
    if (HTML_START.test(r.text)) {
      const page = parseHtmlFile(source, r.text, title === undefined ? {} : { title }, [], id);
      body = page.documents[0];
      hiddenElements += page.hiddenElements ?? 0;
      linkLists += page.linkLists ?? 0;
      for (const w of page.warnings) if (body !== undefined) warnings.push(`${where}: record "${id}": ${w.replace(/^[^:]*:\d+: /, '')}`);
    } else body = parseTextFile(source, r.text, { title: id }, [], { frontMatter: false }).documents[0];
    const sections = (body?.sections ?? []).map((s) => ({
      heading: s.heading,
      sentences: s.sentences.map((x): Sentence => ({ ...x, lines: [lineNo, lineNo] })),
    }));
    if (sections.length === 0) {
      warnings.push(`${where}: record "${id}" skipped, its text has no sentences`);
      skippedRecords++;
      return;
    }
    const doc: ParsedDocument = { id, source, title: title ?? body?.title ?? id, sections };
    if (typeof r.url === 'string' && r.url !== '') doc.url = r.url;
    documents.push(doc);
  });
  if (documents.length === 0 && warnings.length === 0) {
    warnings.push(`${source}: skipped, no records found`);
  }
  return { documents, warnings, droppedLines: 0, skippedRecords, hiddenElements, linkLists };
}

/** Text that opens with an HTML tag ("<p>", "<div class=…>", "<!DOCTYPE html>"): a record exported from a help centre or CMS. */
const HTML_START = /^\s*<(?:!doctype\s+html|html|body|main|article|section|div|p|h[1-6]|ul|ol|dl|table|blockquote|pre|figure|span|strong|em|b|a|img|br)(?=[\s/>])/i;

/**
 * Parses one corpus file by its extension (`.txt`, `.md`, `.markdown`, `.html`, `.htm`, `.jsonl`).
 * Throws `citeqa corpus: …` for a file type it does not know.
 */
export function parseCorpusFile(source: string, text: string, manifest: Manifest = {}, relPath = source): ParsedFile {
  if (/\.jsonl$/i.test(source)) return parseJsonlFile(source, text);
  const meta = manifest.documents?.[relPath] ?? {};
  const boilerplate = manifest.boilerplate ?? DEFAULT_BOILERPLATE;
  let parsed: ParsedFile;
  if (/\.(txt|md|markdown)$/i.test(source)) parsed = parseTextFile(source, text, meta, boilerplate);
  else if (/\.html?$/i.test(source)) parsed = parseHtmlFile(source, text, meta, boilerplate, titleFromPath(source));
  else throw new Error(`citeqa corpus: ${source}: unsupported file type (expected .txt, .md, .html or .jsonl)`);
  // A file without a URL of its own (manifest entry, front matter, canonical link) is cited where the corpus is published.
  if (manifest.baseUrl !== undefined) for (const d of parsed.documents) d.url ??= publishedUrl(manifest.baseUrl, relPath);
  return parsed;
}
