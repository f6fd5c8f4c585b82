/**
 * citeqa's engine: passages, indexing, query processing, ranking and
 * citations. Pure TypeScript over MiniSearch; it imports nothing from Hono,
 * Workers or Node, so the Worker, the CLI and the evaluation share it.
 */
export * from './boilerplate.js';
export * from './build.js';
export * from './compact.js';
export * from './compact-search.js';
export * from './corpus.js';
export * from './html.js';
export * from './neighbours.js';
export * from './options.js';
export * from './passages.js';
export * from './quantities.js';
export * from './question-words.js';
export * from './related.js';
export * from './search.js';
export * from './sentences.js';
export * from './spelling.js';
export * from './stopwords.js';
export * from './synonyms.js';
export * from './text.js';
