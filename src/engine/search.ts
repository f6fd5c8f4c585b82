import type { Engine } from './build.js';
import { matchedCount, matchedTerm, orCandidates, vocabularyOf, type Candidates } from './compact-search.js';
import { neighbourId, neighbourWeight } from './neighbours.js';
import type { RelatedTerms } from './related.js';
import { RANKING, SEARCH_OPTIONS } from './options.js';
import { sentenceText, type Passage } from './passages.js';
import { COLUMN_GAP, isQuestion, LABEL_LINE } from './sentences.js';
import { phraseTermsOf } from './phrases.js';
import { readQuestion } from './question-words.js';
import { correctTerm, inVocabulary, longerNumber, termFrequency, type Vocabulary } from './spelling.js';
import { FRAME_ADJECTIVES, FRAME_NOUNS, HOW_ADJECTIVES, LIGHT_VERBS, MEASURE_NOUNS, MEASURE_WORDS, PART_NOUNS, PARTICLES } from './stopwords.js';
import { comparable, overlaps, questionQuantity, rangesIn, type Quantity } from './quantities.js';
import { canonicalTerm, NO_SYNONYMS, type Synonyms } from './synonyms.js';
import { HEADING_PATH_SEPARATOR, ownHeading, parentHeadings } from './headings.js';
import { cachedTerm, headOf, irregularHeadsOf, isDigit, queryTerms, scanWords, term, tokenize, type Token } from './text.js';

/** The index terms of {@link LIGHT_VERBS}, {@link FRAME_NOUNS} and {@link FRAME_ADJECTIVES}: frame words wherever they stand. */
const FRAME_TERMS: ReadonlySet<string> = new Set([...LIGHT_VERBS, ...FRAME_NOUNS, ...FRAME_ADJECTIVES].map((w) => term(w)!));
/**
 * The measure nouns ({@link MEASURE_NOUNS}) a question asks for and does not
 * name itself: "length" for "How long …?", "weight" for "How much does it
 * weigh?" (a question term `weigh`).
 */
function measureNouns(question: string, terms: readonly string[]): string[] {
  const out = new Set<string>();
  const q = question.toLowerCase();
  if (q.includes('how ')) {
    for (const m of q.matchAll(HOW_MEASURE)) {
      const noun = MEASURE_NOUNS.get(m[1]!);
      if (noun !== undefined) out.add(term(noun)!);
      // "How heavy is it?" is also answered by "It weighs 250 g", "How old must I be?" by "18 or older".
      const also = MEASURE_WORDS.get(m[1]!);
      if (also !== undefined) out.add(term(also)!);
    }
  }
  if (terms.includes(WEIGH)) out.add(term(MEASURE_NOUNS.get('weigh')!)!);
  return [...out].filter((t) => !terms.includes(t));
}
const WEIGH = term('weigh')!;

/** "how" and one of {@link HOW_ADJECTIVES} after it. */
const HOW_MEASURE = new RegExp(`\\bhow (${HOW_ADJECTIVES.join('|')})\\b`, 'g');
const PART_NOUN_WORDS: ReadonlySet<string> = new Set(PART_NOUNS);
/** One of {@link PART_NOUNS} (or its plural) and the number after it. */
const PART_NUMBER = new RegExp(`\\b(${PART_NOUNS.join('|')})s? (v?[0-9][0-9.]*)`, 'g');
/**
 * The noun of "what kind of …", "which type of …", "three sorts of …", "the name of …", "the term for …",
 * "an example of …", "the percentage of …", "the number of …": it asks for a kind, for what something
 * is called or for a figure; the words after it are the subject.
 */
const KIND_OF = /\b(?:(kinds?|sorts?|types?|names?|examples?|percentages?|proportions?|amounts?|numbers?) of|(terms?) for)\b/g;
/**
 * "According to the report, …", "approximately how many …", "what is typically …", "what is considered
 * …", "regarding …": words that say where an answer comes from, how exact or usual it is, not what it
 * is about ("how often" asks for a frequency: {@link HOW_ADJECTIVES}).
 */
const HEDGE = /\b(according)(?= to\b)|\b(approximately|roughly|nearly|about|around)(?= (?:how|what)\b)|(?<!\bhow )\b(typically|usually|often|generally|commonly|considered|regarding)\b/g;
/** "Where is it located?", "along with …", "where did it take place?": words that say where something is or happens, not what. */
const SETTING = /\b(located)\b|\b(along)(?= with\b)|\b(?:take|takes|taking|taken|took) (place)\b/g;
/**
 * "What changed in 2.0?", "what's new in", "what has changed since": a
 * changelog question, whose subject is what follows ("What new product…"
 * and "What changed the delta?" are not).
 */
const WHAT_CHANGED = /\bwhat(?:'s|’s| is| has| have)? (changed|new)(?= (?:in|since|with|between|for)\b|\s*[?.!]?\s*$)/;

/** What frames a question ({@link questionFrameOf}): its frame words' weights, and the part, the counted thing and the measure it names. */
interface QuestionFrame {
  weights: ReadonlyMap<string, number>;
  label?: string;
  counted?: string;
  measured?: string;
}

/**
 * The question's frame: its frame terms, each with the share of its IDF it
 * weighs in the ranking, and the numbered part it names, if any. Light verbs
 * ({@link LIGHT_VERBS}), nouns that ask for a kind of text ({@link FRAME_NOUNS}:
 * "policy"), a measure asked with "how" ({@link HOW_ADJECTIVES}:
 * "how long"), the verb of a money question ("cost" of "how much does it
 * cost"), the words of a question for a way to reach someone
 * ({@link CONTACT_FRAME_TERMS}: "number", "call"), the noun of "what kind of", "the name
 * of", "the term for", "the percentage of" ({@link KIND_OF}), the "year" of "what year"
 * ({@link DATE_NOUN_Q}), "according to", "typically" and the "approximately" of
 * "approximately how many" ({@link HEDGE}), "located" and "take place" ({@link SETTING}),
 * the "changed" or "new" of "what changed in 2.0?"
 * ({@link WHAT_CHANGED}) and the words that ask what an abbreviation
 * spells out ({@link ABBREVIATION_Q}: "stand for") weigh `RANKING.frameWeight`; a noun that names a numbered part
 * ({@link PART_NOUNS}: "section 3.2") weighs nothing, since the number names
 * the part and a passage that says "see section 3.2" only cites it. A frame
 * term the corpus lacks does not count against the question in the
 * known-terms share. The `label` is the part's number as the question's
 * terms hold it (a number read as the one that continues it, "4.2" →
 * "4.2.0", included); `counted` is the term of what a "how many" question
 * counts ("egg" of "How many eggs …?"), when the question holds it;
 * `measured` the term of the measure a "how" adjective asks for ("long" of
 * "How long …?"), when the question holds it.
 */
function questionFrameOf(question: string, terms: readonly string[], asked: number, answerType: AnswerType): QuestionFrame {
  const weights = new Map<string, number>();
  for (const t of terms) if (FRAME_TERMS.has(t)) weights.set(t, RANKING.frameWeight);
  // Measure nouns added to the question (after its own `asked` terms), and "weigh" when they were.
  for (let i = asked; i < terms.length; i++) weights.set(terms[i]!, RANKING.frameWeight);
  if (asked < terms.length && terms.includes(WEIGH)) weights.set(WEIGH, RANKING.frameWeight);
  const q = question.toLowerCase();
  let measured: string | undefined;
  if (q.includes('how ')) {
    for (const m of q.matchAll(HOW_MEASURE)) {
      const t = term(m[1]!)!;
      weights.set(t, RANKING.frameWeight);
      if (measured === undefined && terms.includes(t)) measured = t;
    }
  }
  // "What number do I call in an emergency?": in a question for a way to reach someone, "number", "call", "phone" … frame it.
  if (answerType === 'contact') for (const t of CONTACT_FRAME_TERMS) if (terms.includes(t)) weights.set(t, RANKING.frameWeight);
  // "What time does school finish?": "time" says what kind of answer is asked for, as "year" does.
  if (answerType === 'time' && terms.includes(TIME_TERM)) weights.set(TIME_TERM, RANKING.frameWeight);
  // "How much does it cost to bring skis?": the verb of paying frames the question, as "how long" does.
  const money = answerType === 'money' ? (MONEY_Q.exec(q) ?? WHAT_MONEY_Q.exec(q)) : null;
  if (money !== null) weights.set(term(money[1]!)!, RANKING.frameWeight);
  const changed = WHAT_CHANGED.exec(q);
  if (changed !== null) weights.set(term(changed[1]!)!, RANKING.frameWeight);
  // "What sort of waves did he observe?" ("sort" says the answer is a kind of wave; a sorting algorithm is
  // not asked for), "In what year …?", "What does CPZ stand for?": the word each pattern captures.
  for (const re of FRAME_PATTERNS) {
    for (const m of q.matchAll(re)) {
      const t = term(m.slice(1).find((w) => w !== undefined)!);
      if (t !== null && terms.includes(t)) weights.set(t, RANKING.frameWeight);
    }
  }
  // "How many eggs …?": what the question counts, when it is one of its terms.
  const count = answerType === 'number' ? COUNTED_Q.exec(q) : null;
  const c = count === null ? null : term(count[1]!);
  const frame: QuestionFrame = { weights };
  if (c !== null && terms.includes(c)) frame.counted = c;
  if (measured !== undefined) frame.measured = measured;
  let label: string | undefined;
  for (const m of q.matchAll(PART_NUMBER)) {
    weights.set(term(m[1]!)!, 0);
    const n = queryTerms(m[2]!)[0];
    if (label !== undefined || n === undefined) continue;
    label = terms.includes(n) ? n : terms.find((t) => t.startsWith(`${n}.`));
  }
  if (label === undefined) return frame;
  // "When was version 3.0 released?": a changelog's heading dates the version; "released" says what the date is of.
  for (const t of terms) if (RELEASE_TERMS.has(t)) weights.set(t, RANKING.frameWeight);
  frame.label = label;
  return frame;
}

/** The words that ask what an abbreviation spells out: "stand" and "short" before "for", "acronym", "abbreviation" ({@link questionFrameOf}). */
const ABBREVIATION_Q = /\b(stands?|short)\s+for\b|\b(acronyms?|abbreviations?|abbreviated|initialisms?)\b/g;

/** The terms of the verbs that ask when a numbered version came out ("released", "published", "shipped"), frame words in a question that names one. */
const RELEASE_TERMS: ReadonlySet<string> = new Set(['release', 'publish', 'ship', 'launch'].map((w) => term(w)!));

const NO_CONTEXT: ReadonlyMap<string, number> = new Map();

/** One ranked passage. */
export interface Hit {
  /** Index into `engine.passages`. */
  passageId: number;
  score: number;
  /** Share (0..1) of the question's IDF weight that the passage matches. */
  coverage: number;
  /** Share (0..1) of the question's IDF weight matched by the passage's best sentence (re-ranked hits only). */
  focus?: number;
  /** The passage's words and sentences as matched against the question (re-ranked hits only). */
  analysis?: PassageAnalysis;
}

/** The ranking for a question, before it is shaped into answers. */
export interface Ranking {
  /** The question as read ({@link readQuestion}): without a request around it or courtesies, its asking words spelled right ("Whats" → "What's"). */
  question: string;
  /** The question's index terms after folding, stop words, stemming and spelling correction, in question order. */
  terms: string[];
  /** IDF of each term in this index (a term found nowhere weighs like one found once). */
  idf: Map<string, number>;
  /** What kind of answer the question asks for, from its question words. */
  answerType: AnswerType;
  /** The numbered part the question names ("clause 6.3": "6.3"), if any; the sentence or section it labels counts like one of the asked-for type. */
  label?: string;
  /** The term of what a "how many" question counts ("How many eggs …?": "egg"), if any. */
  counted?: string;
  /** The question's frame terms ("how long", "take", "policy"), when it has any. */
  frame?: ReadonlySet<string>;
  /** The question's terms found nowhere in the corpus, when it has any. */
  unknown?: ReadonlySet<string>;
  /** The quantity the question names ("a 3 year old", "under 2 months"; quantities.ts), when it names one. */
  quantity?: Quantity;
  abstained: boolean;
  hits: Hit[];
}

/** The kind of answer a question asks for: a date, a number (a share for "what percentage", money for "how much … cost", a frequency for "how often", a duration or length for "how long"), a way to reach someone (an email address, a phone number), a name, a place, a reason ("because …"), a yes or no, an instruction ("To delete it, go to …"), or anything. */
export type AnswerType = 'date' | 'time' | 'number' | 'percent' | 'money' | 'frequency' | 'duration' | 'name' | 'place' | 'reason' | 'yesno' | 'contact' | 'instruction' | 'any';

/** The nouns of "what year", "which century", …: a question that asks for a date ({@link DATE_Q}), framed by the noun ({@link DATE_NOUN_Q}). */
const DATE_NOUNS = 'year|date|century|decade|month';
/** "What year …", "which century …": the noun of a question that asks for a date ({@link questionFrameOf}). */
const DATE_NOUN_Q = new RegExp(`\\b(?:what|which) (${DATE_NOUNS})s?\\b`, 'g');
/** The patterns whose captured word (the first group that matched) frames a question ({@link questionFrameOf}). */
const FRAME_PATTERNS: readonly RegExp[] = [KIND_OF, HEDGE, SETTING, DATE_NOUN_Q, ABBREVIATION_Q];
const DATE_Q = new RegExp(`\\b(when|what (${DATE_NOUNS}|day)|which (${DATE_NOUNS}))\\b`);
const NUMBER_Q = new RegExp(`\\bhow (many|much|often|${HOW_ADJECTIVES.join('|')})\\b|\\bwhat (percentage|percent|number|amount|proportion)\\b`);
const NAME_Q = /\b(who|whom|whose)\b/;
/** The words a question asks with: the first one says what it asks for ("who" in "the man who …" does not, but "What is the name of the man who …?" asks for a name all the same). */
const QUESTION_WORD = /\b(?:who|whom|whose|what|when|where|why|which|how)\b/;
/** A question that asks where. */
const PLACE_Q = /\bwhere\b/;
/** What stands before a place's name: "born in Liepāja", "studied at Uppsala", "near the Baltic" ("from" and "on" measured and left out: docs/quality.md). */
const PLACE_BEFORE = /(?:^|[^A-Za-z])(?:in|at|near)\s+(?:the\s+)?$/i;
/**
 * An instruction in a sentence: one that opens (after a list marker, if
 * any) with "To <verb>" or a verb of using an interface ("Go to", "Click",
 * "Fill in", "Press") or of getting in touch ("Email …", "Call …", "Write to …",
 * "Visit …"), or that shows a path through menus ("Settings →
 * Account"). A command in code is none: "`shipment.rates` lists …" is not.
 */
const INSTRUCTION = /^(?:[-*•◦]\s|\d{1,3}[.)]\s)?(?:To [a-z]+\b|(?:Go to|Click|Tap|Select|Choose|Open|Press|Run|Type|Enter|Fill in|Sign in|Log in|Email|Call|Write to|Send|Contact|Visit|Ask|Register|Apply)\b)|→/;
/** "What number do I call …?": a way to reach someone, not a number. */
const CALL_NUMBER_Q = /\bwhat (?:phone )?number\b.*\b(?:call|ring|phone|text|dial)\b/;
/** "Who do I call when the surgery is closed?": a way to reach someone ("call 111"), not a name. */
const WHO_TO_CALL_Q = /\bwho (?:do|should|can|could|would) (?:i|we|you) (?:call|ring|phone|contact|email|e-mail|text|write to)\b/;
/** The words that frame a question for a way to reach someone ("What is the support phone number?", "What number do I call in an emergency?"): the way, not the subject. */
const CONTACT_FRAME_TERMS: readonly string[] = ['number', 'address', 'call', 'ring', 'phone', 'dial'].map((w) => term(w)!);
/** A question that asks how to reach someone: by email, phone or fax. */
const CONTACT_Q = /\b(e-?mail|phone|telephone|contact|hotline|helpline|fax)\b/;
/**
 * A way to reach someone in a sentence: an email address, a phone number
 * (seven digits or more, in groups: "1-800-555-0199", "+1 555 0100",
 * "(020) 7946 0958"; not a date such as "2026-01-01") or an extension
 * ("extension 4400", "ext. 12").
 */
const CONTACT_TEXT = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]*\w|(?<![\w.,])(?!\d{4}-\d\d-\d\d\b)\+?\(?\d{1,4}\)?(?:[ .-]?\(?\d{2,4}\)?){2,4}(?![\w,]|\.\d)|\b(?:extension|ext\.?)\s*\d{2,6}\b/i;
/** A number question that asks for a share: "What percentage of …?" */
const PERCENT_Q = /\b(percentage|percent|per cent)\b/;
/** A share in a sentence: "61%", "27-30 %", "61 per cent", "5 percent". */
const PERCENT_TEXT = /\d\s*(?:%|per ?cent\b)/i;
/** A "how much" question about money: "How much will the roof cost?", "How much did Meta pay?" */
const MONEY_Q = /\bhow much\b.*\b(cost|costs|pay|paid|pays|price|prices|charge|charges|charged|fee|fees|spend|spent|worth|earn|earned|sell|sold|buy|bought|raise|raised)\b/;
/**
 * A "what" question about money: "What did Meta pay for Scale AI?", "What does a day pass cost?", "What is the
 * fee?" (not "What did they pay for?" or "What company paid …?", which ask for a thing, nor "buy" or "spend", which ask
 * what was bought).
 */
