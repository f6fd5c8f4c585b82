import { oneEditApart } from './spelling.js';
import { HOW_ADJECTIVES, STOP_WORDS } from './stopwords.js';
import { tokenize, type Token } from './text.js';

/**
 * The words a question asks with, in the order a misspelling that could be
 * more than one of them is read ({@link readQuestion}).
 */
const ASKING_WORDS: readonly string[] = ['what', 'who', 'when', 'where', 'which', 'why', 'how', 'whose', 'whom'];

/** Words after which a misspelt "how" or "who" ("hwo") is "how": "hwo many", "hwo long", "hwo do I …". */
const AFTER_HOW: ReadonlySet<string> = new Set([
  'many',
  'much',
  'often',
  ...HOW_ADJECTIVES,
  'do',
  'does',
  'did',
  'can',
  'could',
  'should',
  'would',
  'to',
]);

/** Words that may stand before an asking word at a question's start: "In which year …", "And why …", "Since when …". */
const BEFORE_ASKING: ReadonlySet<string> = new Set(['in', 'on', 'at', 'for', 'from', 'to', 'by', 'with', 'since', 'until', 'after', 'before', 'during', 'of', 'about', 'and', 'but', 'so', 'then', 'or', 'ok', 'okay']);

/** A stop word run into an asking word without a space ("whatis", "howmany"), or a "how" adjective ("howlong"). */
const RUN_ON_TAIL: ReadonlySet<string> = new Set([...STOP_WORDS, ...HOW_ADJECTIVES]);

/**
 * Contractions written without their apostrophe ("whats", "doesnt",
 * "youre"), as written with it. Like every change {@link readQuestion}
 * makes, only where the corpus lacks the word ("cant" and "wont" are words
 * too); "its", "were" and "well" are not listed, being common words.
 */
const CONTRACTIONS: ReadonlyMap<string, string> = new Map([
  ...['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'could', 'would', 'should', 'must', 'need', 'might'].map(
    (w): [string, string] => [`${w}nt`, `${w}n't`],
  ),
  ['cant', "can't"],
  ['wont', "won't"],
  ...['what', 'who', 'when', 'where', 'why', 'how', 'that', 'there', 'here'].map((w): [string, string] => [`${w}s`, `${w}'s`]),
  ...['you', 'they'].flatMap((w): Array<[string, string]> => [
    [`${w}re`, `${w}'re`],
    [`${w}ve`, `${w}'ve`],
    [`${w}ll`, `${w}'ll`],
  ]),
  // Not "were" and "well": words in their own right.
  ['weve', "we've"],
  ['im', "I'm"],
  ['ive', "I've"],
  ['itll', "it'll"],
]);

/**
 * A request that frames a question at its start ("Can you tell me …",
 * "Do you know …", "I was wondering …", "Any idea …", "Question: …",
 * "Explain how …", "Describe …", "Define …"): it says how the question is
 * asked, not what about.
 */
const REQUEST = new RegExp(
  '^\\s*(?:' +
    [
      // "Can you show prices in euros?" asks whether; "Can you show me …" asks for what follows.
      "(?:can|could|would|will)\\s+(?:you|u)\\s+(?:please\\s+)?(?:(?:tell|explain|describe)\\s+(?:(?:me|us)\\s+)?|(?:show|let)\\s+(?:me|us)\\s+)(?:(?:know|about)\\s+)?",
      '(?:do|does)\\s+(?:you|u|anyone|anybody)\\s+know\\s+',
      "i(?:\\s+would|'d|\\s+want|\\s+wanted)\\s+(?:like\\s+)?to\\s+know\\s+",
      "i(?:\\s+was|\\s+am|'m)?\\s+wondering\\s+",
      'i\\s+wonder\\s+',
      'any\\s+idea\\s+',
      '(?:please\\s+)?(?:tell|show)\\s+me\\s+(?:about\\s+)?',
      'question\\s*:\\s*',
      // "Explain how refunds work", "Describe OKRs", "Define TOIL", "Please explain to me what …".
      '(?:please\\s+)?(?:briefly\\s+)?(?:explain|describe|define|summari[sz]e)\\s+(?:(?:to\\s+)?(?:me|us)\\s+)?',
      '(?:please\\s+)?(?:give|send)\\s+me\\s+(?:some\\s+)?(?:information|info|details)\\s+(?:about|on)\\s+',
    ].join('|') +
    ')',
  'i',
);

/**
 * Greetings, thanks and pleas that are no part of what a question asks
 * ("Hi! What is Avocado? Thanks"), dropped where the corpus lacks them.
 */
const COURTESY: ReadonlySet<string> = new Set(['hi', 'hello', 'hey', 'thanks', 'thank', 'thx', 'cheers', 'pls', 'plz', 'kindly', 'greetings', 'regards']);

