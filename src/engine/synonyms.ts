import { headOf, term, tokenize } from './text.js';

/** At most this many synonym groups in a manifest. */
export const MAX_SYNONYM_GROUPS = 500;
/** A synonym group holds 2 to this many words. */
export const MAX_SYNONYM_WORDS = 20;

/**
 * Single-word synonyms, as the engine applies them: every word of a group is
 * indexed, and read in questions, as the term of the group's first word, so
 * "vacation" in a question finds "leave" in a passage when both are in one
 * group. Answers stay quotes; only what matches what changes.
 */
export interface Synonyms {
  /** The groups as given (the manifest's `"synonyms"`), stored in the built index. */
  readonly groups: readonly (readonly string[])[];
  /** Term → the term its group is indexed under; only terms that change are listed. */
  readonly canonical: ReadonlyMap<string, string>;
  /** Group term → the heads ({@link headOf}) of the other terms of its group. */
  readonly heads: ReadonlyMap<string, readonly number[]>;
}

/** No synonyms: every term stands for itself. */
export const NO_SYNONYMS: Synonyms = Object.freeze({ groups: [], canonical: new Map(), heads: new Map() });

/**
 * The {@link Synonyms} of `groups` (arrays of single words, e.g.
 * `[["leave", "vacation", "holiday"]]`). Throws `citeqa synonyms: …`,
 * naming the group, when a group is not an array of 2 to
 * {@link MAX_SYNONYM_WORDS} strings, a word is not a single word, is a stop
 * word (never indexed), or has a term that another group already holds.
 * Words with the same term ("run", "running") may share a group.
 */
export function synonymsOf(groups: unknown): Synonyms {
  if (groups === undefined) return NO_SYNONYMS;
  const fail = (why: string): never => {
    throw new Error(`citeqa synonyms: ${why}`);
  };
  if (!Array.isArray(groups) || groups.length > MAX_SYNONYM_GROUPS) fail(`expected an array of at most ${MAX_SYNONYM_GROUPS} groups of words`);
  if ((groups as unknown[]).length === 0) return NO_SYNONYMS;
  const canonical = new Map<string, string>();
  const groupOf = new Map<string, number>();
  const heads = new Map<string, number[]>();
  (groups as unknown[]).forEach((group, g) => {
    const at = `group ${g + 1}`;
    if (!Array.isArray(group) || group.length < 2 || group.length > MAX_SYNONYM_WORDS || !group.every((w) => typeof w === 'string')) {
      fail(`${at} must be an array of 2 to ${MAX_SYNONYM_WORDS} words`);
    }
    const terms = (group as string[]).map((word) => {
      const tokens = tokenize(word);
      if (tokens.length !== 1 || tokens[0]!.start !== 0 || tokens[0]!.end !== word.length) {
        fail(`${at}: ${JSON.stringify(word)} is not a single word (phrases cannot be synonyms)`);
      }
      const t = term(tokens[0]!.word);
      if (t === null) fail(`${at}: ${JSON.stringify(word)} is a stop word, never indexed`);
      const other = groupOf.get(t!);
      if (other !== undefined && other !== g) fail(`${at}: ${JSON.stringify(word)} is already in group ${other + 1}`);
      groupOf.set(t!, g);
      return t!;
    });
    const first = terms[0]!;
    const others = new Set<number>();
    for (const t of terms) {
      if (t !== first) canonical.set(t, first);
      others.add(headOf(t));
    }
    others.delete(headOf(first));
    if (others.size > 0) heads.set(first, [...others]);
  });
  return { groups: (groups as string[][]).map((group) => [...group]), canonical, heads };
}

/** `t` as `synonyms` index it (itself unless another word of its group comes first). */
export function canonicalTerm(synonyms: Synonyms, t: string): string {
  return synonyms.canonical.size === 0 ? t : (synonyms.canonical.get(t) ?? t);
}