const WHAT_MONEY_Q = /\bwhat(?:'s|’s| (?:is|was|are|were|did|does|do|will|would|could|should|might))\b.*\b(cost|costs|price|prices|fee|fees|charge|charges|charged|worth|pay|paid|pays)\b(?!\s+(?:for|attention)\s*\??\s*$)/;
/**
 * A question typed as a few words, with no question word, that names a price: "crash course prices", "parking fees",
 * "cost of a day pass" (checked only when {@link QUESTION_WORD} and {@link YESNO_Q} do not match).
 */
const FRAGMENT_MONEY_Q = /\b(?:price|prices|cost|costs|fee|fees|charges|fare|fares)\b/;
/** The same for a time of day: "pool opening hours", "opening times of the tip". */
const FRAGMENT_TIME_Q = /\b(?:opening|closing)\s+(?:hours|times)\b/;
/**
 * A yes-or-no question whether the asker pays: "Is there a fee to cancel?", "Are there any late charges?", "Is there a
 * penalty if my bill isn't paid on time?", "Do I have to pay for returns?", "Will I be charged …?", "Does it cost
 * extra?". Its answer is the amount ("less a £10 admin fee"), so it asks for money (not "Can the application fee be
 * waived?", whose fee is its subject, nor "Do you pay interest?").
 */
const YESNO_MONEY_Q =
  /^\s*(?:(?:is|are) there (?:a |an |any )?(?:[a-z-]+ )?(?:fee|fees|charge|charges|cost|costs|penalty|penalties|fine|fines)\b|(?:do|will|would|should|must|can) (?:i|we)\b.*\b(?:pay|be charged)\b|(?:do|does|will|would) (?:it|this|that|they)\b.*\b(?:cost|charge)\b)/;
/** An amount of money in a sentence: "$14 billion", "€95", "CHF 30", "18,500 pounds", "40 euros", "75 crowns", "25p". */
const MONEY_TEXT =
  /[$€£¥₹₽₩₺₪]\s?\d|\b(?:usd|eur|gbp|chf|sek|nok|dkk|jpy|aud|cad|inr|cny)\s?\d|\d\s?(?:dollars|euros|pounds|pence|cents|yen|crowns|kronor|kroner|krona|francs|rupees|yuan|pesos|rand|zloty|baht|usd|eur|gbp|chf|sek|nok|dkk)\b|\b\d{1,3}p\b/i;
/** What a "how many" question counts: "How many eggs …?". */
const COUNTED_Q = /\bhow many\s+([a-z]+)/;
/** Number words, for "how many" answers written out ("three turnovers", "hundreds of"). */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens'.split(
    ' ',
  ),
);
/** {@link NUMBER_WORDS} as alternatives of a regular expression. */
const NUMBER_WORD = [...NUMBER_WORDS].join('|');
/**
 * "What is the … time?" of an event, which asks for a time of day: "What is the cut-off time?", "What's the check-in
 * time?", "What are the closing times?" ({@link DURATION_NOUN_Q} for the times that are lengths).
 */
