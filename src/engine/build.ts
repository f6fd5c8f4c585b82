import MiniSearch from 'minisearch';
import { CompactMiniSearch, compactIndex, type CompactIndexData } from './compact-search.js';
import type { ParsedDocument } from './corpus.js';
import { checkNeighbours, findNeighbours, type NeighbourData } from './neighbours.js';
import { cachedTerm } from './text.js';
import { MINISEARCH_OPTIONS, NEIGHBOUR_OPTIONS, OPTIONS_FINGERPRINT, SCHEMA_VERSION, type IndexedPassage } from './options.js';
import { encodePassages, lazyPassages, toPassages, type Passage, type PassageStoreData } from './passages.js';
import { decodeRelated, encodeRelated, relatedTermsOf, type RelatedTerms, type RelatedWords } from './related.js';
import { canonicalTerm, synonymsOf, type Synonyms } from './synonyms.js';

/** Versioning and provenance of a built index. */
export interface IndexMeta {
  schemaVersion: number;
  optionsFingerprint: string;
  /** Hash of the corpus files the index was built from. */
  corpusHash: string;
  /** ISO 8601 build time. */
  builtAt: string;
  documents: number;
  passages: number;
  /** Example questions for the demo page, from the corpus manifest. */
  examples: string[];
  /** Single-word synonym groups, from the corpus manifest (synonyms.ts). */
  synonyms: string[][];
}

/** A document as the Worker cites it. */
export interface DocRecord {
  /** Record id for `.jsonl` records; the source path for files. */
  id: string;
  /** Repo-relative path of the source file. */
  source: string;
  title: string;
  url?: string;
}

/**
 * Everything the Worker needs, as plain JSON-serialisable data: the big
 * parts are a few strings, so loading parses almost nothing
 * (docs/performance.md). {@link serializeIndex} writes it as the generated
 * module's text.
 */
export interface BuiltIndex {
  meta: IndexMeta;
  docs: DocRecord[];
  /** Passage store; a passage's MiniSearch id is its position in it. */
  passages: PassageStoreData;
  /** The MiniSearch index of the passages, compactly encoded. */
  index: CompactIndexData;
  /** Each passage's most similar passages (neighbours.ts). */
  neighbours: NeighbourData;
  /** The corpus's related terms ({@link encodeRelated}); empty when built without a lexicon. */
  related: string;
}

/**
 * Cuts documents into passages and indexes them with MiniSearch using the
 * shared options, each word of a synonym group as its group's first
 * (`info.synonyms`, see {@link synonymsOf}), and keeps the pairs of
 * `info.related` (a lexicon, related.ts) whose two words are both in the
 * corpus, and those of its words in `info.commonWords` that the corpus lacks
 * to their related corpus words, and the corpus words `info.wordNeighbours`
 * (word-vector neighbours) lends to words the corpus lacks
 * ({@link relatedTermsOf}). Throws `citeqa build: …` when
 * there is nothing to index, `citeqa synonyms: …` for a malformed group.
 */
export function buildIndex(
  documents: readonly ParsedDocument[],
  info: { corpusHash: string; builtAt?: string; examples?: readonly string[]; synonyms?: readonly (readonly string[])[]; related?: RelatedWords; commonWords?: ReadonlySet<string>; wordNeighbours?: RelatedWords },
): BuiltIndex {
  if (documents.length === 0) throw new Error('citeqa build: the corpus has no documents with text to index');
  const synonyms = synonymsOf(info.synonyms);
  const docs: DocRecord[] = [];
  const passages: Passage[] = [];
  documents.forEach((d, i) => {
    const rec: DocRecord = { id: d.id, source: d.source, title: d.title };
    if (d.url !== undefined) rec.url = d.url;
    docs.push(rec);
    passages.push(...toPassages(d, i));
  });
  // MiniSearch builds the index (with the same term() through its memo: a
  // corpus repeats its words); its serialised form is then re-encoded into
  // the compact columns the Worker reads without parsing (docs/performance.md).
  // Each passage's terms, field after field, are kept as MiniSearch makes
  // them, for the neighbours (instead of tokenising every passage again).
  let sink: string[] = [];
  const mini = new MiniSearch<IndexedPassage>({
    ...MINISEARCH_OPTIONS,
    processTerm: (word) => {
      let t = cachedTerm(word);
      if (t !== null) sink.push((t = canonicalTerm(synonyms, t)));
      return t;
    },
  });
  const passageTerms = passages.map((p, id) => {
    sink = [];
    mini.add({ id, title: docs[p.doc]!.title, section: p.section, text: p.text });
    return sink;
  });
  const index = compactIndex(mini.toJSON(), MINISEARCH_OPTIONS.fields);
  const neighbours = findNeighbours(passageTerms, NEIGHBOUR_OPTIONS);
  const related = info.related === undefined ? '' : encodeRelated(relatedTermsOf(info.related, new Set(passageTerms.flat()), synonyms, info.commonWords, info.wordNeighbours));
  return {
    meta: {
      schemaVersion: SCHEMA_VERSION,
      optionsFingerprint: OPTIONS_FINGERPRINT,
      corpusHash: info.corpusHash,
      builtAt: info.builtAt ?? new Date().toISOString(),
      documents: docs.length,
      passages: passages.length,
      examples: [...(info.examples ?? [])],
      synonyms: synonyms.groups.map((g) => [...g]),
    },
    docs,
    passages: encodePassages(passages),
    index,
    neighbours,
    related,
  };
}

