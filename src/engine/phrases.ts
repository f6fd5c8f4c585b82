import { canonicalTerm, type Synonyms } from './synonyms.js';
import { cachedTerm, term, type Token } from './text.js';

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

/** One phrase: the words its head may be (any form: "picked", "picking"), the particles that may follow it (after its object, if any), and the words it means. */
interface Phrase {
  readonly heads: readonly string[];
  readonly particles: readonly string[];
  readonly words: readonly string[];
}

const phrase = (heads: string, particles: string, words: string): Phrase => ({ heads: heads.split(' '), particles: particles.split(' '), words: words.split(' ') });

/**
 * The phrases, each with the one-word verbs a policy, a manual or an FAQ uses for it. A head is matched by its term,
 * so every form of it is ("threw", "sent", "paying"). Left out: phrases that are also nouns of those documents ("a
 * carry on bag", "the cut off time").
 */
const PHRASES: readonly Phrase[] = [
  phrase('pick', 'up', 'collect'),
  phrase('money', 'back', 'refund reimburse'),
  phrase('throw', 'away out', 'dispose discard'),
  phrase('set', 'up', 'install configure'),
  phrase('sign', 'up', 'register enrol enroll subscribe'),
  phrase('hand send', 'in', 'submit'),
  phrase('fill', 'in out', 'complete'),
  phrase('move', 'out', 'leave vacate'),
  phrase('turn switch', 'on', 'enable activate'),
  phrase('turn switch', 'off', 'disable deactivate'),
  phrase('call', 'off', 'cancel'),
  phrase('put', 'off', 'postpone delay'),
  phrase('send give bring take', 'back', 'return'),
  phrase('pay', 'back', 'repay refund'),
  phrase('get', 'into', 'enter access'),
  phrase('look', 'after', 'care'),
];

/** The words between a head and its particle: nothing, a pronoun, or a determiner and up to two more words ("my son's bag"), not a name ("send Morgan in the five years …"). */
const BETWEEN = /^(?:\s+(?:it|them|him|her|me|us|my|your|his|our|their|the|a|an|this|that|these|those)(?:\s+[a-z'’-]+){0,2}?)?\s+$/i;

/** The furthest a particle stands from its head, in words (a determiner and two words, one of them split at an apostrophe). */
const MAX_REACH = 5;

/** Head term → its phrases; built at the first question that is read, not at start-up. */
let byHead: ReadonlyMap<string, readonly Phrase[]> | undefined;

function phrasesByHead(): ReadonlyMap<string, readonly Phrase[]> {
  if (byHead !== undefined) return byHead;
  const map = new Map<string, Phrase[]>();
  for (const p of PHRASES) {
    for (const h of p.heads) {
      const t = term(h)!;
      map.set(t, [...(map.get(t) ?? []), p]);
    }
  }
  return (byHead = map);
}

/** The heads' terms as `synonyms` read them (a question's terms are read so), for the last synonyms asked about. */
let headsRead: { synonyms: Synonyms; terms: ReadonlySet<string> } | undefined;

function headTermsAsRead(synonyms: Synonyms): ReadonlySet<string> {
  if (headsRead?.synonyms !== synonyms) headsRead = { synonyms, terms: new Set([...phrasesByHead().keys()].map((t) => canonicalTerm(synonyms, t))) };
  return headsRead.terms;
}

/**
 * The related terms the phrases of {@link PHRASES} in `question` (read as
 * `tokens`) lend to the first `asked` of its `terms`: each as the position of
 * the head's term and the term of one of the phrase's words, read through
 * `synonyms` as the index reads words ("picking up" of terms `["pick",
 * "bag"]` gives `[0, "collect"]`).
 */
export function phraseTermsOf(question: string, tokens: readonly Token[], terms: readonly string[], asked: number, synonyms: Synonyms): ReadonlyArray<readonly [number, string]> {
  // Most questions have no head among their terms: a few set lookups tell.
  const read = headTermsAsRead(synonyms);
  let headed = false;
  for (let k = 0; k < asked && !headed; k++) headed = read.has(terms[k]!);
  if (!headed) return NONE;
  const heads = phrasesByHead();
  let out: Array<readonly [number, string]> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const h = cachedTerm(tokens[i]!.word);
    const phrases = h === null ? undefined : heads.get(h);
    if (phrases === undefined) continue;
    const at = terms.indexOf(canonicalTerm(synonyms, h!));
    if (at < 0 || at >= asked) continue;
    for (let j = i + 1; j < tokens.length && j <= i + MAX_REACH; j++) {
      const particle = tokens[j]!.word;
      // Whether the words between head and particle may be its object: the same for every phrase of the head, read once.
      let fits: boolean | undefined;
      for (const p of phrases) {
        if (!p.particles.includes(particle)) continue;
        if (!(fits ??= BETWEEN.test(question.slice(tokens[i]!.end, tokens[j]!.start)))) break;
        for (const w of p.words) {
          const t = cachedTerm(w);
          if (t !== null) (out ??= []).push([at, canonicalTerm(synonyms, t)]);
        }
      }
    }
  }
  return out ?? NONE;
}

/** What a question without a phrase lends: nothing. */
const NONE: ReadonlyArray<readonly [number, string]> = Object.freeze([]);
