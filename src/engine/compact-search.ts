import MiniSearch, { type AsPlainObject, type Options, type SearchOptions, type SearchResult } from 'minisearch';
import type { Vocabulary } from './spelling.js';
import { encodeFixed, escapeWide, fixedLength, pushVarint, readFixed, unescapeWide, VarintReader, type FixedColumn } from './compact.js';

/**
 * The inverted index as the built index ships it: a few strings, read in
 * place (nothing is decoded at load; a query decodes the postings it reads).
 *
 * - `terms`: every term ({@link escapeWide}d), sorted by UTF-16 code units,
 *   one after another; `termStart` says where each starts (and the last ends).
 * - `postings`: for each term in that order, for each field that has it
 *   (ascending field id): the field id, the number of passages, then for each
 *   passage in ascending order the gap from the previous passage id and the
 *   term's frequency there, all as {@link pushVarint} digits; `postingStart`
 *   says where each term's postings start (and the last end).
 * - `fieldLength`: for each passage and field, MiniSearch's field length.
 */
export interface CompactIndexData {
  fields: string[];
  documentCount: number;
  /** MiniSearch's running average of each field's length, as it computed it. */
  averageFieldLength: number[];
  fieldLength: FixedColumn;
  terms: string;
  termStart: FixedColumn;
  postings: string;
  postingStart: FixedColumn;
}

/** One term's postings: for each field id, its passages (ascending) and frequencies there. */
type TermPostings = Array<{ docs: number[]; freqs: number[] } | undefined>;

