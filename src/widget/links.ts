/**
 * Links from a citation to its document: plain string functions, no DOM, so
 * the widget and Node tests share them.
 */

/** Percent-encodes for a text fragment directive (`-`, `,` and `&` are syntax there). */
const enc = (s: string): string => encodeURIComponent(s).replace(/-/g, '%2D');

/** A list item's bullet, which a rendered page draws rather than shows as text. */
const BULLET = /^[-*+•◦▪‣●○■□–]$/;
/** A numbered list item's number ("3."), likewise, when it opens the answer. */
const ITEM_NUMBER = /^\d{1,3}[.)]$/;

/**
 * A `:~:text=` directive that makes a browser scroll to and highlight the
 * sentence: the whole sentence when short, else its first and last words
 * (`textStart,textEnd`), which stays valid when the page wraps it differently.
 * List markers the quote keeps ("- 11 g fine sea salt") are left out: the
 * rendered page has no such text.
 */
export function textDirective(sentence: string): string {
  const w = sentence
    .trim()
    .split(/\s+/)
    .filter((word, i) => !BULLET.test(word) && !(i === 0 && ITEM_NUMBER.test(word)));
  return ':~:text=' + (w.length > 10 ? enc(w.slice(0, 5).join(' ')) + ',' + enc(w.slice(-5).join(' ')) : enc(w.join(' ')));
}

/**
 * The link for a citation, or null when there is none or it is not http(s)
 * (a `javascript:` URL in a corpus manifest must never become a link).
 */
export function citationHref(url: unknown, base: string, sentence: string | undefined): string | null {
  if (typeof url !== 'string' || !url) return null;
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!sentence || u.hash.includes(':~:')) return u.href;
  return u.href + (u.hash ? '' : '#') + textDirective(sentence);
}
