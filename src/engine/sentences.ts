/** The index of the last of the ascending `starts` that is at most `offset` (0 when none is), by binary search. */
export function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A sentence of a paragraph: its text and the source lines it spans. */
export interface Sentence {
  text: string;
  /**
   * Whether it begins a line of the document as a reader sees it: the first
   * sentence of a paragraph, list item or heading-like line, a table row, a
   * line of code. A passage puts a line break before it (passages.ts).
   */
  newLine?: boolean;
  /** 1-based, inclusive source line numbers of the sentence's first and last character. */
  lines: [number, number];
}

/** One line of source text that belongs to a paragraph. */
export interface SourceLine {
  line: number;
  text: string;
}

// Abbreviations after which ICU's sentence rules break but English prose does
// not end a sentence ("Mr. Smith", "Dr. Jones"). Compared case-insensitively
// on the last word of a segment, without its period.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'col', 'lt', 'sgt', 'capt',
  'vs', 'etc', 'no', 'fig', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'vol', 'al',
]);
/** Text is segmented this many characters at a time (ICU's segmenter slows down with the length of its input). */
const SEGMENT_WINDOW = 10_000;

/**
 * The sentence segments of `text` by `Intl.Segmenter`, read a window at a
 * time: ICU's time grows with the square of its input (a 244,000-character
 * paragraph took 2.7 s whole, 35 ms by windows), so each window's last
 * segment, which the window may cut, is segmented again at the start of the
 * next. The same segments as whole, except that a "sentence" longer than
 * the window (lower-case text that ICU never ends) is cut at its last space.
 */
function* segmentsOf(text: string): Generator<{ index: number; segment: string }> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  let from = 0;
  while (from < text.length) {
    const to = Math.min(text.length, from + SEGMENT_WINDOW);
    const segs = [...segmenter.segment(text.slice(from, to))];
    if (to === text.length) {
      for (const g of segs) yield { index: from + g.index, segment: g.segment };
      return;
    }
    if (segs.length > 1) {
      for (const g of segs.slice(0, -1)) yield { index: from + g.index, segment: g.segment };
      from += segs[segs.length - 1]!.index;
      continue;
    }
    // One sentence longer than the window: cut it at its last space (or at the window).
    const space = text.lastIndexOf(' ', to - 1);
    const cut = space > from ? space + 1 : to;
    yield { index: from, segment: text.slice(from, cut) };
    from = cut;
  }
}

/** What may stand before an abbreviation: a space, an opening bracket or quote. */
const BEFORE_WORD = /[\s(“"‘']/;
/** A segment as long as this or shorter may be a list or section number alone (LABEL_ONLY). */
const MAX_LABEL_CHARS = 24;

/**
 * The ASCII word that ends `text[from, end)` right before a final ".", when
 * it starts the span or follows a space, bracket or quote ("Dr." → "Dr",
 * "(approx." → "approx"); reads only that word.
 */
function wordBeforeDot(text: string, from: number, end: number): string | undefined {
  if (end - from < 2 || text.charCodeAt(end - 1) !== 0x2e) return undefined;
  let i = end - 1;
  while (i > from && isAsciiLetter(text.charCodeAt(i - 1))) i--;
  if (i === end - 1 || (i > from && !BEFORE_WORD.test(text[i - 1]!))) return undefined;
  return text.slice(i, end - 1);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
/** A letter or digit: a segment without one is punctuation or symbols, not a sentence. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A segment whose first letter or digit is a lower-case letter ("* or spaces."). */
const LOWER_START = /^[^\p{L}\p{N}]*\p{Ll}/u;
/** A segment that is only a list or section number: "9.", "3.1.", "(b)", "iv)". */
const LABEL_ONLY = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)])$/;
/** A segment ICU ended at "?" or "!" (and closing quotes or brackets). */
const ENDS_QUESTION_OR_BANG = /[?!]["'”’)\]]*$/;

let segmenter: Intl.Segmenter | undefined;

/**
 * A line that gives a label and its value, as a contact list, a data sheet or
 * a syllabus does ("HR: hr@example.org, extension 2100", "Weight: 2.4 kg",
 * "**Office hours:** Tuesdays 2–4 pm"): a label of one to eight words that
 * starts with a capital (group 1), a colon (Markdown bold around either),
 * then the value. The corpus reader makes a paragraph of such lines a list;
 * abstention reads the label like a heading (search.ts).
 */
export const LABEL_LINE = /^\s*(?:\*\*|__)?(\p{Lu}[\p{L}\p{N}'’&/().-]*(?:\s+[\p{L}\p{N}'’&/().-]+){0,7})(?:\*\*|__)?\s*:(?:\*\*|__)?\s+\S/u;

