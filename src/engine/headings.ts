import type { Section } from './corpus.js';

/** Separates the headings of a section's path: "Vegetable fried rice › Method". */
export const HEADING_PATH_SEPARATOR = ' › ';

/** A section as a reader makes it: with its heading's level (1 for `#` or `<h1>`), none for a heading without one (an FAQ's question, plain text). */
export type LeveledSection = Section & { level?: number };

/**
 * The sections with each heading as its path from the outermost heading
 * above it: Markdown's "### Method" under "## Vegetable fried rice" is
 * "Vegetable fried rice › Method", as HTML's `<h3>` under `<h2>`. A
 * sub-heading such as "Method", "Examples" or "Troubleshooting" recurs
 * under every recipe or command; its parents say which one it is, in the
 * index (the section field) and in the citation. The document's title (its
 * `#` heading or `<h1>`) is no part of a path, and a heading without a
 * level (an FAQ's question) sits under the headings before it, heading
 * nothing itself. Sections without sentences (kept by the readers for
 * their headings) are left out.
 */
export function withHeadingPaths(sections: readonly LeveledSection[], title: string): Section[] {
  const open: { level: number; heading: string }[] = [];
  const out: Section[] = [];
  for (const { heading, sentences, level } of sections) {
    if (level !== undefined) while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
    const parents = open.filter((h) => !(h.level === 1 && h.heading === title)).map((h) => h.heading);
    if (level !== undefined && heading !== '') open.push({ level, heading });
    // A heading with no text of its own ("## Recipes" right above "### Fried rice") heads only others.
    if (sentences.length > 0) out.push({ heading: parents.length > 0 && heading !== '' ? [...parents, heading].join(HEADING_PATH_SEPARATOR) : heading, sentences });
  }
  return out;
}

/** A section path's last heading, the section's own ("Method" of "Vegetable fried rice › Method"). */
export function ownHeading(section: string): string {
  const i = section.lastIndexOf(HEADING_PATH_SEPARATOR);
  return i < 0 ? section : section.slice(i + HEADING_PATH_SEPARATOR.length);
}

/** A section path's headings above its own, joined ("" when it has none). */
export function parentHeadings(section: string): string {
  const i = section.lastIndexOf(HEADING_PATH_SEPARATOR);
  return i < 0 ? '' : section.slice(0, i);
}