function encodeIndex(
  fields: readonly string[],
  documentCount: number,
  averageFieldLength: readonly number[],
  fieldLength: readonly number[],
  index: Iterable<[string, TermPostings]>,
): CompactIndexData {
  // Terms are stored escaped (one byte per character) and sorted as stored.
  const entries = [...index]
    .map(([term, data]) => [escapeWide(term), data] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const termOut: string[] = [];
  const termStart = [0];
  const postOut: string[] = [];
  const postingStart = [0];
  let termAt = 0;
  let postAt = 0;
  for (const [term, data] of entries) {
    termOut.push(term);
    termStart.push((termAt += term.length));
    const piece: string[] = [];
    data.forEach((block, fid) => {
      if (block === undefined || block.docs.length === 0) return;
      pushVarint(piece, fid);
      pushVarint(piece, block.docs.length);
      let prev = 0;
      block.docs.forEach((id, i) => {
        pushVarint(piece, id - prev);
        pushVarint(piece, block.freqs[i]!);
        prev = id;
      });
    });
    const s = piece.join('');
    postOut.push(s);
    postingStart.push((postAt += s.length));
  }
  return {
    fields: [...fields],
    documentCount,
    averageFieldLength: [...averageFieldLength],
    fieldLength: encodeFixed(fieldLength),
    terms: termOut.join(''),
    termStart: encodeFixed(termStart),
    postings: postOut.join(''),
    postingStart: encodeFixed(postingStart),
  };
}

/**
 * Re-encodes MiniSearch's `toJSON()` of an index whose ids are `0..n-1`
 * (each document's id equals MiniSearch's internal short id).
 */
export function compactIndex(js: AsPlainObject, fields: readonly string[]): CompactIndexData {
  const n = js.documentCount;
  if (js.nextId !== n || js.dirtCount !== 0) throw new Error('citeqa build: the MiniSearch index has removed documents');
  for (let i = 0; i < n; i++) {
    if (js.documentIds[i] !== i) throw new Error('citeqa build: passage ids must be 0..n-1 in order');
  }
  fields.forEach((f, i) => {
    if (js.fieldIds[f] !== i) throw new Error(`citeqa build: field ${f} must have id ${i}`);
  });
  const F = fields.length;
  const fieldLength: number[] = [];
  for (let i = 0; i < n; i++) {
    const lens = js.fieldLength[i] ?? [];
    for (let f = 0; f < F; f++) fieldLength.push(lens[f] ?? 0);
  }
  const index: Array<[string, TermPostings]> = js.index.map(([term, data]) => {
    const entry: TermPostings = [];
    for (const fid of Object.keys(data)) {
      const docs = data[fid]!;
      const ids = Object.keys(docs)
        .map(Number)
        .sort((a, b) => a - b);
      entry[Number(fid)] = { docs: ids, freqs: ids.map((id) => docs[id]!) };
    }
    return [term, entry];
  });
  return encodeIndex(fields, n, js.averageFieldLength, fieldLength, index);
}

/** Checks a {@link CompactIndexData}'s columns against each other, decoding nothing. */
function checkIndex(data: CompactIndexData): void {
  const terms = fixedLength(data.termStart) - 1;
  if (
    terms < 0 ||
    fixedLength(data.postingStart) !== terms + 1 ||
    fixedLength(data.fieldLength) !== data.documentCount * data.fields.length ||
    readFixed(data.termStart, terms) !== data.terms.length ||
    readFixed(data.postingStart, terms) !== data.postings.length
  ) {
    throw new Error('citeqa index: the index columns do not match each other; rebuild it with `npm run build`');
  }
}

/** Binary search for `term` in the sorted terms; -1 when absent. */
function findTerm(data: CompactIndexData, raw: string): number {
  const term = escapeWide(raw);
  const { terms, termStart } = data;
  let lo = 0;
  let hi = fixedLength(termStart) - 2;
  const len = term.length;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = readFixed(termStart, mid);
    const midLen = readFixed(termStart, mid + 1) - start;
    let cmp = 0;
    const m = len < midLen ? len : midLen;
    for (let i = 0; i < m; i++) {
      const d = term.charCodeAt(i) - terms.charCodeAt(start + i);
      if (d !== 0) {
        cmp = d;
        break;
      }
    }
    if (cmp === 0) cmp = len - midLen;
    if (cmp === 0) return mid;
    if (cmp < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

interface Internals {
  _options: Options & { searchOptions: SearchOptions; tokenize: (s: string, f?: string) => string[]; processTerm: (t: string, f?: string) => string | string[] | null | undefined | false };
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
}

const LAZY = ['_index', '_documentIds', '_idToShortId', '_fieldLength', '_storedFields'] as const;
const MUTATORS = ['add', 'addAll', 'addAllAsync', 'remove', 'removeAll', 'discard', 'discardAll', 'replace', 'vacuum'] as const;

type BoostDocument = NonNullable<SearchOptions['boostDocument']>;
type BoostTerm = NonNullable<SearchOptions['boostTerm']>;

/** One passage's running result while a query is scored (MiniSearch's raw result). */
interface Raw {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}

/**
 * A MiniSearch whose index stays in its compact encoding. `search()` scores
 * plain OR queries (no prefix, no fuzzy; boosts, `boostTerm`,
 * `boostDocument`, `bm25` and `filter` allowed) straight from the encoded
 * postings and returns exactly what MiniSearch returns — same results, same
 * order, same floating-point scores. Anything else (prefix, fuzzy, AND,
 * query trees, suggestions, adding documents) goes to MiniSearch itself,
 * whose internal index is then rebuilt from the compact data on first use.
 */
export class CompactMiniSearch<T = unknown> extends MiniSearch<T> {
  #data: CompactIndexData;
  #options: Options<T>;
  #mutated = false;
  // Scratch space reused by every query (an isolate runs one at a time).
  #slot: Array<Raw | undefined>;
  #termScore: Float64Array;
  #termFields: Uint8Array;
  #termStamp: Uint32Array;
  #touched: Int32Array;
  #stamp = 0;
  #candidateAt: Int32Array;
  #candidateStampOf: Uint32Array;
  #candidateStamp = 0;
  #candidateIds: Int32Array;
  #candidateScore: Float64Array;
  #candidateMask: Uint32Array<ArrayBufferLike>;
  #vocabulary: Vocabulary | undefined;

  constructor(data: CompactIndexData, options: Options<T>) {
    super(options);
    const self = this as unknown as Internals;
    const fieldIds: Record<string, number> = {};
    data.fields.forEach((f, i) => (fieldIds[f] = i));
    if (JSON.stringify(self._fieldIds) !== JSON.stringify(fieldIds)) {
      throw new Error('citeqa index: built with other fields; rebuild it with `npm run build`');
    }
    if (data.fields.length > 8) throw new Error('citeqa index: at most 8 fields');
    checkIndex(data);
    this.#data = data;
    this.#options = options;
    self._documentCount = data.documentCount;
    self._nextId = data.documentCount;
    self._avgFieldLength = [...data.averageFieldLength];
    self._dirtCount = 0;
    const n = data.documentCount;
    this.#slot = new Array<Raw | undefined>(n);
    this.#termScore = new Float64Array(n);
    this.#termFields = new Uint8Array(n);
    this.#termStamp = new Uint32Array(n);
    this.#touched = new Int32Array(n);
    this.#candidateAt = new Int32Array(n);
    this.#candidateStampOf = new Uint32Array(n);
    this.#candidateIds = new Int32Array(n);
    this.#candidateScore = new Float64Array(n);
    this.#candidateMask = new Uint32Array(n);
    for (const key of LAZY) {
      Object.defineProperty(this, key, {
        configurable: true,
        enumerable: true,
        get: () => {
          this.#materialize();
          return (this as unknown as Record<string, unknown>)[key];
        },
        set: (v: unknown) => {
          this.#materialize();
          (this as unknown as Record<string, unknown>)[key] = v;
        },
      });
    }
    for (const name of MUTATORS) {
      const original = (MiniSearch.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      Object.defineProperty(this, name, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => {
          this.#mutated = true;
          return original.apply(this, args);
        },
      });
    }
  }

  /** MiniSearch's `toJSON()` shape, rebuilt from the compact data. */
  toPlainObject(): AsPlainObject {
    const data = this.#data;
    const F = data.fields.length;
    const n = data.documentCount;
    const documentIds: Record<string, number> = {};
    const fieldLengthObj: Record<string, number[]> = {};
    for (let i = 0; i < n; i++) {
      documentIds[i] = i;
      fieldLengthObj[i] = Array.from({ length: F }, (_, f) => readFixed(data.fieldLength, i * F + f));
    }
    const index: AsPlainObject['index'] = [];
    const count = fixedLength(data.termStart) - 1;
    for (let t = 0; t < count; t++) {
      const term = unescapeWide(data.terms.slice(readFixed(data.termStart, t), readFixed(data.termStart, t + 1)));
      const end = readFixed(data.postingStart, t + 1);
      const r = new VarintReader(data.postings, readFixed(data.postingStart, t));
      const entry: Record<string, Record<string, number>> = {};
      while (r.pos < end) {
        const fid = r.next();
        const c = r.next();
        const docs: Record<string, number> = {};
        let doc = 0;
        for (let i = 0; i < c; i++) {
          doc += r.next();
          docs[doc] = r.next();
        }
        entry[fid] = docs;
      }
      index.push([term, entry]);
    }
    const fieldIds: Record<string, number> = {};
    data.fields.forEach((f, i) => (fieldIds[f] = i));
    return {
      documentCount: n,
      nextId: n,
      documentIds,
      fieldIds,
      fieldLength: fieldLengthObj,
      averageFieldLength: [...data.averageFieldLength],
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    };
  }

  #materialize(): void {
    for (const key of LAZY) delete (this as unknown as Record<string, unknown>)[key];
    const full = MiniSearch.loadJS<T>(this.toPlainObject(), this.#options) as unknown as Record<string, unknown>;
    for (const key of LAZY) (this as unknown as Record<string, unknown>)[key] = full[key];
  }

  /** The search options with MiniSearch's defaults, and whether {@link #scoreTerms} can serve them. */
  #resolve(searchOptions: SearchOptions): { o: ResolvedOptions; fast: boolean } {
    const self = this as unknown as Internals;
    const o: ResolvedOptions = { ...self._options.searchOptions, ...searchOptions };
    const combine = typeof o.combineWith === 'string' ? o.combineWith.toLowerCase() : o.combineWith;
    const fast = !(
      this.#mutated ||
      typeof o.prefix === 'function' ||
      o.prefix === true ||
      typeof o.fuzzy === 'function' ||
      !!o.fuzzy ||
      (combine !== undefined && combine !== 'or')
    );
    return { o, fast };
  }

  override search(query: Parameters<MiniSearch<T>['search']>[0], searchOptions: SearchOptions = {}): SearchResult[] {
    const { o, fast } = this.#resolve(searchOptions);
    if (!fast || typeof query !== 'string') return super.search(query, searchOptions);
    const self = this as unknown as Internals;
    // The query's terms, exactly as MiniSearch's executeQuery derives them.
    const tokenize = o.tokenize ?? self._options.tokenize;
    const processTerm = o.processTerm ?? self._options.processTerm;
    const terms = tokenize(query)
      .flatMap((t) => processTerm(t) as string | string[])
      .filter((t) => !!t);
    if (terms.length === 0) return [];

    // MiniSearch's raw results, combined term after term as its OR does.
    const slot = this.#slot;
    const termScore = this.#termScore;
    const termFields = this.#termFields;
    const touched = this.#touched;
    const order: number[] = [];
    try {
      this.#scoreTerms(terms, o, (term, _qi, nTouched, boostFields) => {
        for (let i = 0; i < nTouched; i++) {
          const doc = touched[i]!;
          const mask = termFields[doc]!;
          const fieldsMatched: string[] = [];
          for (let bf = 0; bf < boostFields.length; bf++) if (mask & (1 << bf)) fieldsMatched.push(boostFields[bf]!);
          const existing = slot[doc];
          if (existing === undefined) {
            const match: Record<string, string[]> = {};
            match[term] = fieldsMatched;
            slot[doc] = { score: termScore[doc]!, terms: [term], match };
            order.push(doc);
          } else {
            existing.score = existing.score + termScore[doc]!;
            existing.match[term] = fieldsMatched;
            if (!existing.terms.includes(term)) existing.terms.push(term);
          }
        }
      });
      const results: SearchResult[] = [];
      for (const doc of order) {
        const raw = slot[doc]!;
        const quality = raw.terms.length || 1;
        const result: SearchResult = {
          id: doc,
          score: raw.score * quality,
          terms: Object.keys(raw.match),
          queryTerms: raw.terms,
          match: raw.match,
        };
        if (o.filter == null || o.filter(result)) results.push(result);
      }
      results.sort(byScore);
      return results;
    } finally {
      for (const doc of order) slot[doc] = undefined;
    }
  }

  /**
   * The index's terms in code-unit order; a term's frequency is the size of
   * its encoded postings (it grows with the passages and fields that hold
   * the term). The first call decodes where each term starts (one 32-bit
   * integer per term, kept for later calls); nothing else is decoded.
   */
  vocabulary(): Vocabulary {
    if (this.#vocabulary !== undefined) return this.#vocabulary;
    const { terms, termStart, postingStart } = this.#data;
    const size = fixedLength(termStart) - 1;
    const starts = new Int32Array(size + 1);
    for (let i = 0; i <= size; i++) starts[i] = readFixed(termStart, i);
    return (this.#vocabulary = {
      text: terms,
      starts,
      frequency: (i) => readFixed(postingStart, i + 1) - readFixed(postingStart, i),
    });
  }

  /**
   * What `search(terms.join(' '), options)` with identity tokenizing would
   * find, without building result objects or sorting: for each passage that
   * matches, its id, MiniSearch's score and which of `terms` it matched (a
   * bit per term), in no particular order, and each term's number of
   * matching passages. `terms` must be distinct and non-empty. Undefined
   * when MiniSearch itself must answer (see {@link orCandidates}).
   */
  candidates(terms: readonly string[], searchOptions: SearchOptions = {}): Candidates | undefined {
    const { o, fast } = this.#resolve(searchOptions);
    if (!fast || o.filter != null || new Set(terms).size !== terms.length || terms.some((t) => !t)) return undefined;
    const W = (terms.length + 31) >>> 5;
    const N = this.#data.documentCount;
    if (this.#candidateMask.length < N * W) this.#candidateMask = new Uint32Array(N * W);
    const stamp = ++this.#candidateStamp;
    if (stamp === 0xffffffff) {
      this.#candidateStampOf.fill(0);
      this.#candidateStamp = 1;
    }
    const at = this.#candidateAt;
    const stampOf = this.#candidateStampOf;
    const ids = this.#candidateIds;
    const acc = this.#candidateScore;
    const termScore = this.#termScore;
    const touched = this.#touched;
    const df = new Uint32Array(terms.length);
    let count = 0;
    const masks = this.#candidateMask;
    this.#scoreTerms(terms, o, (_term, qi, nTouched) => {
      df[qi] = nTouched;
      const word = qi >>> 5;
      const bit = 1 << (qi & 31);
      for (let i = 0; i < nTouched; i++) {
        const doc = touched[i]!;
        if (stampOf[doc] !== stamp) {
          stampOf[doc] = stamp;
          at[doc] = count;
          ids[count] = doc;
          acc[count] = termScore[doc]!;
          if (W === 1) masks[count] = bit;
          else {
            for (let w = 0; w < W; w++) masks[count * W + w] = 0;
            masks[count * W + word] = bit;
          }
          count++;
        } else {
          const j = at[doc]!;
          acc[j] = acc[j]! + termScore[doc]!;
          masks[j * W + word] = masks[j * W + word]! | bit;
        }
      }
    });
    const scores = new Float64Array(count);
    for (let j = 0; j < count; j++) {
      let q = 0;
      for (let w = 0; w < W; w++) q += popcount(masks[j * W + w]!);
      scores[j] = acc[j]! * (q || 1);
    }
    return { count, words: W, ids: ids.slice(0, count), scores, matched: masks.slice(0, count * W), df };
  }

  /**
   * Scores `terms` one after another, as MiniSearch's `executeQuerySpec` +
   * `termResults` do, into the scratch arrays: after each term, `touched`
   * holds (in MiniSearch's order) the `nTouched` passages it matched, with
   * their score for this term in `termScore` and the fields matched as bits
   * (in boost-field order) in `termFields`; then `visit` combines them.
   */
  #scoreTerms(
    terms: readonly string[],
    o: ResolvedOptions,
    visit: (term: string, qi: number, nTouched: number, boostFields: string[]) => void,
  ): void {
    const self = this as unknown as Internals;
    const fieldNames = o.fields || self._options.fields;
    const boosts: Record<string, number> = {};
    for (const f of fieldNames) boosts[f] = (Object.prototype.hasOwnProperty.call(o.boost ?? {}, f) ? o.boost![f] : undefined) || 1;
    const boostFields = Object.keys(boosts);
    const { k, b, d } = o.bm25!;
    const boostDocument: BoostDocument | undefined = o.boostDocument;
    const boostTerm: BoostTerm | undefined = o.boostTerm;
    const data = this.#data;
    const { postings } = data;
    const F = data.fields.length;
    const fieldLength = data.fieldLength.data;
    const flWidth = data.fieldLength.width;
    const totalCount = self._documentCount;
    const avg = self._avgFieldLength;
    const termScore = this.#termScore;
    const termFields = this.#termFields;
    const termStamp = this.#termStamp;
    const touched = this.#touched;
    const reader = new VarintReader(postings);

    // Boost fields in ascending field id (the usual case) let each term's
    // postings be read in one pass; otherwise each field's block is sought.
    const fieldIdOf = new Int32Array(boostFields.length);
    let ascending = true;
    for (let bf = 0; bf < boostFields.length; bf++) {
      const id = self._fieldIds[boostFields[bf]!];
      fieldIdOf[bf] = id === undefined ? -1 : id;
      if (bf > 0 && fieldIdOf[bf]! <= fieldIdOf[bf - 1]!) ascending = false;
    }
    const boostOfField = new Float64Array(F);
    const bitOfField = new Int32Array(F);
    if (ascending) {
      for (let bf = 0; bf < boostFields.length; bf++) {
        if (fieldIdOf[bf]! < 0) continue;
        boostOfField[fieldIdOf[bf]!] = boosts[boostFields[bf]!]!;
        bitOfField[fieldIdOf[bf]!] = 1 << bf;
      }
    }

    for (let qi = 0; qi < terms.length; qi++) {
      const term = terms[qi]!;
      const termBoost = boostTerm ? boostTerm(term, qi, terms as string[]) : 1;
      const t = findTerm(data, term);
      if (t < 0) {
        visit(term, qi, 0, boostFields);
        continue;
      }
      const stamp = ++this.#stamp;
      if (stamp === 0xffffffff) {
        termStamp.fill(0);
        this.#stamp = 1;
      }
      const begin = readFixed(data.postingStart, t);
      const end = readFixed(data.postingStart, t + 1);
      let nTouched = 0;
      // One field's postings: MiniSearch's termResults for that field.
      const scoreBlock = (pos: number, count: number, fieldId: number, fieldBoost: number, bit: number): number => {
        const invDocFreq = Math.log(1 + (totalCount - count + 0.5) / (count + 0.5));
        const avgFieldLength = avg[fieldId]!;
        let doc = 0;
        for (let i = 0; i < count; i++) {
          // Two varints, decoded inline: the gap to this passage, then the term frequency.
          let c = postings.charCodeAt(pos++) - 48;
          let v = c & 31;
          for (let shift = 5; c & 32; shift += 5) {
            c = postings.charCodeAt(pos++) - 48;
            v |= (c & 31) << shift;
          }
          doc += v;
          c = postings.charCodeAt(pos++) - 48;
          let termFreq = c & 31;
          for (let shift = 5; c & 32; shift += 5) {
            c = postings.charCodeAt(pos++) - 48;
            termFreq |= (c & 31) << shift;
          }
          const docBoost = boostDocument ? boostDocument(doc, term, undefined) : 1;
          if (!docBoost) continue;
          // The field length, read in place (fixed-width base-32 digits).
          let fp = (doc * F + fieldId) * flWidth;
          let len = fieldLength.charCodeAt(fp) - 48;
          for (let kk = 1; kk < flWidth; kk++) len |= (fieldLength.charCodeAt(++fp) - 48) << (5 * kk);
          // MiniSearch's calcBM25Score, term for term, and its weighting order.
          const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * len) / avgFieldLength)));
          const weightedScore = 1 * termBoost * fieldBoost * docBoost * rawScore;
          if (termStamp[doc] !== stamp) {
            termStamp[doc] = stamp;
            termScore[doc] = weightedScore;
            termFields[doc] = bit;
            touched[nTouched++] = doc;
          } else {
            termScore[doc] = termScore[doc]! + weightedScore;
            termFields[doc] = termFields[doc]! | bit;
          }
        }
        return pos;
      };
      const skipBlock = (count: number): void => {
        for (let i = 0; i < 2 * count; i++) reader.next();
      };
      if (ascending) {
        reader.pos = begin;
        while (reader.pos < end) {
          const fid = reader.next();
          const count = reader.next();
          const bit = bitOfField[fid] ?? 0;
          if (bit === 0) skipBlock(count);
          else reader.pos = scoreBlock(reader.pos, count, fid, boostOfField[fid]!, bit);
        }
      } else {
        for (let bf = 0; bf < boostFields.length; bf++) {
          const fieldId = fieldIdOf[bf]!;
          if (fieldId < 0) continue;
          reader.pos = begin;
          while (reader.pos < end) {
            const fid = reader.next();
            const count = reader.next();
            if (fid !== fieldId) {
              skipBlock(count);
              continue;
            }
            scoreBlock(reader.pos, count, fieldId, boosts[boostFields[bf]!]!, 1 << bf);
            break;
          }
        }
      }
      visit(term, qi, nTouched, boostFields);
    }
  }
}

