/**
 * English stop words, including the question words that carry no topic
 * ("what", "which", "who", "how", "did", "does"). Measured on the shared sets,
 * dropping them at index and query time is the largest single lever for both
 * quality and speed (see docs/quality.md). Words of time, place and
 * frequency that say how things relate ("after", "during", "against",
 * "through", "never", "formerly") are not in it: kept as terms, they helped
 * both sets (docs/quality.md, session 7).
 *
 * Terms are compared after case and diacritic folding, before stemming.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above afterwards all almost alone also although am amongst an and another any anybody anyhow anyone anything
anyway anywhere are aren as at be became because become becomes becoming been beforehand being below beside besides
both but by can cannot could couldn did didn do does doesn doing don done down each either else elsewhere enough etc
even ever every everybody everyone everything everywhere except few for from further had hadn has hasn have haven
having he hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie if in indeed
into is isn it its itself just kind least less let like ll many may maybe me meanwhile might mine more moreover most
mostly much must my myself namely neither nevertheless no nobody none noone nor not nothing now nowhere of off on one
only onto or other others otherwise our ours ourselves out over own per perhaps please put rather re really same say
says said shall she should shouldn so some somebody somehow someone something sometime somewhere still such tell than
that the their theirs them themselves then thence there thereafter thereby therefore therein thereupon these they
thing things this those though thru thus to together too under up upon us ve very via was wasn way we well were weren
what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while
whither who whoever whole whom whose why will with won would wouldn yet you your yours yourself yourselves`.split(/\s+/),
);

/**
 * Stop words that, written in capitals in running text, are usually
 * acronyms: "IT" (information technology), "US" and "U.S." (United States),
 * "WHO" (World Health Organization), "OR" (operating room), "AM" (a.m.).
 * There they are index terms of their own, kept in capitals ("IT", not
 * "it"), so that "How do I contact IT?" asks for the IT desk. Capitals that
 * stress a word ("do NOT share") or shout a heading ("CONTACT US") are not
 * acronyms: only these words are, and only among words mostly not in
 * capitals (text.ts).
 */
export const ACRONYM_STOP_WORDS: ReadonlySet<string> = new Set(['am', 'it', 'or', 'us', 'who']);

/**
 * Common verbs that questions use as their frame ("How do I **get** a card?",
 * "What **happens** to unused days?", "What does E202 **mean**?", "Can I
 * **bring** my dog?"), not their
 * subject. Unlike stop words they are indexed and matched, at half their IDF
 * in the ranking (`RANKING.frameWeight`); when the corpus lacks one, it
 * does not count against the question in the known-terms share of
 * abstention (a small corpus often has no "get" at all). Measured in
 * docs/quality.md.
 */
export const LIGHT_VERBS: readonly string[] = ['get', 'make', 'take', 'go', 'come', 'need', 'want', 'use', 'happen', 'give', 'mean', 'bring'];

/**
 * Nouns that ask for a kind of text rather than name a subject ("What is the
 * cancellation **policy**?", "Where is the **information** on parking?"), or
 * for some body ("What **entity** issues permits?"): a page often states
 * its policy, or names the body, without the word. Treated like
 * {@link LIGHT_VERBS} everywhere. Measured in docs/quality.md.
 */
export const FRAME_NOUNS: readonly string[] = ['policy', 'information', 'detail', 'procedure', 'entity'];

/**
 * Adjectives a reader puts before a thing the documents name without them
 * ("Where do I take **old** paint?", "Can my child ride a **different**
 * bus?", "my **broken** lamp"). Treated like {@link LIGHT_VERBS} everywhere.
 * Not "new": "What new limit did 2.0 add?" asks about a new thing.
 * Measured in docs/quality.md.
 */
export const FRAME_ADJECTIVES: readonly string[] = ['old', 'broken', 'different'];

/**
 * Adjectives (and the adverbs "quickly" and "soon", which ask how long
 * until) that, right after "how", ask for a measure ("**how long** must a
 * password be?", "how old", "how far", "how quickly will it be reviewed?"):
 * the question's frame, like "many" in "how many", not its subject. There
 * they are treated like {@link LIGHT_VERBS}; elsewhere ("a long password")
 * they are ordinary words.
 */
export const HOW_ADJECTIVES: readonly string[] = ['long', 'old', 'far', 'large', 'big', 'tall', 'high', 'fast', 'wide', 'deep', 'heavy', 'loud', 'hot', 'cold', 'warm', 'thick', 'quickly', 'soon'];

/**
 * The noun that names the measure a "how" adjective (or the verb "weigh")
 * asks for: "How long is the cable?" is answered by "Length: 2 m", "How
 * much does it weigh?" by "Weight: 3.2 kg". A question with one is also
 * asked for the noun, when the corpus has it (search.ts), and for the word
 * in {@link MEASURE_WORDS}.
 */
export const MEASURE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['long', 'length'], ['old', 'age'], ['far', 'distance'], ['tall', 'height'],
  ['high', 'height'], ['wide', 'width'], ['deep', 'depth'], ['heavy', 'weight'], ['weigh', 'weight'],
  ['loud', 'noise'], ['hot', 'temperature'], ['cold', 'temperature'], ['warm', 'temperature'], ['thick', 'thickness'],
]);

/** A word other than the noun that a "how" adjective's answer may hold: "How heavy is it?" of "They weigh 250 g", "How old must players be?" of "18 or older". */
export const MEASURE_WORDS: ReadonlyMap<string, string> = new Map([
  ['heavy', 'weigh'], ['old', 'older'],
]);

/**
 * Nouns that, right before a number, refer to a numbered part of a document
 * ("what does **section** 3.2 say?", "clause 7", "step 4"): the number names
 * it, the noun only frames it, and a document often numbers its parts
 * without the word ("3.2 Travel"). There they are treated like
 * {@link LIGHT_VERBS}; elsewhere they are ordinary words.
 */
export const PART_NOUNS: readonly string[] = ['section', 'chapter', 'clause', 'paragraph', 'article', 'part', 'page', 'step', 'rule', 'item', 'version'];

/**
 * Particles of phrasal verbs that a text often writes as one word with the
 * verb: "when is trash **picked up**?" of a text that says "pickup", "log
 * in" and "login", "set up" and "setup". A question word the corpus lacks
 * is read as the one word when the corpus has it (`joinedTerm` in search.ts).
 */
export const PARTICLES: readonly string[] = ['up', 'in', 'out', 'off', 'on', 'down', 'back', 'over'];