/**
 * A gap of two or more spaces (or a tab) between two cells of a line laid
 * out in columns; not one after a sentence's end ("ends.  Next"). The corpus
 * reader makes each line of such a table a sentence; the ranking reads its
 * first row as a header (search.ts).
 */
export const COLUMN_GAP = /[^\s.!?:;,](?: {2,}|\t)\S/;

/** An FAQ's question label: "Q:", "Question:" (after Markdown emphasis, "**Q:**"). */
const QUESTION_LABEL = /^[\s*_]*(?:q|question)[*_]*\s*:/i;
/** Markdown emphasis marks that close right after a sentence's end: the "**" of "cancel?** A:". */
const EMPHASIS_AFTER_END = /([.?!])([*_]{1,3})(?=\s|$)/g;
/**
 * A code span that opens a sentence with a lower-case letter ("… a `code`.
 * `rate_limited` means …"), which ICU reads as the sentence going on; not
 * after a dotted abbreviation ("e.g. `curl`").
 */
const CODE_AFTER_END = /(?<![.\s][A-Za-z])([.!?]["'”’)\]]*\s+`)([a-z])/g;

/**
 * Whether a sentence (or a heading) is itself a question: it ends with "?",
 * or starts with an FAQ's "Q:" label ("Q: My laptop was stolen."). Such a
 * sentence of the text matches a reader's question well but does not answer
 * it (FAQ text); passages keep it with the sentence after it, and the
 * answer sentence moves past it.
 */
export function isQuestion(sentence: string): boolean {
  // The last character before any Markdown emphasis marks and white space (a loop: this runs for many sentences per question).
  let end = sentence.length;
  while (end > 0 && isSpaceOrEmphasis(sentence.charCodeAt(end - 1))) end--;
  return (end > 0 && sentence.charCodeAt(end - 1) === 0x3f) || QUESTION_LABEL.test(sentence);
}

/** Whether `c` is `*`, `_` or a character of JavaScript's `\s` (white space and line terminators). */
function isSpaceOrEmphasis(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return c === 0x2a || c === 0x5f;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** An initialism ending a sentence so far: "O.S.", "U.K." (single letters each with a dot). */
const INITIALISM_END = /(?:^|[^\p{L}.])(?:\p{L}\.){2,}$/u;
/** How far back an open bracket, and how far ahead its closing one, is looked for at a sentence end. */
const BRACKET_REACH = 80;

/**
 * Whether the sentence `text[from, end)` ends on an initialism inside a
 * bracket that the text from `next` closes ("10 July [O.S." / "28 June] 1856
 * …"): the bracket opened within {@link BRACKET_REACH} characters before the
 * end and closes within as many after `next`, so the check stays bounded.
 */
function inBrackets(text: string, from: number, end: number, next: number): boolean {
  const before = text.slice(Math.max(from, end - BRACKET_REACH), end);
  if (!INITIALISM_END.test(before)) return false;
  const open = Math.max(before.lastIndexOf('('), before.lastIndexOf('['));
  if (open < 0 || Math.max(before.lastIndexOf(')'), before.lastIndexOf(']')) > open) return false;
  const closer = before[open] === '(' ? ')' : ']';
  const after = text.slice(next, next + BRACKET_REACH);
  const close = after.indexOf(closer);
  return close >= 0 && !/[([]/.test(after.slice(0, close));
}

/**
 * Rejoins hard-wrapped lines into one paragraph string and splits it into
 * sentences with the platform's Unicode sentence rules (`Intl.Segmenter`,
 * ICU's UAX #29 implementation), then re-merges splits after common
 * abbreviations, splits with no space after them (ICU ends a sentence
 * at any "?" or "!", also inside "/ask?q=…" or "Yahoo!s"), after a "?" or
 * "!" that the next segment continues in lower case, after a list or section
 * number alone ("9." of "9. Termination"), and segments without a letter or
 * digit (`characters < > : " | ? *` is one sentence, not a question and a
 * "*"), splits after an initialism inside a bracket the next segment closes
 * ("10 July [O.S. 28 June] 1856"), and splits before a code span that opens a sentence in lower case
 * ("… a `code`. `rate_limited` means …"). Every non-blank
 * character of `lines` ends up in exactly one sentence, in order.
 */
export function splitSentences(lines: readonly SourceLine[]): Sentence[] {
  // Join lines with one space and remember where each line starts.
  const starts: number[] = [];
  const lineNos: number[] = [];
  let text = '';
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '') continue;
    if (text !== '') text += ' ';
    starts.push(text.length);
    lineNos.push(l.line);
    text += t;
  }
  if (text === '') return [];
  const lineAt = (offset: number): number => lineNos[lastAtOrBefore(starts, offset)]!;

  // ICU does not end a sentence at "?**" or "._" (Markdown emphasis closing
  // after the punctuation: "**Q: How do I cancel?** A: Open Billing."), so
  // it segments a copy with those marks as spaces; each sentence then takes
  // its closing marks back from the text.
  // Likewise it segments a code span that opens a sentence in lower case as if in capitals.
  const segmented = text
    .replace(EMPHASIS_AFTER_END, (_, end: string, stars: string) => end + ' '.repeat(stars.length))
    .replace(CODE_AFTER_END, (_, before: string, letter: string) => before + letter.toUpperCase());
  const marks = segmented !== text;
  const spans: Array<[number, number]> = [];
  for (const seg of segmentsOf(segmented)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '') continue;
    const start = seg.index + lead;
    let end = start + body.length;
    if (marks) while (end < text.length && segmented[end] === ' ' && text[end] !== ' ') end++;
    const prev = spans[spans.length - 1];
    if (prev !== undefined) {
      // Only the end of the sentence so far decides, read without slicing
      // all of it: a paragraph of many merges ("Mr. Mr. …") stays linear.
      const word = wordBeforeDot(text, prev[0], prev[1]);
      if (
        start === prev[1] ||
        !WORD_CHAR.test(body) ||
        (word !== undefined && ABBREVIATIONS.has(word.toLowerCase())) ||
        (prev[1] - prev[0] <= MAX_LABEL_CHARS && LABEL_ONLY.test(text.slice(prev[0], prev[1]))) ||
        (LOWER_START.test(body) && ENDS_QUESTION_OR_BANG.test(text.slice(Math.max(prev[0], prev[1] - 16), prev[1]))) ||
        inBrackets(text, prev[0], prev[1], start)
      ) {
        prev[1] = end;
        continue;
      }
    }
    spans.push([start, end]);
  }
  // A paragraph that opens with symbols only ("* * *", "—") joins them to its first sentence.
  if (spans.length > 1 && !WORD_CHAR.test(text.slice(spans[0]![0], spans[0]![1]))) spans.splice(0, 2, [spans[0]![0], spans[1]![1]]);
  return spans.map(([s, e], i) => {
    const sentence: Sentence = { text: text.slice(s, e), lines: [lineAt(s), lineAt(e - 1)] };
    if (i === 0) sentence.newLine = true;
    return sentence;
  });
}
