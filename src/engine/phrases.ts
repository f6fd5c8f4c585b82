import { canonicalTerm, type Synonyms } from './synonyms.js';
import { term } from './text.js';

/**
 * Everyday phrases a question may use where a document uses one formal word:
 * "pick up my bag" where the page says "collect", "get my money back" where
 * it says "refund", "throw away" where it says "dispose of". WordNet knows
 * most of these verbs, but lists their senses by how often literature uses
 * them ("collect" is the fourth sense of "pick up"), so the phrases are read
 * here, from a short list, and only with their particle: "pick a seat" is not
 * "collect". Each phrase lends its words to one word of it (its head, the verb
 * or "money"), as WordNet's related words do (related.ts): a passage that
 * lacks the head but holds one of the words is a little more likely to answer.
 */

/** One phrase: the forms of its head, the particles that may follow it (after its object, if any), and the words it means. */
interface Phrase {
  readonly heads: readonly string[];
  readonly particles: readonly string[];
  readonly words: readonly string[];
}

const phrase = (heads: string, particles: string, words: string): Phrase => ({ heads: heads.split(' '), particles: particles.split(' '), words: words.split(' ') });

/**
 * The phrases, each with the one-word verbs a policy, a manual or an FAQ uses for it. Left out: phrases that are
 * also nouns of those documents ("a carry on bag", "the cut off time").
 */
const PHRASES: readonly Phrase[] = [
  phrase('pick picks picked picking', 'up', 'collect'),
  phrase('money', 'back', 'refund reimburse'),
  phrase('throw throws threw thrown throwing', 'away out', 'dispose discard'),
  phrase('set sets setting', 'up', 'install configure'),
  phrase('sign signs signed signing', 'up', 'register enrol enroll subscribe'),
  phrase('hand hands handed handing send sends sent sending', 'in', 'submit'),
  phrase('fill fills filled filling', 'in out', 'complete'),
  phrase('move moves moved moving', 'out', 'leave vacate'),
  phrase('turn turns turned turning switch switches switched switching', 'on', 'enable activate'),
  phrase('turn turns turned turning switch switches switched switching', 'off', 'disable deactivate'),
  phrase('call calls called calling', 'off', 'cancel'),
  phrase('put puts putting', 'off', 'postpone delay'),
  phrase('send sends sent sending give gives gave given giving bring brings brought bringing take takes took taken taking', 'back', 'return'),
  phrase('pay pays paid paying', 'back', 'repay refund'),
  phrase('get gets got getting', 'into', 'enter access'),
  phrase('look looks looked looking', 'after', 'care'),
];

/** An object between a head and its particle: a pronoun, or a determiner and up to two more words ("my son's bag"), not a name ("send Morgan in the five years …"). */
const OBJECT = `(?:\\s+(?:it|them|him|her|me|us|my|your|his|our|their|the|a|an|this|that|these|those)(?:\\s+[a-z'’-]+){0,2}?)?`;

/** Each phrase as a pattern: a head form, its object if any, then a particle ("pick my son's bag up"). */
const PATTERNS: ReadonlyArray<readonly [RegExp, Phrase]> = PHRASES.map((p) => [new RegExp(`\\b(${p.heads.join('|')})${OBJECT}\\s+(?:${p.particles.join('|')})\\b`, 'g'), p]);

/** Any phrase's head, to tell at once that a question has none (most questions). */
const ANY_HEAD = new RegExp(`\\b(?:${[...new Set(PHRASES.flatMap((p) => p.heads))].join('|')})\\b`, 'i');

/** What a question without a phrase lends: nothing. */
const NONE: ReadonlyArray<readonly [number, string]> = Object.freeze([]);

/**
 * The related terms the phrases of {@link PHRASES} in `question` lend to the
 * first `asked` of its `terms`: each as the position of the head's term and
 * the term of one of the phrase's words, read through `synonyms` as the index
 * reads words ("picking up" of terms `["pick", "bag"]` gives `[0, "collect"]`).
 */
export function phraseTermsOf(question: string, terms: readonly string[], asked: number, synonyms: Synonyms): ReadonlyArray<readonly [number, string]> {
  if (!ANY_HEAD.test(question)) return NONE;
  const q = question.toLowerCase();
  let out: Array<readonly [number, string]> | undefined;
  for (const [re, p] of PATTERNS) {
    if (!p.particles.some((x) => q.includes(x))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(q); m !== null; m = re.exec(q)) {
      const h = term(m[1]!);
      const i = h === null ? -1 : terms.indexOf(canonicalTerm(synonyms, h));
      if (i < 0 || i >= asked) continue;
      for (const w of p.words) {
        const t = term(w);
        if (t !== null) (out ??= []).push([i, canonicalTerm(synonyms, t)]);
      }
    }
  }
  return out ?? NONE;
}