/** A loaded index, ready to answer questions. */
export interface Engine {
  meta: IndexMeta;
  docs: readonly DocRecord[];
  passages: readonly Passage[];
  mini: MiniSearch<IndexedPassage>;
  neighbours: NeighbourData;
  /** The synonyms the index was built with; questions and passages are read with them too. */
  synonyms: Synonyms;
  /** The corpus's related terms (related.ts). */
  related: RelatedTerms;
}

/**
 * Loads a built index with the same options it was built with. Throws
 * `citeqa index: …` if it was built by another schema or other options, so a
 * stale bundle fails at startup instead of answering wrongly.
 */
export function loadEngine(built: BuiltIndex): Engine {
  const meta = built?.meta;
  if (meta === undefined || meta.schemaVersion !== SCHEMA_VERSION) {
    throw new Error(
      `citeqa index: built with schema version ${String(meta?.schemaVersion)}, this engine reads version ${SCHEMA_VERSION}; rebuild it with \`npm run build\``,
    );
  }
  if (meta.optionsFingerprint !== OPTIONS_FINGERPRINT) {
    throw new Error(
      `citeqa index: built with text options ${meta.optionsFingerprint}, this engine uses ${OPTIONS_FINGERPRINT}; rebuild it with \`npm run build\``,
    );
  }
  if (built.index.documentCount !== meta.passages || built.docs.length !== meta.documents) {
    throw new Error('citeqa index: passage or document count does not match its metadata; rebuild it with `npm run build`');
  }
  const passages = lazyPassages(built.passages, meta.passages);
  const mini = new CompactMiniSearch<IndexedPassage>(built.index, MINISEARCH_OPTIONS);
  return { meta, docs: built.docs, passages, mini, neighbours: checkNeighbours(built.neighbours, meta.passages), synonyms: synonymsOf(meta.synonyms), related: decodeRelated(built.related) };
}

const MAGIC = 'citeqa-index';

/**
 * The built index as one string, the generated module's content
 * (src/generated/index-data.txt, which the Worker imports as a Text module):
 * a first line naming the format, a line of JSON with everything small
 * (metadata, documents, section names, field statistics) and the lengths of
 * the big strings, then the big strings one after another. Every character
 * is at most U+00FF, so the runtime keeps it one byte per character, and
 * {@link parseIndex} slices it without copying.
 */
export function serializeIndex(built: BuiltIndex): string {
  const { passages: p, index: x, neighbours: nb } = built;
  const big = [
    p.text,
    p.textStart.data,
    p.records,
    p.recordStart.data,
    x.fieldLength.data,
    x.terms,
    x.termStart.data,
    x.postings,
    x.postingStart.data,
    nb.ids.data,
    nb.weights.data,
    built.related,
  ];
  const header = {
    meta: built.meta,
    docs: built.docs,
    sections: p.sections,
    fields: x.fields,
    documentCount: x.documentCount,
    averageFieldLength: x.averageFieldLength,
    neighbours: nb.k,
    widths: [p.textStart.width, p.recordStart.width, x.fieldLength.width, x.termStart.width, x.postingStart.width, nb.ids.width, nb.weights.width],
    lengths: big.map((b) => b.length),
  };
  const json = JSON.stringify(header).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${MAGIC} ${built.meta.schemaVersion}\n${json}\n${big.join('')}`;
}

/** Reads {@link serializeIndex}'s output back; the big strings are slices of `text`. */
export function parseIndex(text: string): BuiltIndex {
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  const magic = text.slice(0, Math.max(0, first));
  if (!magic.startsWith(`${MAGIC} `) || second < 0) {
    throw new Error('citeqa index: the generated index is not in a format this engine reads; rebuild it with `npm run build`');
  }
  const version = Number(magic.slice(MAGIC.length + 1));
  if (version !== SCHEMA_VERSION) {
    throw new Error(
      `citeqa index: built with schema version ${version}, this engine reads version ${SCHEMA_VERSION}; rebuild it with \`npm run build\``,
    );
  }
  const h = JSON.parse(text.slice(first + 1, second)) as {
    meta: IndexMeta;
    docs: DocRecord[];
    sections: string[];
    fields: string[];
    documentCount: number;
    averageFieldLength: number[];
    neighbours: number;
    widths: number[];
    lengths: number[];
  };
  let at = second + 1;
  const [pText, textStart, records, recordStart, fieldLength, terms, termStart, postings, postingStart, nbIds, nbWeights, related] = h.lengths.map((n) =>
    text.slice(at, (at += n)),
  );
  const [wText, wRecord, wField, wTerm, wPosting, wNbIds, wNbWeights] = h.widths;
  if (at !== text.length || related === undefined || wNbWeights === undefined) {
    throw new Error('citeqa index: the generated index is truncated; rebuild it with `npm run build`');
  }
  return {
    meta: h.meta,
    docs: h.docs,
    passages: {
      sections: h.sections,
      text: pText!,
      textStart: { width: wText!, data: textStart! },
      records: records!,
      recordStart: { width: wRecord!, data: recordStart! },
    },
    index: {
      fields: h.fields,
      documentCount: h.documentCount,
      averageFieldLength: h.averageFieldLength,
      fieldLength: { width: wField!, data: fieldLength! },
      terms: terms!,
      termStart: { width: wTerm!, data: termStart! },
      postings: postings!,
      postingStart: { width: wPosting!, data: postingStart! },
    },
    neighbours: { k: h.neighbours, ids: { width: wNbIds!, data: nbIds! }, weights: { width: wNbWeights, data: nbWeights! } },
    related,
  };
}