const EVENT_TIME_Q = /\bwhat(?:'s|’s| is| are)? (?:the |your |our )?(?:start|starting|finish|finishing|end|closing|opening|check-in|check in|checkin|check-out|check out|checkout|departure|arrival|pickup|pick-up|pick up|collection|cut-off|cut off|cutoff|kick-off|kickoff|lunch|bed)\s+times?\b/;
/**
 * A question that asks for a time of day: "What time does school finish?", "At what time …?", "What times is
 * reception staffed?", and
 * for hours of opening: "What are the opening hours?", "When are quiet hours?" (not "What hours a
 * week …?" or "What is the price for two hours?", which count them), and for the time of an event
 * ({@link EVENT_TIME_Q}).
 */
const TIME_Q = new RegExp(
  `${EVENT_TIME_Q.source}|\\bwhat times?\\b|\\b(?:what|when)(?:'s|’s| is| are| were)? (?:the |your |our |its |their )?(?:[a-z'’-]+ ){0,3}(?<!\\b(?:\\d+|${NUMBER_WORD}|few|several|many|more|extra|additional) )hours\\b(?! (?:a|per|each|every) )`,
);
/** "What is the … time?" of a wait or a process, which asks how long: "What is the delivery time?", "What's the average waiting time?". */
const DURATION_NOUN_Q = /\bwhat(?:'s|’s| is| are)? (?:the |your |our |an? )?(?:average |usual |typical |expected |estimated )?(?:waiting|wait|delivery|response|processing|travel|journey|turnaround|cooking|baking|recovery|lead|running|refund)\s+times?\b/;
/** The term of "time", a frame word of a {@link TIME_Q} question. */
const TIME_TERM = term('time')!;
/** A time of day in a sentence: "15:15", "8.30am", "9 pm", "noon", "midnight" (not "2.50", a price). */
const TIME_TEXT = /\b(?:[01]?\d|2[0-3]):[0-5]\d\b|\b\d{1,2}(?:[.:][0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:noon|midday|midnight)\b/i;
/**
 * A question that asks what words mean: "What does standing charge mean on my bill?", "What is meant by a
 * fixed tariff?", "What's the meaning of …?", "Define …": its "charge" or "time" names the words, not the answer.
 */
const DEFINITION_Q = /^\s*what (?:does|do) .+\bmean\b|\bwhat(?:'s|’s| is) (?:meant by|the meaning of|the definition of)\b|^\s*(?:define|definition of)\b/;
/** A question that asks why. */
const REASON_Q = /\bwhy\b/;
/** A reason in a sentence: "because", "due to", "as a result of", "so that", … */
const REASON_TEXT = /\b(?:because|due to|owing to|as a result of|caused by|so that|in order to|thanks to|reasons? (?:is|was|are|were|for))\b/i;
/** A number question that asks how often: "How often do adult dogs need a booster?" */
const FREQUENCY_Q = /\bhow often\b/;
/** How often, in a sentence: "every year", "twice a day", "once per week", "weekly", "three times a month". */
const FREQUENCY_TEXT = /\b(?:every|each|once|twice|daily|weekly|monthly|yearly|annually|hourly|nightly|times? (?:a|an|per|each)|per (?:day|week|month|year|hour))\b/i;
/** A number question that asks how long: "How long is an appointment?", "How much time do I have?" */
const DURATION_Q = /\bhow long\b|\bhow much time\b/;
/** Units of length, as alternatives of a regular expression: "km", "metres", "cm", "miles", "feet", "inches" … */
const LENGTH_UNITS = 'km|kilomet(?:re|er)s?|m|met(?:re|er)s?|cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|miles?|ft|feet|foot|inch(?:es)?|yards?';
/**
 * How long, in a sentence: a number, in digits or {@link NUMBER_WORDS}, or "a", "an", "half an", with a unit of time or
 * length after it ("10 minutes", "six months", "a year", "5 business days", "48-hour", "2.5 km"), or a range between
 * two times of day ("off from 7:00 until at least 16:00"); not a phone number or a count, nor "a few more days", which
 * says no length.
 */
const DURATION_TEXT = new RegExp(
  `\\b(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORD}|a|an|half an?)[\\s-](?:(?:full|whole|business|working|calendar|school|consecutive)\\s)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|${LENGTH_UNITS})\\b|(?:${TIME_TEXT.source})\\s*(?:to|until|till|-|–)\\s*(?:at least\\s+)?(?:${TIME_TEXT.source})`,
  'i',
);
/** A question answered yes or no: it opens with a verb ("Do I need …?", "Can I …?", "Is there …?"). */
const YESNO_Q = /^\s*(?:do|does|did|can|could|is|are|was|were|will|would|should|may|must|has|have|am)\b/;
/** A yes or a no opening a sentence ("Yes, except for emergencies.", "A: No."; not "No. 5"). */
const YESNO_TEXT = /^(?:A:\s*)?(?:Yes|No)\b(?!\.\s*\d)/;
/** The answer types that pick a passage's answer sentence but do not rank passages: the words that show them are in too many passages to tell of a subject. */
const SENTENCE_ONLY_TYPES: ReadonlySet<AnswerType> = new Set(['reason', 'yesno']);
/** An amount of money or a percentage, which a fee, a charge or a tax is often given as ("Card payments abroad | 2.75%"). */
const MONEY_OR_SHARE_TEXT = new RegExp(`${MONEY_TEXT.source}|${PERCENT_TEXT.source}`, 'i');
/** The answer types a sentence holds as a whole, by a pattern over it, rather than by one of its words. */
const SENTENCE_TYPES: Partial<Record<AnswerType, RegExp>> = { time: TIME_TEXT, yesno: YESNO_TEXT, contact: CONTACT_TEXT, instruction: INSTRUCTION, percent: PERCENT_TEXT, money: MONEY_OR_SHARE_TEXT, reason: REASON_TEXT, frequency: FREQUENCY_TEXT, duration: DURATION_TEXT };
const YEAR = /^(1[0-9]|20)[0-9][0-9]s?$/;
/**
 * A time counted from an event, an answer to "when" in a policy or a manual: "within 21 days", "after 3
 * working days", "by two weeks", "for a year".
 */
const RELATIVE_TIME = /\b(?:within|after|before|in|by|for|up to|at least)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety|a|an)\s+(?:business\s+|working\s+|calendar\s+|school\s+)?(?:days?|weeks?|months?|years?|hours?)\b/i;
/** A day of the month as an ordinal, "the 5th", "on the 21st of each month" (also "the 12th century"). */
const ORDINAL_DAY = /\b(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)\b/i;
/**
 * What answers "when" in a sentence besides a year or a month or weekday name ({@link DATE_WORDS}): a time counted
 * from an event ({@link RELATIVE_TIME}), a time of day ({@link TIME_TEXT}: "collected by 13:00") or a day of the month
 * ({@link ORDINAL_DAY}: "paid by the 5th of the month").
 */
const WHEN_TEXT = new RegExp([RELATIVE_TIME.source, TIME_TEXT.source, ORDINAL_DAY.source].join('|'), 'i');
/** Month and weekday names, dates for a "when" question as a year is ("on 8 September", "every Monday", "on Tuesdays"; not "may"). */
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');
const DATE_WORDS: ReadonlySet<string> = new Set([
  ...'january february march april june july august september october november december'.split(' '),
  ...WEEKDAYS,
  ...WEEKDAYS.map((d) => `${d}s`),
]);
const DIGIT = /^[0-9]/;
/** What stands before a year ("in 2025", "June 2025", "since 1990"), not before a number of things. */
const YEAR_BEFORE = /(?:^|[^A-Za-z])(?:in|since|by|from|until|till|after|before|during|of|early|late|mid|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[\s,.-]*$/i;
/**
 * Which lengths a number word has, by its first two letters (ASCII, lower
 * case; index `c0 << 7 | c1`, bit `length`): a word of any other shape needs no lookup.
 */
const NUMBER_WORD_LENGTHS = new Uint16Array(1 << 14);
for (const w of NUMBER_WORDS) NUMBER_WORD_LENGTHS[(w.charCodeAt(0) << 7) | w.charCodeAt(1)]! |= 1 << w.length;
const UPPER = /^\p{Lu}/u;
const SENTENCE_END = /[.!?]["'”’)]*\s*$/;

/**
 * Reads the answer type from English question words: "when …" asks for a
 * date (a year, a month or a weekday, or a time from an event: "within 21 days";
 * "when" and "where" only as the first question word, not in a clause after another:
 * "How old was he when …?"), "what time …" for a time of day ("15:15", "3 p.m.", "noon"), "how many …" for a number ("what percentage …" for a share such as
 * "61%", "how much does it cost" or "what did they pay" for money such as "€95", "how often" for a
 * frequency such as "every year"), "… email?" or "… phone number?" for a
 * way to reach someone, "who …" for a name, "where …" for a place (a name after
 * "in", "at" or "near"), "why …" for a reason (which picks the answer
 * sentence only, not the passage), "how do I …" ({@link HOW_TO})
 * for an instruction ({@link INSTRUCTION}), and a question that opens with a
 * verb ("Do I need …?") for a yes or a no (the answer sentence only, too).
 */
export function answerTypeOf(question: string): AnswerType {
  const q = question.toLowerCase();
  // "When" and "where" ask only as the question's first question word: "How old was he when he played?", "Where can I park when I visit?".
  const lead = q.search(QUESTION_WORD);
  const asks = (re: RegExp): boolean => {
    const m = re.exec(q);
    return m !== null && (lead < 0 || m.index <= lead);
  };
  if (TIME_Q.test(q)) return 'time';
  if (DURATION_NOUN_Q.test(q)) return 'duration';
  if (asks(DATE_Q)) return 'date';
  if (CALL_NUMBER_Q.test(q) || WHO_TO_CALL_Q.test(q)) return 'contact';
  // "What does standing charge mean?" asks what the words say, not for an amount.
  if (DEFINITION_Q.test(q)) return 'any';
  if (NUMBER_Q.test(q)) return PERCENT_Q.test(q) ? 'percent' : MONEY_Q.test(q) ? 'money' : FREQUENCY_Q.test(q) ? 'frequency' : DURATION_Q.test(q) ? 'duration' : 'number';
  if (WHAT_MONEY_Q.test(q)) return 'money';
  // "crash course prices", "opening hours of the tip": a few words that name what they ask for.
  if (lead < 0 && !YESNO_Q.test(q)) {
    if (FRAGMENT_TIME_Q.test(q)) return 'time';
    if (FRAGMENT_MONEY_Q.test(q)) return 'money';
  }
  if (CONTACT_Q.test(q)) return 'contact';
  if (NAME_Q.test(q)) return 'name';
  if (asks(PLACE_Q)) return 'place';
  if (REASON_Q.test(q)) return 'reason';
  if (HOW_TO.test(q)) return 'instruction';
  if (YESNO_Q.test(q)) return YESNO_MONEY_Q.test(q) ? 'money' : 'yesno';
  return 'any';
}

function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * A question term's weight in the support for answering at all:
 * ln(1 + N / df). Unlike the IDF that ranks ({@link idfOf}), it does not fall
 * to zero for a term in every passage, such as a word of the title of a
 * one-document corpus: such a word does not tell passages apart, but it is
 * evidence that the corpus is about the question (docs/quality.md, "Words in
 * every passage").
 */
function subjectWeightOf(n: number, df: number): number {
  return Math.log(1 + n / df);
}

/** Which of the question's terms {@link supportOf} counts in other ways than by the passage holding them (by index; -1: none). */
interface SupportTerms {
  /** The frame weight of the `i`-th term (1 for a term of the subject). */
  frameOf: (i: number) => number;
  /** The quantity's number, held by a range that holds it. */
  ranged?: number;
  /** The measure a "how" adjective asks for, held by a sentence of the asked-for type. */
  measured?: number;
  /** The term the corpus lacks, held by a related word found for it ({@link withRelatedOnly}'s last column). */
  lacked?: number;
  /** The share of that term's support a related word found for it brings (0..1). */
  relatedShare?: number;
  /** The candidates (indexes in `raw`) among the two passages before and the two after it in its document ({@link adjacentCandidates}). */
  adjacent?: readonly number[];
  /** The share of a term's weight it adds when the passage lacks it and one of `adjacent` holds it (0..1). */
  adjacentShare?: number;
}

/**
 * Whether the corpus answers at all, from its best passage `hit` (candidate
 * of `raw`, re-ranked): the share of the question's weight
 * ({@link subjectWeightOf}) the passage matches plus the share carried by the
 * question's adjacent term pairs it holds close together. Only the first
 * `asked` terms count: the measure nouns added after them (`measureNouns`)
 * are the ranking's, not the question's. A frame term weighs its frame
 * weight here too (`held.frameOf(i)` for the `i`-th term, {@link questionFrameOf}):
 * the "give" of "How much money does the scholarship give?" says little of what is asked.
 * The number of the quantity the question names (its `held.ranged`-th term, -1
 * if none) counts as held by a passage with a range that holds it: "Children
 * under 13" speaks of "a 10 year old" without the "10". So does the measure a
 * "how" adjective asks for (its `held.measured`-th term, -1 if none) by a passage
 * with a sentence of the asked-for type: "Claims must reach us within 90 days"
 * answers "How long …?" without the word "long". When the question is asked again
 * with the related words of the term the corpus lacks (its `held.lacked`-th; -1 if not;
 * {@link withRelatedOnly}'s last column), a passage holding one adds
 * `RANKING.retryByRelated.support` of that term's weight, times `held.relatedShare` (the
 * share of the highest IDF that the rarest related word it holds has: a common one,
 * "flow" in an aerodynamics corpus, is weak evidence). A term the passage lacks that a
 * passage near it in its document holds (`held.adjacent`, two either side) adds `held.adjacentShare` of its weight.
 */
function supportOf(raw: Candidates, hit: Hit, n: number, asked: number, held: SupportTerms): number {
  const { frameOf, ranged = -1, measured = -1, lacked = -1, relatedShare = 1, adjacent = [], adjacentShare = 0 } = held;
  const terms = asked;
  const weights = new Float64Array(terms);
  let total = 0;
  for (let i = 0; i < terms; i++) total += weights[i] = subjectWeightOf(n, Math.max(1, raw.df[i]!)) * frameOf(i);
  const j = raw.ids.indexOf(hit.passageId);
  const matched = (i: number): boolean => j >= 0 && matchedTerm(raw, j, i);
  const rangeHeld = ranged >= 0 && hit.analysis?.sentenceRange?.some((r) => r > 0) === true;
  let support = 0;
  const measureHeld = measured >= 0 && hit.analysis?.sentenceTyped.some((t) => t) === true;
  for (let i = 0; i < terms; i++) {
    if (matched(i) || (rangeHeld && i === ranged) || (measureHeld && i === measured)) support += weights[i]!;
    else if (adjacentShare > 0 && adjacent.some((a) => matchedTerm(raw, a, i))) support += weights[i]! * adjacentShare;
  }
  // A measure noun the passage holds ("Weight: 3.2 kg" for "How much does it weigh?") adds like a frame word.
  const measures = lacked >= 0 ? raw.df.length - 1 : raw.df.length;
  for (let i = terms; i < measures; i++) if (matched(i)) support += subjectWeightOf(n, Math.max(1, raw.df[i]!)) * RANKING.frameWeight;
  // A related word of the word the corpus lacks, in a passage found by it ({@link withRelatedOnly}'s last column).
  if (lacked >= 0 && matched(measures)) support += weights[lacked]! * RANKING.retryByRelated.support * relatedShare;
  hit.analysis?.pairs.forEach((found, i) => {
    if (found && i + 1 < terms) support += (weights[i]! + weights[i + 1]!) / 2;
  });
  hit.analysis?.relatedHeld?.forEach((r, i) => {
    if (r && i < terms) support += weights[i]! * RANKING.relatedSupport;
  });
  return support / total;
}

/** How one passage's words meet the question's terms. */
export interface PassageAnalysis {
  /** `[start, end)` offsets of the words whose terms are in the question. */
  highlights: Array<[number, number]>;
  /** IDF weight of the distinct question terms in each sentence or in the passage's context (title and heading). */
  sentenceWeights: number[];
  /** Whether each sentence holds a word of the asked-for answer type that the question does not. */
  sentenceTyped: boolean[];
  /** IDF weight of the distinct question terms each sentence holds that its context (title, heading) does not: what it adds to them. */
  sentenceOwn?: number[];
  /** IDF weight of the question's adjacent term pairs found close together, in question order or not. */
  proximity: number;
  /** Whether the question's `i`-th and `i + 1`-th terms stand close together somewhere in the passage. */
  pairs: boolean[];
  /** IDF weight of the question terms the passage (text, title and heading) lacks but holds a related term of. */
  related: number;
  /** Whether the passage lacks the question's `i`-th term but holds a related term of it; undefined when it was not looked for. */
  relatedHeld?: boolean[] | undefined;
  /** IDF weight of the question terms the passage lacks that each sentence holds a related term of (the answer sentence's choice only); undefined when none. */
  sentenceRelated?: number[] | undefined;
  /** For a question that names a quantity, each sentence's ranges of its kind: 1 when one holds it, -1 when none does, 0 when it gives none; undefined otherwise. */
  sentenceRange?: number[] | undefined;
}

/**
 * A sentence that opens by referring back: a pronoun first ("It is used for
 * …", "Their fees …", "This applies …"), "the" and a noun that names what a
 * text has just named ("The company acquired …", "The city …"), or a pronoun
 * that is a subject or an object among its first three words ("Take them to
 * …", "In 1850, he …"; not "Meta knows its …").
 */
const REFERS_BACK = /[^A-Za-z0-9\u00c0-\uffff]*(?:(?:it|its|they|them|their|he|his|him|she|her|this|these|those)\b|the (?:company|firm|organization|organisation|agency|city|country|university|school|band|group|team|government|state|club|church)\b|(?:[A-Za-z0-9'\u00c0-\uffff]+[^A-Za-z0-9'\u00c0-\uffff]+){1,2}(?:it|they|them|he|him|she)\b)/iy;

/**
 * Whether sentence `s` of `p` refers back to the sentence before it
 * ({@link REFERS_BACK}) in the same paragraph: it then counts that
 * sentence's question terms as its own, and is quoted with it.
 */
function refersBack(p: Passage, s: number): boolean {
  if (s === 0 || startsLine(p, s)) return false;
  REFERS_BACK.lastIndex = p.sentences[s]!;
  return REFERS_BACK.test(p.text);
}

/**
 * The heads ({@link headOf}: first two characters) of each term, and of the
 * irregular verb forms that may become one of the terms ("bought" for "bui").
 * Otherwise terms only ever change a word's ending: Porter stemming keeps the
 * first character and the second, except that it may turn a second `y` into
 * `i` ("ays" → "ai"); numbers and non-ASCII words are kept whole. So a word
 * whose start matches none of these cannot be one of the terms and needs no
 * term lookup (checked in test/node/hot-path.test.ts). With synonyms, the
 * heads of the other terms of a term's group (and of their irregular forms)
 * count too.
 */
function termHeads(terms: readonly string[], synonyms: Synonyms): Int32Array {
  // Every passage of one question is analysed with the same terms array.
  if (terms === lastTerms && synonyms === lastSynonyms) return lastHeads;
  const heads: number[] = [];
  const add = (h: number) => {
    heads.push(h);
    for (const form of irregularHeadsOf(h) ?? []) heads.push(form);
  };
  for (const t of terms) {
    add(headOf(t));
    for (const h of synonyms.heads.get(t) ?? []) add(h);
  }
  lastTerms = terms;
  lastSynonyms = synonyms;
  lastHeads = Int32Array.from(heads);
  return lastHeads;
}

let lastTerms: readonly string[] | undefined;
let lastSynonyms: Synonyms | undefined;
let lastHeads = new Int32Array(0);

/** {@link firstTwo}'s flag: the word may be one of the question's terms. */
const QUESTION_HEAD = 1;
/** {@link firstTwo}'s flag: the word may be one of the question's related terms. */
const RELATED_HEAD = 2;
/** {@link firstTwo}'s flag: a first or second character beyond ASCII, which the table does not cover. */
const WIDE_HEAD = 4;

/**
 * The flags of a word's first two ASCII characters, at `(c0 << 7) | c1` (`y`
 * read as `i` in second place, 0x7f for a word of one character), for the
 * heads of {@link lastTable}: one lookup instead of a loop over the heads
 * for each word of a passage.
 */
const FIRST_TWO = new Uint8Array(1 << 14);

/** The heads and related prefixes {@link FIRST_TWO} holds, and the entries set for them. */
const lastTable: { heads: Int32Array; prefixes: RelatedPrefixes | undefined; set: number[] } = { heads: new Int32Array(0), prefixes: undefined, set: [] };

/**
 * Sets {@link FIRST_TWO} for `heads` ({@link QUESTION_HEAD}) and `prefixes`
 * ({@link RELATED_HEAD}), unless it holds them already. Without `prefixes`,
 * related flags left from the same question's heads stay: a caller without
 * related terms never reads them.
 */
function fillFirstTwo(heads: Int32Array, prefixes: RelatedPrefixes | undefined): void {
  if (heads === lastTable.heads && (prefixes === undefined || prefixes === lastTable.prefixes)) return;
  const set = lastTable.set;
  for (let k = 0; k < set.length; k++) FIRST_TWO[set[k]!] = 0;
  set.length = 0;
  for (let k = 0; k < heads.length; k++) markHead(heads[k]!, QUESTION_HEAD, set);
  if (prefixes !== undefined) {
    for (const i of prefixes.firstTwo) mark(i, RELATED_HEAD, set);
    for (const h of prefixes.heads) markHead(h, RELATED_HEAD, set);
  }
  lastTable.heads = heads;
  lastTable.prefixes = prefixes;
}

/** Sets `flag` at entry `i` of {@link FIRST_TWO}, noting it in `set`. */
function mark(i: number, flag: number, set: number[]): void {
  if (FIRST_TWO[i] === 0) set.push(i);
  FIRST_TWO[i]! |= flag;
}

/** Sets `flag` for the words head `h` ({@link headOf}) may start: those of its two characters, or of its one (a one-character term). */
function markHead(h: number, flag: number, set: number[]): void {
  const c0 = h >>> 16;
  const c1 = h & 0xffff;
  if (c0 >= 0x80) return;
  if (c1 === 0xffff) for (let c = 0; c < 0x80; c++) mark((c0 << 7) | c, flag, set);
  else if (c1 < 0x7f) mark((c0 << 7) | c1, flag, set);
}

/** The {@link FIRST_TWO} flags of the word at `text[start, end)` (folded: `folded`, or ASCII in lower case), or {@link WIDE_HEAD}. */
function firstTwo(text: string, start: number, end: number, folded: string | undefined): number {
  let c0: number;
  let c1: number;
  if (folded !== undefined) {
    c0 = folded.charCodeAt(0);
    c1 = folded.length > 1 ? folded.charCodeAt(1) : 0x7f;
  } else {
    c0 = lowerAscii(text.charCodeAt(start));
    c1 = end - start > 1 ? lowerAscii(text.charCodeAt(start + 1)) : 0x7f;
  }
  if (c0 >= 0x80 || c1 >= 0x80) return WIDE_HEAD;
  return FIRST_TWO[(c0 << 7) | (c1 === 0x79 ? 0x69 : c1)]!;
}

/**
 * What a word must start with to be one of a question's related terms
 * (`analysePassage`'s `related`), so that only such words are looked up: a question has
 * dozens of related terms (34 on average on SQuAD), and their two-character
 * heads would let most words through. Porter stemming keeps a word's first
 * four characters when the stem has five or more, its first three when it
 * has three or four (it may add an `e`: "voting" → "vote"), but for a `y`
 * it turns into `i` ({@link prefixKey} reads `y` as `i` after the first
 * character): a related term of five or more characters is matched by its
 * first four (`four`), one of three or four by its first three (`three`), a
 * shorter one, or the other words of its synonym group, by their heads
 * ({@link headOf}) (checked in test/node/hot-path.test.ts).
 * Irregular forms of related terms ("went" for "go") are not looked for.
 * `wide`: a related term starts with a non-ASCII character, so every word
 * that does is looked up.
 */
interface RelatedPrefixes {
  four: ReadonlySet<number>;
  three: ReadonlySet<number>;
  heads: ReadonlySet<number>;
  wide: boolean;
  /** The first two characters of every term of `four` and `three`, as {@link FIRST_TWO} entries. */
  firstTwo: readonly number[];
  /** `heads` as a list, for {@link mayBeTerm}. */
  headList: Int32Array;
}

/** ASCII characters `c[0 .. n)` (n 3 or 4, each below 0x80) as one number, `y` read as `i` after the first. */
function prefixKey(c0: number, c1: number, c2: number, c3 = -1): number {
  const k = (c0 << 14) | ((c1 === 0x79 ? 0x69 : c1) << 7) | (c2 === 0x79 ? 0x69 : c2);
  return c3 < 0 ? k : (k << 7) | (c3 === 0x79 ? 0x69 : c3);
}

/** The {@link RelatedPrefixes} of `related`'s terms, read like `synonyms` read them. */
function relatedPrefixesOf(related: ReadonlyMap<string, number>, synonyms: Synonyms): RelatedPrefixes {
  if (related === lastRelated && synonyms === lastRelatedSynonyms) return lastPrefixes;
  const four = new Set<number>();
  const three = new Set<number>();
  const heads = new Set<number>();
  const firstTwo: number[] = [];
  let wide = false;
  for (const u of related.keys()) {
    const c0 = u.charCodeAt(0);
    const c1 = u.charCodeAt(1);
    const c2 = u.charCodeAt(2);
    const c3 = u.charCodeAt(3);
    // charCodeAt past the end is NaN, which no comparison holds.
    if (c0 >= 0x80 || c1 >= 0x80 || c2 >= 0x80 || c3 >= 0x80) wide = true;
    else if (u.length < 3) heads.add(headOf(u));
    else {
      const key = prefixKey(c0, c1, c2);
      firstTwo.push(key >>> 7);
      if (u.length < 5) three.add(key);
      else four.add(prefixKey(c0, c1, c2, c3));
    }
    for (const h of synonyms.heads.get(u) ?? []) heads.add(h);
  }
  lastRelated = related;
  lastRelatedSynonyms = synonyms;
  lastPrefixes = { four, three, heads, wide, firstTwo, headList: Int32Array.from(heads) };
  return lastPrefixes;
}

let lastRelated: ReadonlyMap<string, number> | undefined;
let lastRelatedSynonyms: Synonyms | undefined;
let lastPrefixes: RelatedPrefixes = { four: new Set(), three: new Set(), heads: new Set(), wide: false, firstTwo: [], headList: new Int32Array(0) };

/** Whether the word at `text[start, end)` (folded: `folded`, or ASCII in lower case) may be one of the related terms of `prefixes`. */
function mayBeRelated(prefixes: RelatedPrefixes, text: string, start: number, end: number, folded: string | undefined): boolean {
  const length = folded !== undefined ? folded.length : end - start;
  if (length >= 3) {
    const at = folded !== undefined ? 0 : start;
    const chars = folded ?? text;
    const c0 = folded !== undefined ? chars.charCodeAt(at) : lowerAscii(chars.charCodeAt(at));
    const c1 = folded !== undefined ? chars.charCodeAt(at + 1) : lowerAscii(chars.charCodeAt(at + 1));
    const c2 = folded !== undefined ? chars.charCodeAt(at + 2) : lowerAscii(chars.charCodeAt(at + 2));
    if (c0 < 0x80 && c1 < 0x80 && c2 < 0x80) {
      if (prefixes.three.has(prefixKey(c0, c1, c2))) return true;
      if (length > 3) {
        const c3 = folded !== undefined ? chars.charCodeAt(at + 3) : lowerAscii(chars.charCodeAt(at + 3));
        if (c3 >= 0x80 ? prefixes.wide : prefixes.four.has(prefixKey(c0, c1, c2, c3))) return true;
      }
    } else if (prefixes.wide) return true;
  }
  return prefixes.heads.size > 0 && mayBeTerm(prefixes.headList, text, start, end, folded);
}

/** Whether the word at `text[start, end)` (folded: `folded`, or ASCII in lower case) may have one of the terms' heads. */
function mayBeTerm(heads: Int32Array, text: string, start: number, end: number, folded: string | undefined): boolean {
  let c0: number;
  let c1: number;
  if (folded !== undefined) {
    c0 = folded.charCodeAt(0);
    c1 = folded.length > 1 ? folded.charCodeAt(1) : -1;
  } else {
    c0 = lowerAscii(text.charCodeAt(start));
    c1 = end - start > 1 ? lowerAscii(text.charCodeAt(start + 1)) : -1;
  }
  const one = (c0 << 16) | 0xffff;
  const two = c1 < 0 ? one : (c0 << 16) | (c1 === 0x79 ? 0x69 : c1);
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    if (h === two || h === one) return true;
  }
  return false;
}

/** False when the word at `text[start, end)` cannot pass YEAR, DATE_WORDS, DIGIT, NUMBER_WORDS or UPPER for `type`. */
function mayBeTyped(type: AnswerType, text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (type === 'date') return c === 0x31 || c === 0x32 || (c >= 0x41 && c <= 0x5a);
  if (type === 'number') {
    if (c >= 0x30 && c <= 0x39) return true;
    const c0 = lowerAscii(c);
    const c1 = lowerAscii(text.charCodeAt(start + 1));
    return end - start < 16 && c0 < 0x80 && c1 < 0x80 && ((NUMBER_WORD_LENGTHS[(c0 << 7) | c1]! >> (end - start)) & 1) === 1;
  }
  return (c >= 0x41 && c <= 0x5a) || c >= 0x80;
}

function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/**
 * A passage's words as {@link scanWords} reads them, kept for the
 * {@link WORDS_KEPT} passages read last: every question re-ranks passages
 * word by word, and a corpus's questions come back to the same passages.
 * `bounds` holds each word's start and end in the passage's text (two numbers
 * a word), `folded` the scanner's folded form by the index of its start in
 * `bounds` (a word with accents, "e-mail", "U.S."), `terms` each word's term
 * once looked up ({@link termAt}; "" for a word without one), and `columns`
 * whether any line may be a row of a table laid out in columns (a tab, or two
 * spaces in a row: most passages have none).
 */
interface PassageWords {
  bounds: Uint16Array | Uint32Array;
  folded: Map<number, string> | undefined;
  terms: Array<string | undefined>;
  columns: boolean;
}

/** How many passages' words {@link wordsOf} keeps (about 0.9 KB each for SQuAD's passages: at most about 7.5 MB). */
export const WORDS_KEPT = 8192;
const WORDS = new WeakMap<Passage, PassageWords>();
/** The passages {@link WORDS} holds, in the order they were read: the oldest makes room for the next. */
const WORDS_READ: Array<Passage | undefined> = new Array<Passage | undefined>(WORDS_KEPT);
let wordsNext = 0;

/** The words of passage `p` ({@link PassageWords}), read once while it is among the last {@link WORDS_KEPT} read. */
function wordsOf(p: Passage): PassageWords {
  const kept = WORDS.get(p);
  if (kept !== undefined) return kept;
  const bounds: number[] = [];
  let folded: Map<number, string> | undefined;
  scanWords(p.text, (start, end, f) => {
    if (f !== undefined) (folded ??= new Map()).set(bounds.length, f);
    bounds.push(start, end);
  });
  const text = p.text;
  const words: PassageWords = {
    bounds: text.length < 0x10000 ? Uint16Array.from(bounds) : Uint32Array.from(bounds),
    folded,
    terms: new Array<string | undefined>(bounds.length >>> 1),
    columns: text.includes('\t') || text.includes('  '),
  };
  const oldest = WORDS_READ[wordsNext];
  if (oldest !== undefined) WORDS.delete(oldest);
  WORDS_READ[wordsNext] = p;
  wordsNext = (wordsNext + 1) % WORDS_KEPT;
  WORDS.set(p, words);
  return words;
}

/** The term ({@link cachedTerm}) of the `k`-th word of `words`, at `text[start, end)` (folded: `folded`), looked up once. */
function termAt(words: PassageWords, k: number, text: string, start: number, end: number, folded: string | undefined): string | null {
  const kept = words.terms[k];
  if (kept !== undefined) return kept === '' ? null : kept;
  const t = cachedTerm(folded ?? text.slice(start, end).toLowerCase());
  words.terms[k] = t ?? '';
  return t;
}

/**
 * Matches a passage word by word against the question: which words to
 * highlight, how much of the question each sentence covers, whether a
 * sentence holds a candidate of the asked-for type (a year, month or weekday for "when", a
 * number in digits or words for "how many", and the counted noun right after it counting again,
 * "6 eggs", a capitalised name for "who", one after "in", "at" or
 * "near" for "where"), and which adjacent
 * question terms stand within {@link RANKING.proximityWindow} words of each other.
 * A passage word is read through `synonyms` like the index read it. Each
 * `context` term (term → weight: the question's terms in the passage's
 * document title and section heading, see `contextOf`) adds its weight to
 * each sentence that does not hold it itself. A sentence that refers back
 * ({@link refersBack}) and holds a question term or a word of the asked-for
 * type counts the terms of the sentence before it in full (less what the
 * context already gives it). With `related` (related term → the position
 * of the question term it relates to, `relatedOf`), it also notes the
 * question terms the passage lacks but holds a related term of.
 */
export function analysePassage(
  p: Passage,
  ranking: Pick<Ranking, 'terms' | 'idf' | 'answerType' | 'label' | 'counted' | 'unknown' | 'quantity'>,
  questionWords: ReadonlySet<string>,
  synonyms: Synonyms = NO_SYNONYMS,
  context: ReadonlyMap<string, number> = NO_CONTEXT,
  related?: ReadonlyMap<string, number>,
): PassageAnalysis {
  const { terms, idf, answerType, label, counted, unknown, quantity } = ranking;
  // The word index of the last number read, for a "how many" question's counted noun right after it ("6 eggs").
  let numberAt = -2;
  const typedSentence = SENTENCE_TYPES[answerType];
  const position = new Map<string, number>();
  terms.forEach((t, i) => position.set(t, i));
  const heads = termHeads(terms, synonyms);
  const prefixes = related === undefined ? undefined : relatedPrefixesOf(related, synonyms);
  fillFirstTwo(heads, prefixes);
  // With related terms: which question terms the text holds, and which only a related term of.
  const held = related === undefined ? undefined : new Array<boolean>(terms.length).fill(false);
  const relatedFound = related === undefined ? undefined : new Array<boolean>(terms.length).fill(false);
  // Each sentence's related terms found, as sentence × terms.length + question term position.
  let relatedAt: Set<number> | undefined;
  const highlights: Array<[number, number]> = [];
  const sentenceWeights = p.sentences.map(() => 0);
  const sentenceTyped = p.sentences.map(() => false);
  const sentenceOwn = p.sentences.map(() => 0);
  // For a question that names a quantity: 1 for a sentence that gives a range holding it, -1 for one whose ranges of its kind do not.
  const sentenceRange = quantity === undefined ? undefined : p.sentences.map(() => 0);
  // The question's words of its quantity ("14", "year", "old" of "my 14 year old"), which a sentence with a range that holds it speaks of.
  let quantityTerms: readonly string[] | undefined;
  // "What is the maximum weight …?": the noun of a dimension, which a sentence with an amount in one of its units holds.
  const dim = dimensionOf(terms);
  let seenInSentence = new Set<string>();
  const lastAt = new Array<number>(terms.length).fill(-1e9);
  const pairFound = new Array<boolean>(Math.max(0, terms.length - 1)).fill(false);
  let s = 0;
  let w = 0;
  // Whether the last word was a part noun ("clause"), for a question that names a part:
  // "clause 6.3" cites the part, "6.3 If uptime falls …" is it.
  let afterPartNoun = false;
  const text = p.text;
  // Its words, read once while it is among the passages read last.
  const read = wordsOf(p);
  // The question's terms in the header row of the table being read, each with the weight it adds to a row that lacks it.
  let header: Map<string, number> | undefined;
  // The context's terms (the title's and heading's) count for each sentence that lacks them,
  // and a table's header row's for each row under it: "| Safari | 17 |" under "| Browser | Minimum version |".
  // The question's terms in the sentence before, for a sentence that refers back to it (the two sets swap at each sentence's end).
  let before = new Set<string>();
  const endSentence = (): void => {
    // A type found by a pattern over the whole sentence (an email address, "To delete your account, go to …", "$14 billion"),
    // before the sentence may inherit the one before's terms for holding the asked-for type.
    if (typedSentence !== undefined && typedSentence.test(sentenceText(p, s))) sentenceTyped[s] = true;
    // "When do I get my deposit back?" of "… within 21 days after Tenant moves out": a time from an event is a date too,
    // and so are a time of day ("Bags must be collected by 13:00") and a day of the month ("paid by the 5th of the month").
    else if (answerType === 'date' && !sentenceTyped[s] && WHEN_TEXT.test(sentenceText(p, s))) sentenceTyped[s] = true;
    if (sentenceRange !== undefined) sentenceRange[s] = rangeVerdict(sentenceText(p, s), quantity!);
    // "Patrons aged 12 to 15 may use …" speaks of "my 14 year old" without its words.
    if (sentenceRange?.[s] === 1) for (const t of (quantityTerms ??= quantityTermsOf(quantity!, terms))) if (!seenInSentence.has(t) && !context.has(t)) sentenceWeights[s]! += idf.get(t) ?? 0;
    // "Bags over 32 kg are not accepted" speaks of the weight "What is the maximum weight …?" asks for.
    if (dim !== undefined && !seenInSentence.has(dim.term) && dim.amount.test(sentenceText(p, s))) {
      sentenceWeights[s]! += idf.get(dim.term) ?? 0;
      if (!context.has(dim.term)) sentenceOwn[s]! += idf.get(dim.term) ?? 0;
    }
    for (const [t, weight] of context) if (!seenInSentence.has(t)) sentenceWeights[s]! += weight;
    // "It is used for headache." after "Calmaprin contains ibuprofen.": the sentence speaks of what the one before named
    // (also when it holds no question word but the asked-for type: "The company paid $14 billion." after "Meta invested in Scale AI.").
    if (before.size > 0 && (seenInSentence.size > 0 || sentenceTyped[s])) {
      let more = 0;
      for (const t of before) if (!seenInSentence.has(t)) more += Math.max(0, (idf.get(t) ?? 0) - (context.get(t) ?? 0));
      if (more > 0 && refersBack(p, s)) sentenceWeights[s]! += more;
    }
    if (text.charCodeAt(p.sentences[s]!) !== 0x7c && !(read.columns && isColumnRow(p, s))) header = undefined;
    else if (isTableHeader(p, s)) {
      header = new Map();
      for (const t of seenInSentence) if (!context.has(t)) header.set(t, (idf.get(t) ?? 0) * RANKING.contextWeight);
    } else if (header !== undefined) for (const [t, weight] of header) if (!seenInSentence.has(t)) sentenceWeights[s]! += weight;
    const done = before;
    before = seenInSentence;
    seenInSentence = done;
    seenInSentence.clear();
  };
  const visit = (start: number, end: number, folded: string | undefined): void => {
    while (s + 1 < p.sentences.length && p.sentences[s + 1]! <= start) {
      endSentence();
      s++;
    }
    w++;
    const cites = afterPartNoun;
    if (label !== undefined) afterPartNoun = PART_NOUN_WORDS.has((folded ?? text.slice(start, end).toLowerCase()).replace(/s$/, ''));
    // The folded word is made only for words that may be question terms or typed answers.
    let word = folded;
    const flags = firstTwo(text, start, end, folded);
    let t = (flags & QUESTION_HEAD) !== 0 || (flags === WIDE_HEAD && mayBeTerm(heads, text, start, end, folded)) ? termAt(read, w - 1, text, start, end, folded) : null;
    if (t !== null) t = canonicalTerm(synonyms, t);
    const qi = t === null ? undefined : position.get(t);
    if (qi === undefined) {
      // A related term: looked up only for a word that starts like one.
      if (prefixes !== undefined && (t !== null || ((flags & (RELATED_HEAD | WIDE_HEAD)) !== 0 && mayBeRelated(prefixes, text, start, end, folded)))) {
        let r = t;
        if (r === null) {
          r = termAt(read, w - 1, text, start, end, folded);
          if (r !== null) r = canonicalTerm(synonyms, r);
        }
        const ri = r === null ? undefined : related!.get(r);
        if (ri !== undefined) {
          relatedFound![ri] = true;
          (relatedAt ??= new Set()).add(s * terms.length + ri);
        }
      }
      if (counted !== undefined && mayBeTyped('number', text, start, end) && (isDigit(text.charCodeAt(start)) || NUMBER_WORDS.has((word ??= text.slice(start, end).toLowerCase())))) numberAt = w;
      // A word of the asked-for type that the question does not hold (cheap tests first: they are pure).
      if (answerType !== 'any' && typedSentence === undefined && !sentenceTyped[s] && mayBeTyped(answerType, text, start, end)) {
        const raw = text.slice(start, end);
        if (
          ((answerType === 'date' && (YEAR.test(raw) || DATE_WORDS.has((word ??= raw.toLowerCase())))) ||
            (answerType === 'number' && ((DIGIT.test(raw) && !isItemNumber(p, s, start, end) && !(YEAR.test(raw) && YEAR_BEFORE.test(text.slice(Math.max(0, start - 12), start)))) || NUMBER_WORDS.has((word ??= raw.toLowerCase())))) ||
            (answerType === 'name' && UPPER.test(raw) && start > 0 && !SENTENCE_END.test(text.slice(Math.max(0, start - 4), start))) ||
            (answerType === 'place' && UPPER.test(raw) && PLACE_BEFORE.test(text.slice(Math.max(0, start - 10), start)))) &&
          !questionWords.has((word ??= text.slice(start, end).toLowerCase()))
        ) {
          sentenceTyped[s] = true;
        }
      }
      return;
    }
    highlights.push([start, end]);
    if (held !== undefined) held[qi] = true;
    // "6 eggs" for "How many eggs …?": the number counts what the question counts.
    if (t === counted && numberAt === w - 1) {
      sentenceTyped[s] = true;
      sentenceWeights[s]! += (idf.get(t!) ?? 0) * RANKING.countedWeight;
    }
    // "6.3 If uptime falls …" or "9. Termination" is the part the question names; "see clause 6.3" only cites it.
    if (t === label && !cites && (label.includes('.') || text[end] === '.' || text[end] === ')')) sentenceTyped[s] = true;
    if (!seenInSentence.has(t!)) {
      seenInSentence.add(t!);
      sentenceWeights[s]! += idf.get(t!) ?? 0;
      if (!context.has(t!)) sentenceOwn[s]! += idf.get(t!) ?? 0;
    }
    lastAt[qi] = w;
    if (qi > 0 && w - lastAt[qi - 1]! <= RANKING.proximityWindow) pairFound[qi - 1] = true;
    if (qi + 1 < terms.length && w - lastAt[qi + 1]! <= RANKING.proximityWindow) pairFound[qi] = true;
  };
  const { bounds, folded: foldedAt } = read;
  for (let k = 0; k < bounds.length; k += 2) visit(bounds[k]!, bounds[k + 1]!, foldedAt?.get(k));
  while (s < p.sentences.length) {
    endSentence();
    s++;
  }
  // Under a heading that the question's part number labels ("## 6.3 Service credits"), every sentence is that part.
  if (headedByPart(p, label, synonyms)) sentenceTyped.fill(true);
  let proximity = 0;
  pairFound.forEach((found, i) => {
    const a = idf.get(terms[i]!)!;
    const b = idf.get(terms[i + 1]!)!;
    // A term that weighs nothing ("clause" before the number a question names) adds nothing in a pair either.
    if (found && a > 0 && b > 0) proximity += (a + b) / 2;
  });
  // A related word of a question word the corpus lacks is weaker evidence: that word weighs like the rarest word.
  const relatedCredit = (i: number): number => (idf.get(terms[i]!) ?? 0) * (unknown?.has(terms[i]!) === true ? RANKING.relatedUnknownShare : 1);
  let relatedWeight = 0;
  relatedFound?.forEach((r, i) => {
    if (r && !held![i] && !context.has(terms[i]!)) relatedWeight += relatedCredit(i);
    else relatedFound[i] = false;
  });
  // A sentence that holds a related word of a question term the passage lacks ("chief" for "boss") says more than one that does not.
  let sentenceRelated: number[] | undefined;
  for (const at of relatedWeight > 0 && relatedAt !== undefined ? relatedAt : []) {
    const i = at % terms.length;
    if (!relatedFound![i]) continue;
    sentenceRelated ??= p.sentences.map(() => 0);
    sentenceRelated[(at - i) / terms.length]! += relatedCredit(i) * RANKING.relatedSentenceShare;
  }
  return { highlights, sentenceWeights, sentenceTyped, sentenceOwn, proximity, pairs: pairFound, related: relatedWeight, relatedHeld: relatedFound, sentenceRelated, sentenceRange };
}

/** Which of `terms` are the words of a question's `quantity`: its number, its unit, and "old" of an age ("a 14 year old"). */
function quantityTermsOf(quantity: Quantity, terms: readonly string[]): readonly string[] {
  const out: string[] = [];
  for (const w of [quantity.written, quantity.unitWritten, quantity.age === true ? 'old' : undefined]) {
    const t = w === undefined ? null : term(w);
    if (t !== null && terms.includes(t)) out.push(t);
  }
  return out;
}

/**
 * 1 when `sentence` gives a range of `quantity`'s kind that holds it ("2 to 4
 * years" for a 3 year old), -1 when it gives such ranges and none holds it
 * ("2 to 3 months"), 0 when it gives none.
 */
function rangeVerdict(sentence: string, quantity: Quantity): number {
  let verdict = 0;
  for (const r of rangesIn(sentence, quantity.age === true)) {
    if (!comparable(r, quantity)) continue;
    if (overlaps(r, quantity)) return 1;
    verdict = -1;
  }
  return verdict;
}

/** Whether the word at `text[start, end)` is the number of a numbered list item ("2. Paste your key"), not a quantity. */
function isItemNumber(p: Passage, s: number, start: number, end: number): boolean {
  const c = p.text.charCodeAt(end);
  return start === p.sentences[s] && end - start <= 3 && (c === 0x2e || c === 0x29) && p.text.charCodeAt(end + 1) === 0x20;
}

/** Whether `p` sits under a heading that the part number `label` opens ("## 6.3 Service credits"; "## [3.0.0] - 2026-09-14" above "### Added"). */
function headedByPart(p: Passage, label: string | undefined, synonyms: Synonyms): boolean {
  if (label === undefined || p.section === '') return false;
  return p.section.split(HEADING_PATH_SEPARATOR).some((heading) => {
    const first = firstTermOf(heading);
    return first !== null && canonicalTerm(synonyms, first) === label;
  });
}

const FIRST_TERMS = new Map<string, string | null>();
const FIRST_TERMS_MAX = 10_000;

/**
 * The index term of the first word of a heading that has one (null when
 * none does), memoised: a question that names a part asks it of each
 * re-ranked passage's heading twice (its context and its analysis), and
 * passages share headings.
 */
function firstTermOf(heading: string): string | null {
  let first = FIRST_TERMS.get(heading);
  if (first !== undefined) return first;
  first = null;
  for (const t of tokenize(heading)) {
    first = cachedTerm(t.word);
    if (first !== null) break;
  }
  if (FIRST_TERMS.size >= FIRST_TERMS_MAX) FIRST_TERMS.clear();
  FIRST_TERMS.set(heading, first);
  return first;
}

/**
 * Ranks passages for a natural-language question, in stages.
 *
 * 1. Candidates: the question's terms (folded, stop words dropped, stemmed)
 *    are looked up in MiniSearch (BM25 with `d = 0`, OR, no prefix or fuzzy
 *    matching). A term of {@link RANKING.minCorrectLength} letters or more
 *    ({@link RANKING.minCorrectLengthUnrelated} for a word not typed as a
 *    name that the lexicon does not know) that no passage holds is first read as the
 *    corpus term one edit away (spelling.ts), if any. MiniSearch multiplies each score by the number
 *    of terms matched; that factor is replaced by the share of the question's IDF
 *    weight the passage covers, so a passage that matches the rare words
 *    beats one that matches many common ones.
 * 2. Re-ranking of the best {@link RANKING.depth}: each is boosted by its
 *    best sentence's coverage of the question (plus a bonus when that
 *    sentence also holds a candidate of the asked-for answer type) and by
 *    the question's adjacent term pairs found close together. The best
 *    hit is the first answer, unless it only asks (a question with no
 *    statement after it) and another states something.
 * 3. The answers after the first (when `limit` > 1): the best
 *    {@link RANKING.neighbourDepth} candidates by stage-one score smoothed
 *    with their build-time neighbours' scores, times their re-ranking
 *    factors (see `withNeighbours`).
 *
 * `abstained` is true, and `hits` empty, when the corpus does not answer:
 * the best passage's support (its coverage of the question's weight plus
 * the weight of the question's adjacent term pairs it holds close together,
 * {@link supportOf}) is below {@link RANKING.minSupport} (less a margin when
 * the passage's neighbours are candidates too, plus it when they are not:
 * {@link coherent}), or fewer than {@link RANKING.minKnown} of the
 * question's terms occur in the corpus at all (one the best passage holds a
 * related word of counts: {@link knownEnough}), a missing frame term
 * ({@link questionFrameOf}: "get", "how **long**") not counted (an off-topic question shares
 * a few common words with many passages but most of its words with none),
 * unless only one is missing and the best passage's heading holds the
 * others ({@link headedByKnown}). Small corpora use lower thresholds
 * ({@link abstentionThresholds}). A question refused so is asked again with
 * the one word a verb of it and the particle after it make in the corpus
 * ({@link withJoinedParticles}: "has broken down" of "Our 24-hour breakdown
 * line …"). A question still refused, with exactly one
 * word the corpus lacks, not a name, to which the index relates corpus words
 * ({@link lackedAlone}), is asked once more with the passages that hold such
 * a word as candidates too (`RANKING.retryByRelated`): "where do I take my
 * garbage" of "Trash must be bagged …". No answered question changes.
 *
 * @param limit how many hits to return at most
 * @param opts `abstain: false` ranks even where the corpus does not answer (evaluation of the ranking alone)
 */
export function rank(engine: Engine, input: string, limit: number, opts: { abstain?: boolean } = {}): Ranking {
  const read = readAsked(engine, input);
  const abstain = opts.abstain !== false;
  const first = rankRead(engine, read, read.raw, limit, abstain, -1);
  if (!first.abstained || !abstain) return first;
  // Not answered: asked again with the one word a verb and its particle make in the corpus ("broken down": "breakdown").
  const joined = withJoinedParticles(engine, read);
  if (joined !== undefined) {
    const again = rankRead(engine, joined, joined.raw, limit, abstain, -1);
    if (!again.abstained) return again;
  }
  // Not answered: asked again, once, with the related words of the one word the corpus lacks.
  const i = lackedAlone(engine, read.question, read.tokens, read.terms, read.raw.df, read.asked);
  if (i === undefined) return first;
  const own = new Set(read.terms);
  const related = (engine.related.get(read.terms[i]!) ?? []).filter((u) => !own.has(u));
  const more = orCandidates(engine.mini, [...read.terms, ...related], SEARCH_OPTIONS);
  // No passage holds a related word without a word of the question: the answer stays no.
  if (more.count === read.raw.count) return first;
  const rarest = new Map<number, number>();
  return rankRead(engine, read, withRelatedOnly(read.raw, more, read.terms.length, rarest), limit, abstain, i, rarest);
}

/** A question as {@link rank} reads it, before any passage is scored. */
interface AskedQuestion {
  question: string;
  /** The words of `question`. */
  tokens: Token[];
  /** Its terms, spelling corrected, then the measure nouns the corpus holds. */
  terms: string[];
  /** How many of `terms` the question asked (the measure nouns come after them). */
  asked: number;
  answerType: AnswerType;
  corrected: { terms: string[]; shares: ReadonlyMap<string, number> } | undefined;
  /** The passages that hold any of `terms`. */
  raw: Candidates;
}

/** Reads `input` as {@link rank} does: the question, its terms and the passages that hold them. */
function readAsked(engine: Engine, input: string): AskedQuestion {
  // "Can you tell me …", "Hi", "Whats …", "Waht …", "Hwo many …" read as what they ask (question-words.ts).
  const typed = tokenize(input);
  const question = readQuestion(input, (word) => holdsWord(engine, word), typed);
  // The question's words, read once: its terms, their corrections and the words a typed answer must not repeat.
  const tokens = question === input ? typed : tokenize(question);
  let terms = questionTerms(engine, tokens);
  const answerType = answerTypeOf(question);
  let raw = orCandidates(engine.mini, terms, SEARCH_OPTIONS);
  const corrected = terms.length === 0 ? undefined : correctSpelling(engine, question, tokens, terms, raw);
  if (corrected !== undefined) {
    terms = corrected.terms;
    raw = orCandidates(engine.mini, terms, SEARCH_OPTIONS);
  }
  // "How long …?" is also asked of a "length", "How much does it weigh?" of a "Weight:", when the
  // corpus has the noun: a frame word added to the question's terms, after the ones it asked.
  const asked = terms.length;
  const measures = measureNouns(question, terms);
  if (measures.length > 0) {
    const more = orCandidates(engine.mini, [...terms, ...measures], SEARCH_OPTIONS);
    const found = measures.filter((_, k) => more.df[asked + k]! > 0);
    if (found.length === measures.length) raw = more;
    else if (found.length > 0) raw = orCandidates(engine.mini, [...terms, ...found], SEARCH_OPTIONS);
    terms = [...terms, ...found];
  }
  return { question, tokens, terms, asked, answerType, corrected, raw };
}

/**
 * `read` with, after each of its asked terms that the corpus holds and that the question writes
 * before a particle ("broken down", "set up"), the one word the two make in the corpus
 * ("breakdown", "setup"; {@link joinedTerm}); undefined when there is none. Spelling correction
 * joins only a word the corpus lacks ("picked up" of a corpus without "pick"); this reading is for
 * a question the first reading refused, since the joined word's weight, added to the verb's, costs
 * a passage that writes the two words apart ("the forces can be broken down into …").
 */
function withJoinedParticles(engine: Engine, read: AskedQuestion): AskedQuestion | undefined {
  const { question, tokens, terms, asked } = read;
  let joined: Map<string, string> | undefined;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const next = joinableAfter(question, tokens, k);
    if (next === undefined || !PARTICLE_SET.has(next.word)) continue;
    const t = indexTermOf(engine, tokens[k]!.word);
    const at = t === null ? -1 : terms.indexOf(t);
    if (at < 0 || at >= asked || read.raw.df[at] === 0) continue;
    const vocabulary = vocabularyOf(engine.mini);
    if (vocabulary === undefined) return undefined;
    const j = joinedTerm(terms[at]!, tokens[k]!.word, next.word, vocabulary, engine.synonyms);
    if (j !== null && !terms.includes(j)) (joined ??= new Map()).set(terms[at]!, j);
  }
  if (joined === undefined) return undefined;
  const own = terms.slice(0, asked).flatMap((t) => {
    const j = joined.get(t);
    return j === undefined ? [t] : [t, j];
  });
  const all = [...new Set(own)];
  const withMeasures = [...all, ...terms.slice(asked)];
  return { ...read, terms: withMeasures, asked: all.length, raw: orCandidates(engine.mini, withMeasures, SEARCH_OPTIONS) };
}

/**
 * Ranks the passages of `raw` for the question `read` ({@link rank}'s stages and abstention); with
 * `retry` ≥ 0, `raw` is {@link withRelatedOnly}'s, for the related words of the `retry`-th term,
 * and `rarest` its passages' rarest related word's document frequency.
 */
function rankRead(engine: Engine, read: AskedQuestion, raw: Candidates, limit: number, abstain: boolean, retry: number, rarest?: ReadonlyMap<number, number>): Ranking {
  const { question, tokens, terms, asked, answerType, corrected } = read;
  const idf = new Map<string, number>();
  const empty: Ranking = { question, terms, idf, answerType, abstained: true, hits: [] };
  if (raw.count === 0) return empty;
  const n = engine.passages.length;
  const frame = questionFrameOf(question, terms, asked, answerType);
  const df = new Map<string, number>();
  terms.forEach((t, i) => {
    if (raw.df[i]! > 0) df.set(t, raw.df[i]!);
  });
  const names = namesOf(question, df, (t) => canonicalTerm(engine.synonyms, t));
  let total = 0;
  for (const t of terms) {
    // A word found nowhere in the corpus is often a paraphrase ("pay" for
    // "acquired"): weigh it like the rarest word the corpus has, not higher,
    // so one unknown word cannot veto an otherwise well-matched question.
    const w = idfOf(n, Math.max(1, df.get(t) ?? 0)) * (frame.weights.get(t) ?? (names.has(t) ? RANKING.nameWeight : 1)) * (corrected?.shares.get(t) ?? 1);
    idf.set(t, w);
    total += w;
  }

  const weights = terms.map((t) => idf.get(t) ?? 0);
  // A passage that holds only a related word of the word the corpus lacks: that share of its weight.
  if (retry >= 0) weights.push(weights[retry]! * RANKING.retryByRelated.weight);
  // Every candidate's stage-one score by passage: the abstention looks up whether the best passage's
  // neighbours are candidates, and the answers after the first are ranked again with their scores.
  const stage1 = engine.neighbours.k > 0 ? scratchOf(engine) : undefined;
  const smooth = limit > 1 && RANKING.neighbourWeight > 0 ? stage1 : undefined;
  const want = Math.max(limit, RANKING.depth, smooth === undefined ? 0 : RANKING.neighbourDepth);
  const ranking: Ranking = { question, terms, idf, answerType, abstained: false, hits: [] };
  if (frame.label !== undefined) ranking.label = frame.label;
  if (frame.counted !== undefined) ranking.counted = frame.counted;
  if (frame.weights.size > 0) ranking.frame = new Set(frame.weights.keys());
  if (df.size < terms.length) ranking.unknown = new Set(terms.filter((t) => !df.has(t)));
  const quantity = questionQuantity(question);
  if (quantity !== undefined) ranking.quantity = quantity;
  const questionWords = new Set(tokens.map((t) => t.word));
  let hits = rerank(engine, ranking, questionWords, total, bestHits(raw, want, weights, total, stage1), relatedOf(engine.related, terms, phraseTermsOf(question, tokens, terms, asked, engine.synonyms)));

  const { minSupport, minKnown, coherenceMargin, adjacentShare, unnamedMargin, knownEase } = abstentionThresholds(n);
  const best = hits[0]!.passageId;
  // Enough support from the best passage, or else with the words of the passages near it in its document (looked up only then).
  const supported = (): boolean => {
    const held: SupportTerms = {
      frameOf: (i) => frame.weights.get(terms[i]!) ?? 1,
      ranged: quantity?.written === undefined ? -1 : terms.indexOf(quantity.written),
      measured: frame.measured === undefined ? -1 : terms.indexOf(frame.measured),
      lacked: retry,
      relatedShare: idfOf(n, rarest?.get(best) ?? 1) / idfOf(n, 1),
    };
    const shift = (namesNoOne(question, answerType, hits[0]!) ? unnamedMargin : 0) - (knownThroughout(engine, question, tokens, terms, asked, df, hits[0]!) ? knownEase : 0);
    const need = supportNeeded(engine, best, stage1, minSupport, coherenceMargin) + shift;
    if (supportOf(raw, hits[0]!, n, asked, held) >= need) return true;
    return adjacentShare > 0 && supportOf(raw, hits[0]!, n, asked, { ...held, adjacent: adjacentCandidates(engine, raw, best), adjacentShare }) >= need;
  };
  // Too few of the question's words in the corpus, unless the best passage holds all but one of
  // them in its heading (or, below the full thresholds, in one sentence); or too little support,
  // less for a best passage whose neighbours are candidates too, more for one whose are not, more
  // for a "who" question it answers with no name, less for a question whose words the corpus all holds.
  const refused =
    abstain &&
    ((!knownEnough(terms, (t, i) => df.has(t) || hits[0]!.analysis?.relatedHeld?.[i] === true, frame.weights, minKnown) && !oneMissingHeld(engine, hits[0]!, subjectOf(terms, df, frame.weights), n)) ||
      (!supported() && !headedByPart(engine.passages[best]!, frame.label, engine.synonyms)));
  if (refused) return empty;
  if (smooth !== undefined) hits = withNeighbours(engine, hits, smooth, terms.length);
  hits = withWordsFirst(engine, ranking, questionWords, hits, Math.min(limit, RANKING.shownAnswers));
  return { ...ranking, hits: hits.slice(0, limit) };
}

/**
 * The index of the question's one term, among its `asked` terms, that the corpus lacks (`df` 0), when
 * it has exactly one, the index relates words of the corpus to it, and it is not typed with a capital
 * after the first word (a name: "Warsaw", "Von Miller"); undefined otherwise. A question with more
 * than one such word, or whose one is a name, is more often about another subject than put in other
 * words (docs/quality.md, session 25).
 */
function lackedAlone(engine: Engine, question: string, tokens: readonly Token[], terms: readonly string[], df: Uint32Array, asked: number): number | undefined {
  let lacked = -1;
  for (let i = 0; i < asked; i++) {
    if (df[i]! > 0) continue;
    if (lacked >= 0) return undefined;
    lacked = i;
  }
  const t = terms[lacked];
  if (t === undefined || engine.related.get(t) === undefined) return undefined;
  const named = tokens.some((w, k) => {
    if (!typedAsName(question, tokens, k)) return false;
    const x = cachedTerm(w.word);
    return x !== null && canonicalTerm(engine.synonyms, x) === t;
  });
  return named ? undefined : lacked;
}

/**
 * `raw`'s candidates as they are, then those of `more` (`raw`'s terms, then from `at` on the related
 * words of the term the corpus lacks) that hold none of `raw`'s terms: each matches the one column
 * `at`, however many related words it holds, with their BM25 sum as its score (MiniSearch's score ÷
 * their number; stage one divides by the columns matched, here one). `rarest` gets, for each of
 * these, the document frequency of the rarest related word it holds.
 */
function withRelatedOnly(raw: Candidates, more: Candidates, at: number, rarest: Map<number, number>): Candidates {
  const W = (at + 32) >>> 5;
  const count = more.count;
  const out: Candidates = { count, words: W, ids: new Int32Array(count), scores: new Float64Array(count), matched: new Uint32Array(count * W), df: new Uint32Array(at + 1) };
  out.df.set(more.df.subarray(0, at));
  out.ids.set(raw.ids.subarray(0, raw.count));
  out.scores.set(raw.scores.subarray(0, raw.count));
  for (let j = 0; j < raw.count; j++) out.matched.set(raw.matched.subarray(j * raw.words, (j + 1) * raw.words), j * W);
  const own = new Set(raw.ids.subarray(0, raw.count));
  let k = raw.count;
  for (let j = 0; j < more.count; j++) {
    const id = more.ids[j]!;
    if (own.has(id)) continue;
    // How many related words it holds, and the rarest one's document frequency.
    let related = 0;
    let df = Infinity;
    for (let c = at; c < more.df.length; c++) {
      if (!matchedTerm(more, j, c)) continue;
      related++;
      df = Math.min(df, more.df[c]!);
    }
    rarest.set(id, df);
    out.ids[k] = id;
    out.scores[k] = more.scores[j]! / Math.max(1, related);
    out.matched[k * W + (at >>> 5)] = out.matched[k * W + (at >>> 5)]! | (1 << (at & 31));
    out.df[at] = out.df[at]! + 1;
    k++;
  }
  return out;
}

/**
 * The nouns of a dimension, and an amount in one of its units in a sentence: "weight" and "23 kg", "height" and "2.4 m",
 * "capacity" and "1.5 litres". A question's dimension noun counts as held by a sentence with such an amount.
 */
const DIMENSION_AMOUNTS: ReadonlyArray<readonly [readonly string[], RegExp]> = [
  [['weight', 'mass'].map((w) => term(w)!), /\d\s?(?:kg|kilos?|kilograms?|g|grams?|mg|lbs?|oz|ounces?|tonnes?|tons?)\b/i],
  [['length', 'height', 'width', 'depth', 'distance'].map((w) => term(w)!), new RegExp(`\\d\\s?(?:${LENGTH_UNITS})\\b`, 'i')],
  [['volume', 'capac'].map((w) => term(w)!), /\d\s?(?:l|litres?|liters?|ml|millilit(?:re|er)s?|gallons?|pints?)\b/i],
];
/** The set of every dimension noun's term ({@link DIMENSION_AMOUNTS}), to tell at once that a question names none. */
const DIMENSION_NOUNS: ReadonlySet<string> = new Set(DIMENSION_AMOUNTS.flatMap(([nouns]) => nouns));
/**
 * The first of `terms` that is the noun of a dimension ({@link DIMENSION_AMOUNTS}), with the pattern of an amount in its
 * units. Every passage of one question is analysed with the same terms array, so the last answer is kept.
 */
function dimensionOf(terms: readonly string[]): { term: string; amount: RegExp } | undefined {
  if (terms === lastDimensionTerms) return lastDimension;
  lastDimensionTerms = terms;
  lastDimension = undefined;
  const t = terms.find((x) => DIMENSION_NOUNS.has(x));
  if (t !== undefined) lastDimension = { term: t, amount: DIMENSION_AMOUNTS.find(([nouns]) => nouns.includes(t))![1] };
  return lastDimension;
}
let lastDimensionTerms: readonly string[] | undefined;
let lastDimension: { term: string; amount: RegExp } | undefined;

/** A word written in capitals ("HSA", "CPZs", "E403") or in camel case ("DataConf"). */
const NAME = /\b(?:[A-Z][A-Z0-9]+s?|[A-Z][a-z]+[A-Z][A-Za-z]*)\b/g;

/**
 * The terms of the question's names ({@link NAME}), read through the
 * synonyms (`canonical`) as the question's terms are, that the corpus holds
 * (`df`, the question's terms found in it): they weigh {@link RANKING.nameWeight} in the ranking, unless they
 * are frame words, which keep the frame's weight.
 */
function namesOf(question: string, df: ReadonlyMap<string, number>, canonical: (t: string) => string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(NAME)) {
    const w = term(m[0].toLowerCase());
    const t = w === null ? null : canonical(w);
    if (t !== null && df.has(t)) out.add(t);
  }
  return out;
}

/**
 * The terms related to the question's `terms`: first those its everyday
 * phrases lend (`phrased`, phrases.ts: "picking up" → "collect"), then the
 * corpus's related terms (related.ts); each → the position of the question
 * term it relates to (the first, for WordNet's); none that is a question term
 * itself. Undefined when there are none.
 */
function relatedOf(related: RelatedTerms, terms: readonly string[], phrased: ReadonlyArray<readonly [number, string]>): Map<string, number> | undefined {
  if (related.size === 0 && phrased.length === 0) return undefined;
  let out: Map<string, number> | undefined;
  const own = new Set(terms);
  for (const [i, u] of phrased) if (!own.has(u) && !out?.has(u)) (out ??= new Map()).set(u, i);
  terms.forEach((t, i) => {
    for (const u of related.get(t) ?? []) if (!own.has(u) && !out?.has(u)) (out ??= new Map()).set(u, i);
  });
  return out;
}

/**
 * Leaves out of the first `shown` answers those after the first that hold
 * no word of the question in their text or heading: a passage that matched
 * only through its document's title (which every passage of a one-document
 * corpus shares) tells a reader nothing about the question, so fewer
 * answers are better than such ones. Hits further down are not checked
 * (only an evaluation ranks that far). Each checked hit keeps its analysis.
 */
function withWordsFirst(engine: Engine, ranking: Ranking, questionWords: ReadonlySet<string>, hits: Hit[], shown: number): Hit[] {
  if (hits.length < 2 || shown < 2) return hits;
  const kept: Hit[] = [hits[0]!];
  let i = 1;
  for (; i < hits.length && kept.length < shown; i++) {
    const h = hits[i]!;
    const p = engine.passages[h.passageId]!;
    h.analysis ??= analysePassage(p, ranking, questionWords, engine.synonyms, contextOf(engine, h.passageId, ranking));
    // A heading that is the document's title (a Markdown file's "# Title") is the title.
    const heading = p.section === engine.docs[p.doc]!.title ? '' : p.section;
    if (h.analysis.highlights.length > 0 || headingHolds(engine, heading, ranking.idf)) kept.push(h);
  }
  return kept.length === i ? hits : [...kept, ...hits.slice(i)];
}

/** Whether a section heading holds one of the question's terms (the keys of `idf`; read through the synonyms like the index). */
function headingHolds(engine: Engine, heading: string, idf: ReadonlyMap<string, number>): boolean {
  for (const t of headingTerms(engine, heading)) if (idf.has(t)) return true;
  return false;
}

/** Whether the corpus holds the index term of `word` ({@link corpusTerm}; a stop word: no). An index without a vocabulary to look in holds every word, so nothing is read otherwise. */
function holdsWord(engine: Engine, word: string): boolean {
  const vocabulary = vocabularyOf(engine.mini);
  return vocabulary === undefined || corpusTerm(word, vocabulary, engine.synonyms) !== null;
}

/** The question's terms ({@link queryTerms}) as the engine's index holds them: synonyms read as their group's first word. */
function questionTerms(engine: Engine, tokens: readonly Token[]): string[] {
  const terms = queryTerms(tokens);
  return engine.synonyms.canonical.size === 0 ? terms : [...new Set(terms.map((t) => canonicalTerm(engine.synonyms, t)))];
}

/** A document title of at most this many words counts as a heading for {@link headedByKnown} (measured: docs/quality.md). */
const MAX_TITLE_HEADING_WORDS = 6;

/**
 * Whether a question with one word the corpus lacks is still about the best
 * passage's section: every other word of its subject (`known`) is in the section's
 * heading ("Can I work from home?" under "5. REMOTE WORK", "Is there a gym
 * benefit?" under "Q: Is there a gym subsidy?"), in the label of one of its
 * lines ("What is the maximum weight?" and "Weight: 3.2 kg") or, in a corpus of
 * several documents, in its document's title of six words or fewer ("What did
 * Marenko invent?" of "Ilse Marenko"), which names what the text is about, so
 * the missing word is more likely a paraphrase than a sign of another subject.
 * In a one-document corpus the title is every passage's, and tells nothing.
 */
function headedByKnown(engine: Engine, hit: Hit, known: readonly string[]): boolean {
  const p = engine.passages[hit.passageId]!;
  const headings: string[] = [];
  const title = engine.docs[p.doc]!.title;
  if (p.section !== '' && p.section !== title) headings.push(p.section);
  // Among several documents a short title names what one is about ("Ilse Marenko", "School closure"),
  // as a heading does; a long one (a paper's) names its own subject too narrowly to vouch for a missing word.
  if (engine.docs.length > 1 && title.split(/\s+/).length <= MAX_TITLE_HEADING_WORDS) headings.push(title);
  // The label of a line that gives a label and its value ("Weight: 3.2 kg", "- Final exam: 20%") heads that line.
  for (let i = 0; i < p.sentences.length; i++) {
    if (i > 0 && !startsLine(p, i)) continue;
    const m = LABEL_LINE.exec(sentenceText(p, i).replace(ITEM_MARKER, ''));
    if (m !== null) headings.push(m[1]!);
  }
  if (headings.length === 0) return false;
  const inHeading = termsOf(engine, headings.join(' '));
  return known.every((t) => inHeading.has(t));
}

/**
 * Whether one sentence of the best passage holds all the words of the
 * question's subject the corpus has (`known`: all but one, two at least; "Can I fly premium
 * economy?" of "… premium economy is allowed for longer flights"): the
 * missing word is then most likely a paraphrase, not a sign the question
 * is off topic. Frame words do not count. Used below the full abstention
 * thresholds only (corpora of fewer than `RANKING.smallCorpus.fullFrom`
 * passages), where a corpus's small vocabulary lacks more of a reader's
 * words: on SQuAD's and Cranfield's full corpora it let through too many
 * questions of the other set (docs/quality.md).
 */
function saidTogether(engine: Engine, hit: Hit, known: readonly string[]): boolean {
  const p = engine.passages[hit.passageId]!;
  for (let i = 0; i < p.sentences.length; i++) {
    const held = termsOf(engine, sentenceText(p, i));
    if (known.every((t) => held.has(t))) return true;
  }
  return false;
}

/**
 * Whether a question with one word of its subject the corpus lacks is still
 * about the best passage: its heading or a line's label holds all the others
 * ({@link headedByKnown}), or, in a corpus of fewer than
 * `RANKING.smallCorpus.fullFrom` passages, one of its sentences holds two or
 * more ({@link saidTogether}).
 */
function oneMissingHeld(engine: Engine, hit: Hit, subject: { known: string[]; unknown: number }, passages: number): boolean {
  const { known, unknown } = subject;
  if (unknown !== 1 || known.length === 0) return false;
  return headedByKnown(engine, hit, known) || (passages < RANKING.smallCorpus.fullFrom && known.length >= 2 && saidTogether(engine, hit, known));
}

/** The question's subject terms, its frame terms left out: those the corpus holds (`df`), and how many it lacks. */
function subjectOf(terms: readonly string[], df: ReadonlyMap<string, number>, frame: ReadonlyMap<string, number>): { known: string[]; unknown: number } {
  const known: string[] = [];
  let unknown = 0;
  for (const t of terms) {
    if (frame.has(t)) continue;
    if (df.has(t)) known.push(t);
    else unknown++;
  }
  return { known, unknown };
}

const HEADING_TERMS = new WeakMap<Engine, Map<string, readonly string[]>>();
const HEADING_TERMS_MAX = 20_000;

/**
 * The distinct index terms of a title or heading `text` ({@link termsOf}),
 * memoised per engine: the same titles and headings are read for many
 * passages and questions. Bounded like the term cache.
 */
function headingTerms(engine: Engine, text: string): readonly string[] {
  let memo = HEADING_TERMS.get(engine);
  if (memo === undefined) HEADING_TERMS.set(engine, (memo = new Map()));
  let terms = memo.get(text);
  if (terms === undefined) {
    if (memo.size >= HEADING_TERMS_MAX) memo.clear();
    terms = [...termsOf(engine, text)];
    memo.set(text, terms);
  }
  return terms;
}

/** The index term of the word `w` (lower case), read through the synonyms like the index; null for a stop word. */
function indexTermOf(engine: Engine, w: string): string | null {
  const t = cachedTerm(w);
  return t === null ? null : canonicalTerm(engine.synonyms, t);
}

/** The index terms of `text`, read through the synonyms like the index. */
function termsOf(engine: Engine, text: string): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(text)) {
    const t = indexTermOf(engine, w.word);
    if (t !== null) out.add(t);
  }
  return out;
}

/**
 * Whether at least `minKnown` of the question's terms are known (`known(t,
 * i)` of the `i`-th term `t`: it occurs in the corpus, or the best passage
 * holds a word related to it, "teach" of "Who teaches spin?" in a
 * timetable that names the "Instructor"). A frame term
 * ({@link questionFrameOf}) not known is left out of the count: it frames
 * the question, it is not its subject.
 */
function knownEnough(terms: readonly string[], known: (t: string, i: number) => boolean, frame: ReadonlyMap<string, number>, minKnown: number): boolean {
  let counted = 0;
  let held = 0;
  terms.forEach((t, i) => {
    if (known(t, i)) held++;
    else if (frame.has(t)) return;
    counted++;
  });
  return held >= minKnown * counted;
}

/**
 * The abstention thresholds for a corpus of `passages` passages:
 * {@link RANKING.minSupport}, {@link RANKING.minKnown} and the coherence
 * margin (`RANKING.coherence.margin`) from `RANKING.smallCorpus.fullFrom`
 * passages on, the lower ones of {@link RANKING.smallCorpus} (and no
 * margin) up to its `passages`, and in between a blend linear in
 * log(passages); the share of {@link RANKING.adjacentSupport} that adjacent
 * passages lend to the support and the two shifts of {@link RANKING.supportShift}
 * move with the margin.
 */
export function abstentionThresholds(passages: number): AbstentionThresholds {
  const small = RANKING.smallCorpus;
  const x = Math.min(1, Math.max(0, Math.log(passages / small.passages) / Math.log(small.fullFrom / small.passages)));
  return {
    minSupport: small.minSupport + (RANKING.minSupport - small.minSupport) * x,
    minKnown: small.minKnown + (RANKING.minKnown - small.minKnown) * x,
    coherenceMargin: RANKING.coherence.margin * x,
    adjacentShare: RANKING.adjacentSupport * x,
    unnamedMargin: RANKING.supportShift.unnamed * x,
    knownEase: RANKING.supportShift.known * x,
  };
}

/** {@link abstentionThresholds}: what a best passage needs, for a corpus of a given size. */
export interface AbstentionThresholds {
  minSupport: number;
  minKnown: number;
  coherenceMargin: number;
  adjacentShare: number;
  /** More support for a "who" question whose best passage names no one ({@link namesNoOne}). */
  unnamedMargin: number;
  /** Less support for a question the corpus holds every word of ({@link knownThroughout}). */
  knownEase: number;
}

/** "Who can …", "who should …": asks who may or must, answered by a kind of people ("anyone with a library card"), not a name. */
const WHO_MAY_Q = /\bwho (?:can|could|may|might|must|should|shall|will|would|is eligible|is allowed|qualifies)\b/i;

/**
 * Whether `question`, of answer type `answerType`, asks who (not "who can …":
 * {@link WHO_MAY_Q}) and its best passage `best` (analysed) names no one the
 * question does not: no sentence holds a word of the asked-for type.
 */
function namesNoOne(question: string, answerType: AnswerType, best: Hit): boolean {
  return answerType === 'name' && !WHO_MAY_Q.test(question) && best.analysis !== undefined && !best.analysis.sentenceTyped.includes(true);
}

/**
 * Whether the corpus holds every one of the question's `terms` (each has a
 * document frequency in `df`), it asked at most
 * `RANKING.supportShift.knownTerms` of them, and each compound it writes
 * with a hyphen ("boundary-layer", read as two terms) stands together in its
 * best passage `best` (its analysis' `pairs`): the parts of a compound known
 * apart are not the compound known.
 */
function knownThroughout(engine: Engine, question: string, tokens: readonly Token[], terms: readonly string[], asked: number, df: ReadonlyMap<string, number>, best: Hit): boolean {
  if (asked > RANKING.supportShift.knownTerms || df.size < terms.length) return false;
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (gapOf(question, tokens[k]!, tokens[k + 1]!) !== '-') continue;
    const first = indexTermOf(engine, tokens[k]!.word);
    const i = first === null ? -1 : terms.indexOf(first);
    if (i >= 0 && terms[i + 1] === indexTermOf(engine, tokens[k + 1]!.word) && best.analysis?.pairs[i] !== true) return false;
  }
  return true;
}

