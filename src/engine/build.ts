import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { ParsedDocument } from './corpus.js';
import { MINISEARCH_OPTIONS, OPTIONS_FINGERPRINT, SCHEMA_VERSION, type IndexedPassage } from './options.js';
import { toPassages, type Passage } from './passages.js';

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

/** Everything the Worker needs, as plain JSON-serialisable data. */
export interface BuiltIndex {
  meta: IndexMeta;
  docs: DocRecord[];
  /** Passage store; a passage's MiniSearch id is its index here. */
  passages: Passage[];
  /** `MiniSearch#toJSON()` of the passage index. */
  index: AsPlainObject;
}

/**
 * Cuts documents into passages and indexes them with MiniSearch using the
 * shared options. Throws `citeqa build: …` when there is nothing to index.
 */
export function buildIndex(
  documents: readonly ParsedDocument[],
  info: { corpusHash: string; builtAt?: string },
): BuiltIndex {
  if (documents.length === 0) throw new Error('citeqa build: the corpus has no documents with text to index');
  const docs: DocRecord[] = [];
  const passages: Passage[] = [];
  documents.forEach((d, i) => {
    const rec: DocRecord = { id: d.id, source: d.source, title: d.title };
    if (d.url !== undefined) rec.url = d.url;
    docs.push(rec);
    passages.push(...toPassages(d, i));
  });
  const mini = new MiniSearch<IndexedPassage>(MINISEARCH_OPTIONS);
  mini.addAll(
    passages.map((p, id) => ({ id, title: docs[p.doc]!.title, section: p.section, text: p.text })),
  );
  return {
    meta: {
      schemaVersion: SCHEMA_VERSION,
      optionsFingerprint: OPTIONS_FINGERPRINT,
      corpusHash: info.corpusHash,
      builtAt: info.builtAt ?? new Date().toISOString(),
      documents: docs.length,
      passages: passages.length,
    },
    docs,
    passages,
    index: mini.toJSON(),
  };
}

/** A loaded index, ready to answer questions. */
export interface Engine {
  meta: IndexMeta;
  docs: readonly DocRecord[];
  passages: readonly Passage[];
  mini: MiniSearch<IndexedPassage>;
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
  if (built.passages.length !== meta.passages || built.docs.length !== meta.documents) {
    throw new Error('citeqa index: passage or document count does not match its metadata; rebuild it with `npm run build`');
  }
  const mini = MiniSearch.loadJS<IndexedPassage>(built.index, MINISEARCH_OPTIONS);
  return { meta, docs: built.docs, passages: built.passages, mini };
}
