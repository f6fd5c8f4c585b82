/** Markdown bold in quoted corpus text, found without the DOM (so that Node tests can check it). */

/**
 * Markdown bold in a passage (`**The robot does not charge.**`, as a
 * Markdown corpus quotes it): the ranges of its `**` marks and of the text
 * between them. A mark opens before a non-space and after a space, a
 * bracket or the start, and closes after a non-space and before a space,
 * punctuation or the end, so that `2**10` and `**kwargs` stay as written;
 * nothing inside a code span (`` `…` ``) counts.
 */
export function boldRanges(text: string): { marks: [number, number][]; inner: [number, number][] } {
  const marks: [number, number][] = [];
  const inner: [number, number][] = [];
  const code: [number, number][] = [];
  for (const m of text.matchAll(/`[^`\n]*`/g)) code.push([m.index, m.index + m[0].length]);
  // No lookbehind: older Safari cannot parse one, and the widget must load everywhere.
  for (const m of text.matchAll(/(^|[\s(\[“"'])\*\*(?=[^\s*])([^*\n]*[^\s*])\*\*(?=$|[\s.,;:!?)\]”"'])/g)) {
    const s = m.index + m[1]!.length;
    const e = m.index + m[0].length;
    if (code.some(([a, b]) => a < e && s < b)) continue;
    marks.push([s, s + 2], [e - 2, e]);
    inner.push([s + 2, e - 2]);
  }
  return { marks, inner };
}