/** The candidates of `raw` (their indexes) among the two passages before and the two after passage `p` in its document (a paragraph or section cut into up to three passages). */
function adjacentCandidates(engine: Engine, raw: Candidates, p: number): number[] {
  const out: number[] = [];
  for (const q of [p - 2, p - 1, p + 1, p + 2]) {
    if (engine.passages[q]?.doc !== engine.passages[p]!.doc) continue;
    const j = raw.ids.indexOf(q);
    if (j >= 0) out.push(j);
  }
  return out;
}

/**
 * The support best passage `p` needs: `minSupport`, less `margin` when its
 * neighbours are candidates too ({@link coherent}), plus it when they are
 * not; `minSupport` for a passage without neighbours or without `stage1`.
 */
function supportNeeded(engine: Engine, p: number, stage1: Scratch | undefined, minSupport: number, margin: number): number {
  const c = stage1 === undefined || margin === 0 ? undefined : coherent(engine, p, stage1);
  return c === undefined ? minSupport : c ? minSupport - margin : minSupport + margin;
}

/**
 * Whether passage `p`'s neighbours (neighbours.ts) are stage-one candidates
 * of the question (`stage1`'s stamps), at least `RANKING.coherence.share`
 * of their similarity weight: the passage is on a subject the corpus
 * covers, not a lone match of shared words. Undefined for a passage without
 * neighbours (its words are its own): no evidence either way.
 */