/** {@link CompactMiniSearch.candidates}' result. */
export interface Candidates {
  count: number;
  /** 32-bit words per candidate in `matched`: ⌈terms / 32⌉. */
  words: number;
  /** Passage ids. */
  ids: Int32Array;
  /** MiniSearch's scores (BM25 sums × the number of terms matched). */
  scores: Float64Array;
  /** Candidate j matched `terms[i]` when bit i % 32 of `matched[j * words + i / 32]` is set. */
  matched: Uint32Array;
  /** Passages matching each term. */
  df: Uint32Array;
}

/** Whether candidate `j` matched term `i`. */
export function matchedTerm(c: Candidates, j: number, i: number): boolean {
  return ((c.matched[j * c.words + (i >>> 5)]! >>> (i & 31)) & 1) === 1;
}

/** How many terms candidate `j` matched. */
export function matchedCount(c: Candidates, j: number): number {
  let q = 0;
  for (let w = 0; w < c.words; w++) q += popcount(c.matched[j * c.words + w]!);
  return q;
}

/**
 * MiniSearch's OR results for distinct `terms` (index terms, so without
 * spaces) as {@link Candidates}: from the compact postings when `mini` can,
 * else from `mini.search()`.
 */
export function orCandidates(mini: MiniSearch, terms: readonly string[], options: SearchOptions): Candidates {
  const fast = mini instanceof CompactMiniSearch ? mini.candidates(terms, options) : undefined;
  if (fast !== undefined) return fast;
  const raw = mini.search(terms.join(' '), { ...options, tokenize: (s: string) => s.split(' '), processTerm: (t: string) => t });
  const index = new Map<string, number>();
  terms.forEach((t, i) => index.set(t, i));
  const W = (terms.length + 31) >>> 5;
  const out: Candidates = {
    count: raw.length,
    words: W,
    ids: new Int32Array(raw.length),
    scores: new Float64Array(raw.length),
    matched: new Uint32Array(raw.length * W),
    df: new Uint32Array(terms.length),
  };
  raw.forEach((r, j) => {
    out.ids[j] = r.id as number;
    out.scores[j] = r.score;
    for (const t of r.queryTerms) {
      const i = index.get(t)!;
      out.matched[j * W + (i >>> 5)] = out.matched[j * W + (i >>> 5)]! | (1 << (i & 31));
      out.df[i] = out.df[i]! + 1;
    }
  });
  return out;
}

/**
 * `mini`'s terms in code-unit order ({@link CompactMiniSearch.vocabulary}),
 * or undefined for a MiniSearch without the compact index.
 */
export function vocabularyOf(mini: MiniSearch): Vocabulary | undefined {
  return mini instanceof CompactMiniSearch ? mini.vocabulary() : undefined;
}

/** Number of bits set. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

type ResolvedOptions = SearchOptions & {
  tokenize?: (s: string) => string[];
  processTerm?: Internals['_options']['processTerm'];
};

const byScore = (a: SearchResult, b: SearchResult): number => b.score - a.score;
