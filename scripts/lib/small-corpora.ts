/**
 * Abstention on small corpora, measured from a large one: the records of each
 * title (a SQuAD article, say) are cut to their first few, and each such small
 * corpus is asked its own questions (it should answer them) and a sample of the
 * other titles' questions (it should not). Most users index a handful of
 * documents, not thousands of passages, so this is where "no answer" is felt.
 */
import { buildIndex, loadEngine, parseIndex, rank, serializeIndex, type ParsedDocument } from '../../src/engine/index.js';
import type { Question } from './questions.js';

/** What `measureSmallCorpora` reports. */
export interface SmallCorporaSummary {
  /** Number of small corpora (titles). */
  corpora: number;
  /** Median number of passages per small corpus. */
  medianPassages: number;
  /** Questions whose relevant record is in their small corpus. */
  answerable: number;
  /** Share of those that got "no answer". */
  answerableAbstained: number;
  /** Share of those whose first answer is a relevant record (abstaining counts as a miss). */
  hit1: number;
  /** Questions of other titles asked of a small corpus. */
  offTopic: number;
  /** Share of those that got "no answer". */
  offTopicAbstained: number;
}

/**
 * Cuts `documents` by title to the first `records` of each, and asks each small
 * corpus the questions judged relevant to one of its records, and every
 * `offTopicStride`-th question of the other titles (a different slice for each
 * corpus), through the same build, load and `rank()` as `GET /ask`.
 */
export function measureSmallCorpora(
  documents: readonly ParsedDocument[],
  questions: readonly Question[],
  records: number,
  offTopicStride = 50,
): SmallCorporaSummary {
  const byTitle = new Map<string, ParsedDocument[]>();
  for (const d of documents) {
    const group = byTitle.get(d.title);
    if (group === undefined) byTitle.set(d.title, [d]);
    else group.push(d);
  }
  const titleOf = new Map(documents.map((d) => [d.id, d.title]));
  const relevantIds = questions.map((q) => Object.keys(q.relevant).filter((id) => (q.relevant[id] ?? 0) > 0));
  const passages: number[] = [];
  let answerable = 0;
  let answerableAbstained = 0;
  let hits = 0;
  let offTopic = 0;
  let offTopicAbstained = 0;
  let g = 0;
  for (const [title, group] of byTitle) {
    const docs = group.slice(0, records);
    const ids = new Set(docs.map((d) => d.id));
    const engine = loadEngine(parseIndex(serializeIndex(buildIndex(docs, { corpusHash: `small:${title}` }))));
    passages.push(engine.passages.length);
    questions.forEach((q, i) => {
      const relevant = relevantIds[i]!;
      if (relevant.some((id) => ids.has(id))) {
        answerable++;
        const r = rank(engine, q.question, 1);
        if (r.abstained) answerableAbstained++;
        else if (relevant.includes(engine.docs[engine.passages[r.hits[0]!.passageId]!.doc]!.id)) hits++;
      } else if ((i + g) % offTopicStride === 0 && relevant.length > 0 && relevant.every((id) => titleOf.get(id) !== title)) {
        offTopic++;
        if (rank(engine, q.question, 1).abstained) offTopicAbstained++;
      }
    });
    g++;
  }
  passages.sort((a, b) => a - b);
  return {
    corpora: byTitle.size,
    medianPassages: passages.length === 0 ? 0 : passages[(passages.length - 1) >> 1]!,
    answerable,
    answerableAbstained: answerable === 0 ? 0 : answerableAbstained / answerable,
    hit1: answerable === 0 ? 0 : hits / answerable,
    offTopic,
    offTopicAbstained: offTopic === 0 ? 0 : offTopicAbstained / offTopic,
  };
}