function coherent(engine: Engine, p: number, stage1: Scratch): boolean | undefined {
  const { sum: held, weight } = overNeighbours(engine, p, stage1, ONE);
  return weight === 0 ? undefined : held >= RANKING.coherence.share * weight;
}

const ONE = (): number => 1;

/**
 * Passage `p`'s neighbours (neighbours.ts): their similarity weight
 * (`weight`), and the sum of weight × `value(q)` over those that are
 * stage-one candidates (`stage1`'s stamps; `sum`).
 */
function overNeighbours(engine: Engine, p: number, stage1: Scratch, value: (q: number) => number): { sum: number; weight: number } {
  const nb = engine.neighbours;
  let sum = 0;
  let weight = 0;
  for (let m = p * nb.k, end = m + nb.k; m < end; m++) {
    const q = neighbourId(nb, m);
    if (q < 0) break;
    const w = neighbourWeight(nb, m);
    weight += w;
    if (stage1.stamp[q] === stage1.current) sum += w * value(q);
  }
  return { sum, weight };
}

/**
 * Whether the question's `k`-th word is typed as a name: with a capital first letter, after the
 * question's first word (which a sentence capitalises anyway).
 */
function typedAsName(question: string, tokens: readonly Token[], k: number): boolean {
  return k > 0 && UPPER.test(question.slice(tokens[k]!.start, tokens[k]!.end));
}