/**
 * `question` as the engine reads it: without courtesies, and with the words
 * it asks with spelled right, so that neither a typo there nor a "thanks"
 * costs the question its answer type or counts as a word the corpus lacks
 * (which weighs like the corpus's rarest word, and so often made such a
 * question go unanswered):
 *
 * - a request that frames the question at its start is dropped: "Can you
 *   tell me what Avocado is?" → "what Avocado is?" (which asks for no yes or
 *   no), "Do you know who founded Scale?", "I was wondering when …", "Any
 *   idea who …", "Question: …", "Explain how …", "Describe OKRs", "Define
 *   TOIL", "Tell me about …";
 * - a greeting, a thanks or a plea is dropped: "Hi! What is Avocado?
 *   Thanks" → "! What is Avocado? ";
 * - a contraction without its apostrophe: "Whats the price?" → "What's the
 *   price?", "Why doesnt it start?" → "Why doesn't it start?";
 * - the word where an asking word stands (the first, or the first after
 *   "in", "for", "and" and the like: "In whcih year …"), when it is an
 *   asking word mistyped ({@link typoOf}: "Waht", "wht", "Hwo many", not
 *   "show" or "hot") or run into the word after it ("Whatare", "Howmany").
 *   Of two it could be, one it lacks a letter of wins ("whn": "when", not
 *   "who"), and "hwo" is "how" before "many", "long", "do" and the like,
 *   else "who".
 *
 * A word the corpus holds (`known`: whether its index term occurs) is never
 * changed ("Whey protein" in a corpus about whey), nor is any word after the
 * asking slot ("Who tossed their name in the hat?" keeps its hat).
 *
 * @param known whether the corpus holds the (lower-case) word's term
 * @param tokens `tokenize(question)`, when the caller has it already
 */
export function readQuestion(question: string, known: (word: string) => boolean, tokens: readonly Token[] = tokenize(question)): string {
  const request = REQUEST.exec(question);
  if (request !== null) {
    const rest = tokenize(question.slice(request[0].length));
    // Only a request followed by a question is one ("Can you tell me about" alone stays as asked).
    if (rest.some((t) => !STOP_WORDS.has(t.word.toLowerCase()))) {
      question = question.slice(request[0].length);
      tokens = rest;
    }
  }
  const edits: Array<[Token, string]> = [];
  // The asking slot is open while only words that may stand before an asking word came ("In …", "And …").
  let slot = true;
  tokens.forEach((t, i) => {
    const w = t.word.toLowerCase();
    if (COURTESY.has(w)) {
      if (!known(w)) edits.push([t, '']);
      return;
    }
    const contraction = CONTRACTIONS.get(w);
    if (contraction !== undefined && !STOP_WORDS.has(w)) {
      slot = false;
      if (!known(w)) edits.push([t, contraction]);
      return;
    }
    if (!slot || BEFORE_ASKING.has(w)) return;
    slot = false;
    if (STOP_WORDS.has(w) || w.length < 3 || !/^[a-z]+$/.test(w)) return;
    // Only a word that could be an asking word is looked up in the corpus.
    const meant = runOn(w) ?? misspeltAskingWord(w, tokens[i + 1]?.word.toLowerCase());
    if (meant !== undefined && !known(w)) edits.push([t, meant]);
  });
  let out = question;
  for (let k = edits.length - 1; k >= 0; k--) {
    const [t, word] = edits[k]!;
    const original = question.slice(t.start, t.end);
    const cased = word !== '' && original[0] !== original[0]!.toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
    out = out.slice(0, t.start) + cased + out.slice(t.end);
  }
  return out;
}

/**
 * Whether `w` is `a` mistyped the ways asking words are: a letter left out
 * ("wht", "whn"), two letters swapped ("waht", "hwo"), a letter doubled or
 * added after the first ("whaat"), or, in a word of four letters or more,
 * one replaced after the first ("whst"). Not a letter added before it or
 * the first one replaced ("show", "chat" are not "how", "what"), nor a
 * letter replaced in a three-letter word ("hot", "way" are not "how", "why").
 */
function typoOf(w: string, a: string): boolean {
  if (!oneEditApart(w, a)) return false;
  // Two letters swapped, or one left out.
  if (w.length < a.length || (w.length === a.length && [...w].sort().join('') === [...a].sort().join(''))) return true;
  // One added or replaced: never the first, and no replacement in a three-letter word.
  return w[0] === a[0] && (w.length > a.length || w.length >= 4);
}

/** "whatis" → "what is", "howmany" → "how many"; undefined for any other word. */
function runOn(w: string): string | undefined {
  for (const a of ASKING_WORDS) {
    if (w.length > a.length && w.startsWith(a) && RUN_ON_TAIL.has(w.slice(a.length))) return `${a} ${w.slice(a.length)}`;
  }
  return undefined;
}

/** The asking word `w` is one edit away from, chosen as {@link readQuestion} says; undefined if none. */
function misspeltAskingWord(w: string, next: string | undefined): string | undefined {
  const near = ASKING_WORDS.filter((a) => typoOf(w, a));
  if (near.length <= 1) return near[0];
  const longer = near.filter((a) => a.length > w.length);
  if (longer.length === 1) return longer[0];
  if (near.includes('how') && next !== undefined && AFTER_HOW.has(next)) return 'how';
  return near[0];
}