/**
 * Whether the question's `k`-th word, whose term `t` the corpus lacks, is not typed as a name
 * ({@link typedAsName}) and is a word to which the build's lexicon relates no corpus word: more
 * likely a typo ("lesons") than a word of another subject, which the lexicon mostly knows
 * ("player", related to "game"), or a name ("India").
 */
function unrelatedUnnamed(engine: Engine, t: string, question: string, tokens: readonly Token[], k: number): boolean {
  return engine.related.get(t) === undefined && !typedAsName(question, tokens, k);
}

/**
 * The question's terms with each one found nowhere in the corpus replaced:
 * by the one word it makes with the word after it, when that is a particle
 * or joined to it by a hyphen or a space ({@link joinedTerm}: "picked up" →
 * "pickup", "wi-fi" → "wifi", "maker space" → "makerspace"); or else by the
 * corpus term one edit away from it ({@link correctTerm}) or the term of the word one slip of the
 * keyboard away from its word ({@link correctWord}), whichever the corpus has more of; or, for a number, by the corpus's number that
 * continues it ({@link longerNumber}: "4.2" → "4.2.0"); or else by the two
 * corpus words it is made of ({@link splitTerm}: "wifi" → "wi", "fi";
 * "checkout" → "check"), which share the word's weight (`shares`). At most
 * {@link RANKING.maxCorrections} are looked up. Undefined when none is replaced.
 * Terms the corpus holds are never touched, so a question without unknown
 * words ranks exactly as without correction.
 */
function correctSpelling(
  engine: Engine,
  question: string,
  tokens: readonly Token[],
  terms: readonly string[],
  raw: Candidates,
): { terms: string[]; shares: ReadonlyMap<string, number> } | undefined {
  if (RANKING.minCorrectLength <= 0) return undefined;
  let out: Array<readonly string[]> | undefined;
  // Unknown terms of words joined to the word before them ("fi" of "wi-fi").
  const absorbed = new Set<string>();
  let tries = RANKING.maxCorrections;
  terms.forEach((t, i) => {
    if (raw.df[i]! > 0 || tries <= 0 || absorbed.has(t)) return;
    const at = tokens.findIndex((w) => cachedTerm(w.word) === t);
    const word = at < 0 ? t : tokens[at]!.word;
    const next = at < 0 ? undefined : joinableAfter(question, tokens, at);
    const before = at < 1 || gapOf(question, tokens[at - 1]!, tokens[at]!) !== '-' ? undefined : tokens[at - 1]!;
    const number = DIGIT.test(t);
    const split = SPLITTABLE.test(word);
    const min = at >= 0 && unrelatedUnnamed(engine, t, question, tokens, at) ? RANKING.minCorrectLengthUnrelated : RANKING.minCorrectLength;
    const short = before === undefined && !number && !split && t.length < min;
    if (next === undefined && short) return;
    // A short word that only a space joins to the next is looked up as one word with it, which is no correction to count.
    if (!short || PARTICLE_SET.has(next!.word) || gapOf(question, tokens[at]!, next!) !== ' ') tries--;
    // Only a question with an unknown word that can be looked up reads the vocabulary.
    const vocabulary = vocabularyOf(engine.mini);
    if (vocabulary === undefined) return;
    let c: readonly string[] | null = null;
    const joined = next === undefined ? null : joinedTerm(t, word, next.word, vocabulary, engine.synonyms);
    if (joined !== null) {
      c = [joined];
      const n = cachedTerm(next!.word);
      const k = n === null ? -1 : terms.indexOf(n);
      if (k >= 0 && raw.df[k] === 0) absorbed.add(n!);
    } else if (before !== undefined && cachedTerm(before.word) === null) {
      // "e-mail": the "e" has no term of its own to join from.
      c = oneOf(corpusTerm(before.word + word, vocabulary, engine.synonyms));
    }
    // The term one edit away, or the term of a word one slip of the keyboard away, whichever the corpus has more of.
    c ??= oneOf(number ? longerNumber(t, vocabulary) : commoner(vocabulary, correctTerm(t, vocabulary, min), t.length < min ? null : correctWord(word, vocabulary, engine.synonyms)));
    c ??= split ? splitTerm(word, vocabulary, engine.synonyms, (a, next) => adjacentInCorpus(engine, a, next)) : null;
    if (c !== null) (out ??= terms.map((x) => [x]))[i] = c;
  });
  if (out === undefined && absorbed.size === 0) return undefined;
  const shares = new Map<string, number>();
  const result = terms.flatMap((x, i) => {
    const c = out?.[i];
    if (c === undefined || c[0] === x) return absorbed.has(x) ? [] : [x];
    if (c.length > 1) for (const part of c) if (!terms.includes(part)) shares.set(part, 1 / c.length);
    return c;
  });
  // A correction may repeat a term the question already has.
  return { terms: [...new Set(result)], shares };
}

/**
 * The corpus term of a word that a misspelt question `word` may be, one slip of the keyboard away
 * as a word rather than as a term: a letter typed once or twice where the word has it twice or
 * once ("generaly" → "generally", "traditionall" → "traditionally"), two letters swapped
 * ("differnet" → "different", "exlposion" → "explosion"); its first letter kept. Porter stems a
 * misspelling apart from its word ("generaly" → "generali", "generally" → "gener"), so
 * {@link correctTerm}, which edits the term, misses these. Of several, the longest term (Porter
 * cuts odd endings deep: "handeliing" → "hand"), then the most common, then the first in code-unit
 * order. Null when none is a term of the corpus, or `word` is not all lower-case letters. Only a
 * word whose term is long enough to correct is asked (the caller's `minLength` rule, as for
 * {@link correctTerm}).
 */
function correctWord(word: string, vocabulary: Vocabulary, synonyms: Synonyms): string | null {
  if (!LOWER_WORD.test(word)) return null;
  let best: string | null = null;
  let bestFrequency = 0;
  const consider = (w: string): void => {
    const t = corpusTerm(w, vocabulary, synonyms);
    if (t === null) return;
    const f = termFrequency(vocabulary, t);
    const longer = best === null ? 1 : t.length - best.length;
    if (longer > 0 || (longer === 0 && (f > bestFrequency || (f === bestFrequency && t < best!)))) {
      best = t;
      bestFrequency = f;
    }
  };
  for (let i = 1; i < word.length; i++) {
    consider(word.slice(0, i + 1) + word.slice(i));
    if (word[i] === word[i - 1]) consider(word.slice(0, i) + word.slice(i + 1));
    if (i + 1 < word.length && word[i] !== word[i + 1]) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return best;
}

const LOWER_WORD = /^[a-z]+$/;

/** Of two corpus terms (either may be null), the one `vocabulary` has more of; `a` on a tie. */
function commoner(vocabulary: Vocabulary, a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return termFrequency(vocabulary, b) > termFrequency(vocabulary, a) ? b : a;
}

const oneOf = (t: string | null): readonly string[] | null => (t === null ? null : [t]);

/** A word that {@link splitTerm} may take apart: letters only, four or more. */
const SPLITTABLE = /^[a-z]{4,}$/;

const PARTICLE_SET: ReadonlySet<string> = new Set(PARTICLES);

/** The word after `tokens[at]` when it is a particle or joined to it by a hyphen ("wi-fi") or a space ("maker space"). */
function joinableAfter(question: string, tokens: readonly Token[], at: number): Token | undefined {
  const next = tokens[at + 1];
  if (next === undefined) return undefined;
  const gap = gapOf(question, tokens[at]!, next);
  return PARTICLE_SET.has(next.word) || gap === '-' || gap === ' ' ? next : undefined;
}

/** The one character between tokens `a` and `b` of `question` ("-" of "wi-fi", " " of "maker space"); undefined when there are more or none. */
const gapOf = (question: string, a: Token, b: Token): string | undefined => (b.start === a.end + 1 ? question[a.end] : undefined);

/**
 * The one word that a question word (term `t`, written `word`) and the word
 * after it (`next`: a particle, or hyphenated or spaced from it) make in the corpus:
 * "When is trash picked up?" → "pickup", "How do I log in?" → "login",
 * "wi-fi" → "wifi", "maker space" → "makerspace"; null when the vocabulary has no such word.
 */
export function joinedTerm(t: string, word: string, next: string, vocabulary: Vocabulary, synonyms: Synonyms = NO_SYNONYMS): string | null {
  // The verb's stem and the word as written: "picked" → "pick" + "up"; "set" + "up".
  return corpusTerm(t + next, vocabulary, synonyms) ?? (t === word ? null : corpusTerm(word + next, vocabulary, synonyms));
}

/** The term of `word` as the index holds it (synonyms read as their group's first), when the vocabulary has it. */
function corpusTerm(word: string, vocabulary: Vocabulary, synonyms: Synonyms): string | null {
  const t = cachedTerm(word);
  if (t === null) return null;
  const c = canonicalTerm(synonyms, t);
  return inVocabulary(vocabulary, c) ? c : null;
}

/**
 * The corpus words that a question word the corpus lacks is made of, where
 * the corpus writes them as two words, one after the other (`adjacent`):
 * "wifi" → ["wi", "fi"] of a corpus that says "Wi-Fi", "username" → ["user",
 * "name"] of "user name"; a particle as the second part adds nothing
 * ("checkout" → ["check"] of "check-out"). Each part two letters or more,
 * the first a term of the vocabulary; the first split from the left that the
 * corpus has; null when there is none.
 *
 * @param adjacent whether the corpus has a word with the term `first` right before the word `second`
 */
export function splitTerm(
  word: string,
  vocabulary: Vocabulary,
  synonyms: Synonyms,
  adjacent: (first: string, second: string) => boolean,
): string[] | null {
  let checks = MAX_SPLIT_CHECKS;
  for (let k = 2; k <= word.length - 2 && checks > 0; k++) {
    const tail = word.slice(k);
    const a = corpusTerm(word.slice(0, k), vocabulary, synonyms);
    if (a === null) continue;
    const b = PARTICLE_SET.has(tail) ? null : corpusTerm(tail, vocabulary, synonyms);
    if (b === null && !PARTICLE_SET.has(tail)) continue;
    checks--;
    if (adjacent(a, tail)) return b === null ? [a] : [a, b];
  }
  return null;
}

/** {@link splitTerm} asks the corpus about at most this many splits of one word. */
const MAX_SPLIT_CHECKS = 2;

/** At most this many passages are read to find two words one after the other ({@link adjacentInCorpus}). */
const MAX_ADJACENT_SCAN = 16;

/**
 * Whether a passage (its text, heading or document title) has a word whose term is `first`
 * right before the word `second` (compared as a term, or as written for a
 * particle, which has no term): "Wi-Fi" for "wi", "fi". Reads at most
 * {@link MAX_ADJACENT_SCAN} of the passages that hold both.
 */
function adjacentInCorpus(engine: Engine, first: string, second: string): boolean {
  const wanted = PARTICLE_SET.has(second) ? null : indexTermOf(engine, second);
  const isSecond = (w: string): boolean => (wanted === null ? w === second : indexTermOf(engine, w) === wanted);
  const terms = wanted === null || wanted === first ? [first] : [first, wanted];
  const c = orCandidates(engine.mini, terms, SEARCH_OPTIONS);
  let scanned = 0;
  let titled = -1;
  for (let j = 0; j < c.count && scanned < MAX_ADJACENT_SCAN; j++) {
    if (matchedCount(c, j) < terms.length) continue;
    scanned++;
    const p = engine.passages[c.ids[j]!]!;
    // A document's title once, however many of its passages are read.
    const texts = p.doc === titled ? [p.section, p.text] : [engine.docs[p.doc]!.title, p.section, p.text];
    titled = p.doc;
    for (const text of texts) {
      let after = false;
      let found = false;
      scanWords(text, (start, end, folded) => {
        if (found) return;
        const w = folded ?? text.slice(start, end).toLowerCase();
        if (after && isSecond(w)) found = true;
        after = indexTermOf(engine, w) === first;
      });
      if (found) return true;
    }
  }
  return false;
}

/**
 * Stage two: re-ranks the best {@link RANKING.depth} hits by their best
 * sentence's coverage of the question (with the answer-type bonus), the
 * question's adjacent term pairs found close together, and the question
 * terms a hit lacks but holds a `related` term of ({@link RANKING.relatedWeight}).
 * A passage that only asks ({@link onlyAsks}) does not come first when one
 * of the others states something.
 */
function rerank(
  engine: Engine,
  ranking: Ranking,
  questionWords: ReadonlySet<string>,
  total: number,
  hits: Hit[],
  related: ReadonlyMap<string, number> | undefined,
): Hit[] {
  const top = hits.slice(0, RANKING.depth);
  const contexts = new Map<string, Map<string, number>>();
  for (const h of top) {
    const a = analysePassage(engine.passages[h.passageId]!, ranking, questionWords, engine.synonyms, contextOf(engine, h.passageId, ranking, contexts), related);
    const focus = Math.max(...a.sentenceWeights);
    // A reason ("because", "due to") or a "Yes." picks the answer sentence but is no evidence for a passage: it is in too many.
    const best = SENTENCE_ONLY_TYPES.has(ranking.answerType) ? untypedValue(a) : sentenceValue(a, bestSentence(a));
    h.focus = focus / total;
    h.analysis = a;
    h.score *= 1 + (RANKING.focusWeight * best) / total + (RANKING.proximityWeight * a.proximity) / total + (RANKING.relatedWeight * a.related) / total;
  }
  top.sort(byScore);
  // A passage that only asks ("Stir it back in or pour it off?", a forum reply's follow-up) is no first answer when another one answers.
  if (top.length > 1 && onlyAsks(engine.passages[top[0]!.passageId]!, top[0]!.analysis!)) {
    for (let j = 1; j < top.length; j++) {
      if (onlyAsks(engine.passages[top[j]!.passageId]!, top[j]!.analysis!)) continue;
      top.unshift(...top.splice(j, 1));
      break;
    }
  }
  hits.splice(0, top.length, ...top);
  return hits;
}

/**
 * Whether passage `p` (analysed as `a`) only asks: the sentence it would be
 * quoted by ({@link answerSentence}) is a question, because none after its
 * best one states anything.
 */
function onlyAsks(p: Passage, a: PassageAnalysis): boolean {
  return isQuestion(sentenceText(p, answerSentence(p, a)));
}

/**
 * The answers after the first, ranked again: each of the best
 * {@link RANKING.neighbourDepth} stage-one candidates scores its stage-one
 * score plus β × the similarity-weighted mean of its neighbours'
 * (neighbours.ts; a neighbour that is no candidate scores 0; β is
 * {@link RANKING.neighbourWeight} for a question of 5 `terms`, and
 * {@link RANKING.neighbourWeightPerTerm} more for each term more), times its
 * re-ranking factor (its score after stage two ÷ its stage-one score; a
 * candidate stage two did not see counts the mean factor of those it did).
 * Each neighbour's score counts the square root of its own factor: weaker
 * evidence than the passage's own words. The first answer stays first: it is
 * the passage that matches the question best; the neighbours' evidence finds
 * the next-best passages on the same subject, which often say it in other
 * words. Scores after the first are scaled so that none exceeds the first's.
 */
function withNeighbours(engine: Engine, hits: Hit[], stage1: Scratch, terms: number): Hit[] {
  const { score } = stage1;
  const beta = Math.max(0, RANKING.neighbourWeight + RANKING.neighbourWeightPerTerm * (terms - 5));
  const pool = hits.slice(0, RANKING.neighbourDepth);
  // The re-ranked hits (those with an analysis) by passage id → their re-ranking factor.
  const factors = new Map<number, number>();
  let meanFactor = 0;
  for (const h of pool) {
    if (h.analysis === undefined) continue;
    const f = score[h.passageId]! > 0 ? h.score / score[h.passageId]! : 1;
    factors.set(h.passageId, f);
    meanFactor += f;
  }
  meanFactor = factors.size > 0 ? meanFactor / factors.size : 1;
  const meanRoot = Math.sqrt(meanFactor);
  // A neighbour's stage-one score, at the square root of its factor.
  const neighbourScore = (q: number): number => {
    const f = factors.get(q);
    return score[q]! * (f === undefined ? meanRoot : Math.sqrt(f));
  };
  const smoothed = pool.map((h): Hit => {
    const p = h.passageId;
    const { sum, weight } = overNeighbours(engine, p, stage1, neighbourScore);
    const s: Hit = { passageId: p, score: (score[p]! + (weight > 0 ? (beta * sum) / weight : 0)) * (factors.get(p) ?? meanFactor), coverage: h.coverage };
    // A passage re-ranked in stage two keeps its analysis (the answer's highlights and sentence).
    if (h.analysis !== undefined) s.analysis = h.analysis;
    return s;
  });
  smoothed.sort(byScore);
  const first = hits[0]!;
  const rest = smoothed.filter((h) => h.passageId !== first.passageId);
  const scale = rest.length > 0 && rest[0]!.score > first.score ? first.score / rest[0]!.score : 1;
  for (const h of rest) h.score *= scale;
  return [first, ...rest, ...hits.slice(pool.length)];
}

/** Stage-one scores by passage id, valid where `stamp` equals `current` (reused by every question). */
interface Scratch {
  score: Float64Array;
  stamp: Uint32Array;
  current: number;
}

const SCRATCH = new WeakMap<Engine, Scratch>();

/** The engine's scratch, with a new stamp (so nothing from the last question counts). */
function scratchOf(engine: Engine): Scratch {
  const n = engine.passages.length;
  let s = SCRATCH.get(engine);
  if (s === undefined) SCRATCH.set(engine, (s = { score: new Float64Array(n), stamp: new Uint32Array(n), current: 0 }));
  if (++s.current === 0xffffffff) {
    s.stamp.fill(0);
    s.current = 1;
  }
  return s;
}

function byScore(a: Hit, b: Hit): number {
  return b.score - a.score || a.passageId - b.passageId;
}

/** Adds `h` to `top` (sorted by {@link byScore}) if it is among the `want` best so far. */
function keepBest(top: Hit[], want: number, h: Hit): void {
  if (top.length === want) {
    const last = top[want - 1]!;
    if (h.score < last.score || (h.score === last.score && h.passageId > last.passageId)) return;
  }
  let i = top.length === want ? want - 1 : top.length;
  while (i > 0 && byScore(h, top[i - 1]!) < 0) {
    top[i] = top[i - 1]!;
    i--;
  }
  top[i] = h;
}

/**
 * Stage one's scores, and the `want` best hits by {@link byScore} in order:
 * each candidate's BM25 sum (MiniSearch's score ÷ the number of terms it
 * matched) × the share of the question's IDF weight (`weights`, over
 * `total`) it covers. Only the best `want` are ever used, so they are
 * selected without sorting, or making a Hit of, every candidate. With
 * `keep`, every candidate's score is also stored there.
 */
function bestHits(raw: Candidates, want: number, weights: readonly number[], total: number, keep?: Scratch): Hit[] {
  const all = want >= raw.count;
  const W = raw.words;
  const top: Hit[] = [];
  for (let j = 0; j < raw.count; j++) {
    // The matched terms' weights, in term order, from the set bits.
    let covered = 0;
    let matched = 0;
    for (let w = 0; w < W; w++) {
      let m = raw.matched[j * W + w]!;
      while (m !== 0) {
        const low = m & -m;
        covered += weights[w * 32 + 31 - Math.clz32(low)]!;
        matched++;
        m ^= low;
      }
    }
    const coverage = covered / total;
    const score = (raw.scores[j]! / matched) * coverage;
    const passageId = raw.ids[j]!;
    if (keep !== undefined) {
      keep.score[passageId] = score;
      keep.stamp[passageId] = keep.current;
    }
    if (all) top.push({ passageId, score, coverage });
    else keepBest(top, want, { passageId, score, coverage });
  }
  return all ? top.sort(byScore) : top;
}

/** Where an answer comes from, precisely enough for a reader to check it. */
export interface Citation {
  /** Repo-relative path of the source file, e.g. `corpus/article.txt`. */
  source: string;
  title: string;
  /** 1-based position of the passage in its document. */
  passage: number;
  /** 1-based, inclusive first and last line in the source file. */
  lines: [number, number];
  /** The heading the passage sits under (a Markdown heading or a plain-text one), when it has one other than the title. */
  section?: string;
  url?: string;
}

/** One answer: a quoted passage, its best sentence, and its citation. */
export interface Answer {
  text: string;
  /** The sentence of `text` that answers best (with the items after it, when it is a lead-in such as "You need:"). */
  answer: string;
  /** `[start, end)` UTF-16 offsets of `answer` in `text`. */
  answerRange: [number, number];
  score: number;
  /** `[start, end)` UTF-16 offsets in `text` of words that match the question. */
  highlights: Array<[number, number]>;
  citation: Citation;
}

/** The response to a question; `answers` is empty when the corpus has no good answer. */
export interface AskResult {
  question: string;
  answers: Answer[];
}

/**
 * Answers a question with up to `k` cited passages from the engine's corpus.
 * This is the one function behind `GET /ask`, `npm run ask` and `npm run eval`.
 *
 * @param opts as for {@link rank} (`abstain: false` answers even where `/ask` would not)
 */
export function ask(engine: Engine, question: string, k: number, opts: { abstain?: boolean } = {}): AskResult {
  return { question, answers: answersOf(engine, rank(engine, question, k, opts)) };
}

/** The answers of a {@link rank}ing, one per hit: quoted passage, answer sentence, citation. */
export function answersOf(engine: Engine, ranking: Ranking): Answer[] {
  const { question } = ranking;
  const howTo = HOW_TO.test(question);
  let questionWords: ReadonlySet<string> | undefined;
  const wordsOf = (): ReadonlySet<string> => (questionWords ??= new Set(tokenize(question).map((t) => t.word)));
  return ranking.hits.map((h) => shapeAnswer(engine, h, ranking, wordsOf, howTo));
}

/**
 * The sentence that best answers: the one covering the most IDF weight of
 * the question's terms (its own, and those of the passage's title and
 * heading), with the answer-type bonus. On a tie, the one that holds more
 * of the question beyond its title and heading ("The project will cost $24
 * million" over "… to build 12 miles of bike lanes" for "How much will the
 * bike lanes cost?" under the title "… bike lanes"), then the earliest.
 * `withRelated` adds each sentence's related words' credit
 * (`sentenceRelated`: "chief" for "boss"), for the quote, not the ranking.
 */
export function bestSentence(a: PassageAnalysis, eligible: (i: number) => boolean = () => true, withRelated = false): number {
  let best = 0;
  let bestValue = -1;
  let bestOwn = -1;
  for (let i = 0; i < a.sentenceWeights.length; i++) {
    if (!eligible(i)) continue;
    const v = withRelated ? sentenceValue(a, i, a.sentenceRelated?.[i] ?? 0) : sentenceValue(a, i);
    const own = a.sentenceOwn?.[i] ?? 0;
    if (v > bestValue || (v === bestValue && own > bestOwn)) {
      best = i;
      bestValue = v;
      bestOwn = own;
    }
  }
  return best;
}

/** Sentence `i`'s weight of question terms (plus `related`), with the answer-type bonus when it holds a word of the asked-for type and its ranges' factor ({@link rangeFactor}). */
function sentenceValue(a: PassageAnalysis, i: number, related = 0): number {
  return (a.sentenceWeights[i]! + related) * (a.sentenceTyped[i] ? 1 + RANKING.answerTypeBonus : 1) * rangeFactor(a, i);
}

/** The best sentence value of `a` without the answer-type bonus: for a type that picks the sentence but is no evidence for a passage ({@link SENTENCE_ONLY_TYPES}). */
function untypedValue(a: PassageAnalysis): number {
  let best = -Infinity;
  for (let i = 0; i < a.sentenceWeights.length; i++) best = Math.max(best, a.sentenceWeights[i]! * rangeFactor(a, i));
  return best;
}

/** What sentence `i`'s ranges of the question's quantity make of its value: {@link RANKING.rangeBonus} more when one holds it, {@link RANKING.rangeMismatch} of it when none does. */
function rangeFactor(a: PassageAnalysis, i: number): number {
  const range = a.sentenceRange?.[i] ?? 0;
  return range > 0 ? 1 + RANKING.rangeBonus : range < 0 ? RANKING.rangeMismatch : 1;
}

/**
 * The sentence of `p` to show as the answer: {@link bestSentence} (never a
 * table's header row), unless that sentence is itself a question (FAQ text: "Q: How do I export my
 * data?" matches the reader's question best but does not answer it); then
 * the first sentence after it that is not a question, if the passage has one.
 * Under a FAQ heading ("## How do I reset my password?"), the heading's
 * words count for every sentence (the analysis' context), so the section's
 * first sentence answers the heading's own question, and a sentence that
 * adds a word of the reader's question ("How long is the reset link
 * valid?") is chosen over it.
 */
export function answerSentence(p: Passage, a: PassageAnalysis): number {
  // A table's header row names its columns, its delimiter row ("|---|") holds no word: the answer is in a row under them.
  const best = bestSentence(a, (i) => !isTableHeader(p, i) && !TABLE_DELIMITER.test(sentenceText(p, i)), true);
  for (let i = best; i < p.sentences.length; i++) if (!isQuestion(sentenceText(p, i)) && !isSignOff(p, i)) return i;
  return best;
}

/** A name or a word of thanks alone on its line, as a letter or an email is signed: "Lena", "Raj Mehta", "Thanks" (not "Yes"). */
const SIGN_OFF = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u;

/** Whether sentence `i` of `p` signs off a message ({@link SIGN_OFF}): it answers no question. */
function isSignOff(p: Passage, i: number): boolean {
  const t = sentenceText(p, i);
  return SIGN_OFF.test(t) && !BARE_REPLY.test(t) && startsLine(p, i) && (i + 1 === p.sentences.length || startsLine(p, i + 1));
}

/** A reply that is only a yes or a no ("Yes.", "Of course!"): the sentence after it says what it means. */
const BARE_REPLY = /^(?:yes|yep|sure|correct|absolutely|of course|no|nope|not yet)[.!]?$/i;
/** A sentence that leads into what follows it: "You need:", "Do this:" (Markdown emphasis allowed after the colon). */
const LEAD_IN = /:[\s*_]*$/;
/** An answer that opens with a lead-in runs on over the sentences after it up to about this many characters. */
export const MAX_LEAD_IN_ANSWER_CHARS = 300;

/**
 * The sentences of `p` to quote as the answer, first and last (inclusive):
 * {@link answerSentence}, and after it what it stands for alone:
 * - a bare "Yes." or "No.": the sentence after it in its paragraph;
 * - a lead-in ("You need:"), which says only that an answer follows: the
 *   sentences after it (a list's items, a code block's lines, a table's
 *   rows), at least one ({@link runOn});
 * - the first item of a list, chosen for its heading's words only ("What
 *   comes in the box?" under "What's in the box"): the rest of the list;
 * - a statement in bold that opens a paragraph ("**The robot does not
 *   charge.** Check the dock …"), a run-in heading or a stressed answer, or
 *   a clause's short title ("3.1 Limescale. A kettle that …"): the sentence after it;
 * - a line of code that opens a bracket ("parcelly.shipments.create({"):
 *   the lines up to the one that closes it ({@link closingLine});
 * - the first sentence of a list item: the rest of the item ({@link restOfItem});
 *   for a yes-or-no question (`yesNo`), from its list's lead-in on
 *   ({@link leadInOf}: "We do not pay claims arising from:"), which says
 *   what the item means;
 * - for a question that asks how to do something (`howTo`, {@link HOW_TO}), a
 *   sentence that is part of numbered steps: the steps ({@link stepsAround});
 *   a sentence right above numbered steps: the steps, as for a lead-in;
 * - a sentence that refers back ({@link refersBack}: "It is used for …"):
 *   the sentence before it too, unless that one is a question or longer
 *   than {@link MAX_LEAD_IN_ANSWER_CHARS};
 * - a sentence without the asked-for type whose next sentence in the
 *   paragraph holds it and none of the question's words ("… fell by a third
 *   in October. The likely reason is the smaller reward …"): that one too.
 */
export function answerSpan(p: Passage, a: PassageAnalysis, title = '', howTo = false, yesNo = false): [number, number] {
  const first = answerSentence(p, a);
  const lead = sentenceText(p, first);
  if (LEAD_IN.test(lead)) return [first, runOn(p, first, false)];
  // "Yes." says only that the sentence after it answers: "Yes. Every plan starts with a 14-day trial."
  if (BARE_REPLY.test(lead) && first + 1 < p.sentences.length && !startsLine(p, first + 1) && !isQuestion(sentenceText(p, first + 1))) return [first, first + 1];
  const steps = howTo ? stepsAround(p, first) : undefined;
  if (steps !== undefined) return steps;
  if (ITEM_MARKER.test(lead) && !holdsQuestionWord(p, a, first, title) && !(first > 0 && ITEM_MARKER.test(sentenceText(p, first - 1)))) {
    return [first, runOn(p, first, true)];
  }
  if ((RUN_IN.test(lead) || RUN_IN_TITLE.test(lead)) && first + 1 < p.sentences.length && !startsLine(p, first + 1) && !isQuestion(sentenceText(p, first + 1))) return [first, first + 1];
  // "Am I covered if I was drunk?" of "- being under the influence of alcohol": the item says neither yes nor no, the
  // lead-in of its list does ("We do not pay claims arising from:"), so the quote runs from there.
  const leadIn = yesNo && ITEM_MARKER.test(lead) && startsLine(p, first) ? leadInOf(p, first) : undefined;
  if (leadIn !== undefined) return [leadIn, first + 1 < p.sentences.length && !startsLine(p, first + 1) ? restOfItem(p, first) : first];
  // A list item's first sentence, with the rest of the item ("- **E3**: The water is too hot. The filter works with cold water only.").
  if (ITEM_MARKER.test(lead) && first + 1 < p.sentences.length && !startsLine(p, first + 1)) return [first, restOfItem(p, first)];
  if (OPENS_BRACKET.test(lead) && (first === 0 || startsLine(p, first))) return [first, closingLine(p, first)];
  // "How do I replace the cartridge?" of "Replace the cartridge every six months." right above "1. Turn off …": the steps too.
  if (howTo && !ITEM_MARKER.test(lead) && first + 1 < p.sentences.length && startsLine(p, first + 1) && NUMBERED_STEP.test(sentenceText(p, first + 1))) {
    return [first, runOn(p, first, false, MAX_STEPS_ANSWER_CHARS)];
  }
  // A labelled entry, like a list item, with the rest of its paragraph ("**Emergency fund**: money set aside … Most planners suggest three to six months.").
  if (isEntryLabel(lead) && (first === 0 || startsLine(p, first)) && first + 1 < p.sentences.length && !startsLine(p, first + 1)) return [first, restOfItem(p, first)];
  // "It is used for headache." with the sentence that says what "it" is.
  if (refersBack(p, first) && !isQuestion(sentenceText(p, first - 1)) && sentenceText(p, first - 1).length <= MAX_LEAD_IN_ANSWER_CHARS) return [first - 1, first];
  // "… fell by a third in October." then "The likely reason is the smaller reward.": the sentence after, in the same
  // paragraph, holds what was asked for (a reason, an amount, a date) and none of the question's words: the two answer.
  if (!a.sentenceTyped[first] && first + 1 < p.sentences.length && a.sentenceTyped[first + 1] && (a.sentenceOwn?.[first + 1] ?? 1) === 0 && !startsLine(p, first + 1)) {
    const next = sentenceText(p, first + 1);
    if (!isQuestion(next) && next.length <= MAX_LEAD_IN_ANSWER_CHARS) return [first, first + 1];
  }
  return [first, first];
}

/**
 * Whether `sentence` opens with the label of an entry ("**Emergency fund**:",
 * "Check-in:", "JONAS:"; {@link LABEL_LINE}), not with a sentence that has
 * a colon in it ("A waterproof speaker rated IP67: it …", "Day lockers are
 * free: bring …"): the label opens with no "a" or "an" and holds no "is" or "are".
 */
function isEntryLabel(sentence: string): boolean {
  // Most sentences hold no colon: the pattern, which tries each of its first words as a label, is not run for them.
  if (!sentence.includes(':')) return false;
  const m = LABEL_LINE.exec(sentence);
  return m !== null && !NOT_A_LABEL.test(m[1]!);
}

const NOT_A_LABEL = /^an?\s|\b(?:is|are|was|were)\b/i;

/**
 * The numbered steps that sentence `i` of `p` is part of (a step's line, or
 * a sentence that goes on after it), from the first step the passage holds
 * to the last, up to {@link MAX_STEPS_ANSWER_CHARS}: "How do I connect to
 * Wi-Fi?" of "3. … press OK. The Wi-Fi light turns solid blue." is the
 * procedure, not its last sentence. Undefined when `i` is no part of
 * numbered steps, or when the steps that fit end before it.
 */
function stepsAround(p: Passage, i: number): [number, number] | undefined {
  let line = i;
  while (line > 0 && !startsLine(p, line)) line--;
  if (!NUMBERED_STEP.test(sentenceText(p, line))) return undefined;
  let from = line;
  for (let j = line - 1; j >= 0; j--) {
    if (!startsLine(p, j) && j > 0) continue;
    if (!ITEM_MARKER.test(sentenceText(p, j))) break;
    if (NUMBERED_STEP.test(sentenceText(p, j))) from = j;
  }
  const to = runOn(p, from, true, MAX_STEPS_ANSWER_CHARS);
  return to >= i && (from < i || to > i) ? [from, to] : undefined;
}

/** Numbered steps quoted for a "how do I" question run on up to about this many characters (a passage holds up to about 600). */
export const MAX_STEPS_ANSWER_CHARS = 600;
/** A question that asks how to do something: "How do I …?", "How can we …?", "how to …", "What do I do if …?", "What should we do …?". */
export const HOW_TO = /\bhow (?:do|can|should|could|would|may) (?:i|we|you|one)\b|\bhow to\b|\bwhat (?:do|should|can|must|shall) (?:i|we) do\b/i;
/** The first words of a numbered step: "1. ", "2) ". */
const NUMBERED_STEP = /^\d{1,3}[.)]\s/;

/**
 * The lead-in ({@link LEAD_IN}: "We do not pay claims arising from:") of
 * the list whose item starts sentence `item` of `p`: the sentence ending in
 * a colon right above the list's first item (or the item of an outer list
 * that leads into it), when the quote from it to the item's first sentence
 * fits in {@link MAX_LEAD_IN_ANSWER_CHARS}; undefined otherwise.
 */
function leadInOf(p: Passage, item: number): number | undefined {
  const own = markerKind(sentenceText(p, item));
  let length = sentenceText(p, item).length;
  for (let i = item - 1; i >= 0; i--) {
    const s = sentenceText(p, i);
    length += 1 + s.length;
    if (length > MAX_LEAD_IN_ANSWER_CHARS) return undefined;
    const line = startsLine(p, i) || i === 0;
    const kind = line ? markerKind(s) : undefined;
    // An item of the same list above, or a sentence of one: on up.
    if ((kind === own && !LEAD_IN.test(s)) || (!line && !LEAD_IN.test(s))) continue;
    // A paragraph's or an outer item's closing colon; an item of a sub-list above, or a line of prose, ends the list.
    return LEAD_IN.test(s) && kind !== own ? i : undefined;
  }
  return undefined;
}

/** The last sentence of the list item whose first sentence is `from`: the sentences after it that start no line, up to {@link MAX_LEAD_IN_ANSWER_CHARS}. */
function restOfItem(p: Passage, from: number): number {
  let last = from;
  let length = sentenceText(p, from).length;
  for (let i = from + 1; i < p.sentences.length && !startsLine(p, i); i++) {
    const s = sentenceText(p, i);
    length += 1 + s.length;
    if (length > MAX_LEAD_IN_ANSWER_CHARS || isQuestion(s)) break;
    last = i;
  }
  return last;
}

/** A line that ends by opening a bracket: a statement of code that the lines after it continue ("create({"). */
const OPENS_BRACKET = /[([{]$/;

/**
 * The last line of the statement of code that line `from` of `p` opens
 * ({@link OPENS_BRACKET}): the line that closes its brackets, if the lines
 * up to it start lines of their own and fit in {@link MAX_LEAD_IN_ANSWER_CHARS}
 * (else the last that fits).
 */
function closingLine(p: Passage, from: number): number {
  let depth = 0;
  let length = -1;
  let last = from;
  for (let i = from; i < p.sentences.length && (i === from || (depth > 0 && startsLine(p, i))); i++) {
    const s = sentenceText(p, i);
    length += 1 + s.length;
    if (i > from && length > MAX_LEAD_IN_ANSWER_CHARS) break;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
      else if (c === 0x29 || c === 0x5d || c === 0x7d) depth--;
    }
    last = i;
  }
  return last;
}

/**
 * Whether sentence `i` of `p` holds a word of the question itself (a
 * highlight) other than one of the document's `title`, even if a heading
 * holds it too: "- 3 cups cooked rice" under "Fried rice › Ingredients"
 * holds "rice" of "How much rice …?"; of "What comes in the box with the
 * robot?", "- Charging dock" holds nothing and "- Aero 3 robot" only the
 * title's "robot" (the manual's subject, "Aero 3 Robot Vacuum").
 */
function holdsQuestionWord(p: Passage, a: PassageAnalysis, i: number, title: string): boolean {
  const start = p.sentences[i]!;
  const end = i + 1 < p.sentences.length ? p.sentences[i + 1]! : p.text.length;
  let titleTerms: Set<string | null> | undefined;
  return a.highlights.some(([from, to]) => {
    if (from < start || from >= end) return false;
    titleTerms ??= new Set(tokenize(title).map((w) => cachedTerm(w.word)));
    const word = tokenize(p.text.slice(from, to))[0]?.word;
    return word === undefined || !titleTerms.has(cachedTerm(word));
  });
}

/** A sentence wholly in Markdown bold, ending in its punctuation: "**The robot does not charge.**". */
const RUN_IN = /^(\*\*|__)(?![*_\s]).*[.!?:]\1$/;
/** A clause's title run in before its text, a numbered one or three words at most: "3.1 Limescale.", "Late payment." */
const RUN_IN_TITLE = /^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,2}\.$/u;

/** Whether sentence `i` of `p` begins a line of the document. */
function startsLine(p: Passage, i: number): boolean {
  return p.text.charCodeAt(p.sentences[i]! - 1) === 0x0a;
}

/**
 * The last sentence of what runs on after sentence `from` of `p`: up to
 * `limit` characters (the first sentence after it in any case,
 * unless `items`), stopping before a question, a lead-in, a line of prose
 * after items set out on lines of their own (`items`: known to be so
 * already, `from` being one), a table after a list, or whatever follows a table.
 */
function runOn(p: Passage, from: number, items: boolean, limit = MAX_LEAD_IN_ANSWER_CHARS): number {
  let last = from;
  let length = sentenceText(p, from).length;
  // Whether what follows is set out as items (list items, lines of code), so that a line of prose ends
  // it; and whether it is a table's rows, so that a table ends a list and a list a table.
  let table = false;
  // The kind of marker of an item that leads into items of another kind ("- Install:" over "◦ …" or "1. …"):
  // they are its sub-list, which ends at the next item of its own kind.
  const own = markerKind(sentenceText(p, from));
  let outer: MarkerKind | undefined;
  const start = from + 1;
  for (let i = start; i < p.sentences.length; i++) {
    const s = sentenceText(p, i);
    if (isQuestion(s) || LEAD_IN.test(s)) break;
    const row = s.startsWith('|');
    const line = startsLine(p, i);
    if (i === start && !items) {
      items = line && isItemLike(s);
      table = row;
      const kind = line ? markerKind(s) : undefined;
      if (own !== undefined && kind !== undefined && kind !== own) outer = own;
    } else if (row !== table || length + 1 + s.length > limit || (items && line && !isItemLike(s)) || (line && outer !== undefined && markerKind(s) === outer)) break;
    length += 1 + s.length;
    last = i;
  }
  return last;
}

/** The kind of list marker a sentence opens with: a number, a nested bullet ("◦"), another bullet. */
type MarkerKind = 'number' | 'nested' | 'bullet';

/** The {@link MarkerKind} of the list marker `s` opens with; undefined for none. */
function markerKind(s: string): MarkerKind | undefined {
  const m = ITEM_MARKER.exec(s);
  if (m === null) return undefined;
  return m[0].startsWith('◦') ? 'nested' : DIGIT.test(m[0]) ? 'number' : 'bullet';
}

/** A list item's marker ("- ", "• ", "2. ", a sub-clause's "(b) " or "b) ") at the start of a sentence. */
const ITEM_MARKER = /^(?:[-*+•◦▪‣●○■□–]|\d{1,9}[.)]|\(?(?:[a-z]|[ivx]{1,4})\))\s/;
/** The end of a sentence of prose, closing quotes and brackets allowed. */
const PROSE_END = /[.!?]["'”’)\]]*$/;

/** Whether a sentence that starts a line reads as an item of a list: it has a marker, or it is no sentence of prose ("Authorization: Bearer …", a line of code). */
function isItemLike(s: string): boolean {
  return ITEM_MARKER.test(s) || !PROSE_END.test(s);
}

/** A Markdown table's delimiter row: `|---|:--:|`. */
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/**
 * Whether sentence `i` of `p` is a table's header row: a Markdown table's
 * row followed by the delimiter row, or the first row of a table laid out
 * in columns with spaces ({@link isColumnRow}) that names its columns in
 * words only ("Zone    Trash    Yard waste") above a row that holds more
 * (a digit, a sign: "North    Monday    Thursday (April-November)").
 */
function isTableHeader(p: Passage, i: number): boolean {
  if (i + 1 >= p.sentences.length) return false;
  if (sentenceText(p, i).startsWith('|')) return TABLE_DELIMITER.test(sentenceText(p, i + 1));
  return startsLine(p, i + 1) && isColumnRow(p, i) && !(i > 0 && isColumnRow(p, i - 1)) && COLUMN_NAMES.test(sentenceText(p, i)) && isColumnRow(p, i + 1) && !COLUMN_NAMES.test(sentenceText(p, i + 1));
}

/** A row of column names: words (letters) only. */
const COLUMN_NAMES = /^[\p{L}]+(?:\s+[\p{L}]+)*$/u;

/** Whether sentence `i` of `p` is a row of a table laid out in columns with spaces: a line of its own with a gap between two columns. */
function isColumnRow(p: Passage, i: number): boolean {
  if (i > 0 && !startsLine(p, i)) return false;
  // Most lines hold no run of spaces or tab: found without making the sentence's text.
  const end = i + 1 < p.sentences.length ? p.sentences[i + 1]! : p.text.length;
  let k = p.sentences[i]!;
  while (k < end && !(p.text.charCodeAt(k) === 0x09 || (p.text.charCodeAt(k) === 0x20 && p.text.charCodeAt(k + 1) === 0x20))) k++;
  return k < end && COLUMN_GAP.test(sentenceText(p, i));
}

/**
 * The passage's context for {@link analysePassage}: the question's terms in
 * its document title and section headings, each with the weight it adds to a
 * sentence that does not hold it. They name the passage's subject, which a
 * sentence rarely repeats, so they count for every sentence, the title's at
 * {@link RANKING.contextWeight} of their IDF and the headings' at
 * {@link RANKING.headingWeight}: a sentence that holds a word itself still
 * beats one that only sits under it. A heading that is a question (a FAQ's
 * "## How do I reset my password?") counts in full: each sentence under it
 * answers that question. Memoised by document and section, since a
 * question's candidates often share them.
 */
function contextOf(engine: Engine, passageId: number, ranking: Ranking, memo?: Map<string, Map<string, number>>): ReadonlyMap<string, number> {
  const p = engine.passages[passageId]!;
  const key = `${p.doc}\u0000${p.section}`;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  const out = new Map<string, number>();
  addContext(out, engine, ranking, engine.docs[p.doc]!.title, RANKING.contextWeight);
  // A FAQ heading is the question each sentence under it answers; a heading the question's part number labels ("6.3 Credits") is the part.
  // Headings above the section's own (Markdown's "## Recipe" above "### Method") name its subject too.
  const own = ownHeading(p.section);
  if (own !== p.section) addContext(out, engine, ranking, parentHeadings(p.section), RANKING.headingWeight);
  const full = isQuestion(own) || headedByPart(p, ranking.label, engine.synonyms);
  addContext(out, engine, ranking, own, full ? 1 : RANKING.headingWeight);
  memo?.set(key, out);
  return out;
}

/** Adds to `out` the question's terms in the title or heading `text`, at `share` of their IDF (kept at the most any text gives). */
function addContext(out: Map<string, number>, engine: Engine, ranking: Ranking, text: string, share: number): void {
  for (const t of headingTerms(engine, text)) {
    const idf = ranking.idf.get(t);
    if (idf === undefined) continue;
    // A question heading's frame words ("How long … take?") say what kind of answer follows, not what about.
    const w = idf * (share === 1 && ranking.frame?.has(t) ? RANKING.contextWeight : share);
    if (w > (out.get(t) ?? 0)) out.set(t, w);
  }
}

/** Where sentences `first` to `last` of `p` stand in its text: `[start, end)`. */
function rangeOf(p: Passage, [first, last]: [number, number]): [number, number] {
  return [p.sentences[first]!, p.sentences[last]! + sentenceText(p, last).length];
}

/** One hit as an answer; `questionWords` gives the question's words (for a hit not analysed yet), `howTo` whether it asks how to do something ({@link HOW_TO}). */
function shapeAnswer(engine: Engine, hit: Hit, ranking: Ranking, questionWords: () => ReadonlySet<string>, howTo: boolean): Answer {
  const p = engine.passages[hit.passageId]!;
  const doc = engine.docs[p.doc]!;
  const a = hit.analysis ?? analysePassage(p, ranking, questionWords(), engine.synonyms, contextOf(engine, hit.passageId, ranking));
  const citation: Citation = { source: doc.source, title: doc.title, passage: p.ordinal, lines: [p.lines[0], p.lines[1]] };
  if (p.section !== '' && p.section !== doc.title) citation.section = p.section;
  if (doc.url !== undefined) citation.url = doc.url;
  const answerRange = rangeOf(p, answerSpan(p, a, doc.title, howTo, ranking.answerType === 'yesno'));
  return {
    text: p.text,
    answer: p.text.slice(answerRange[0], answerRange[1]),
    answerRange,
    score: Math.round(hit.score * 1000) / 1000,
    highlights: a.highlights,
    citation,
  };
}
