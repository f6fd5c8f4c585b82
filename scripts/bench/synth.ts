/**
 * Deterministic synthetic corpora for the bench: about N distinct passages
 * made by recombining real sentences from the shared sets (SQuAD v1.1 dev
 * paragraphs and Cranfield abstracts), written as `.jsonl` parts in one folder.
 *
 * - Each synthetic document draws its sentences from one source article
 *   (a SQuAD article, or a run of 30 Cranfield abstracts), shuffled, so a
 *   topic's words co-occur as they do in real text and a question about a
 *   topic matches a realistic share of the passages.
 * - Every passage is distinct: a document whose packed passages repeat one
 *   already made is drawn again.
 * - The vocabulary keeps growing with the corpus, as real collections do
 *   (Heaps' law), instead of saturating at the sources' vocabulary: when a
 *   sentence is reused, each capitalised word inside it becomes, with
 *   probability {@link NAME_VARIANT_RATE}, a new name made of the word and a
 *   suffix (`Denver` → `Denverlo`), from a pool that grows with the reuse count.
 *
 * Same sources, same target, same bytes: the output is cached by a key of
 * the generator version and the target.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_PASSAGE_CHARS, splitSentences } from '../../src/engine/index.js';
import { readJsonl, type JsonlRecord } from './datasets.js';

const GENERATOR_VERSION = 2;
const PART_RECORDS = 5000;
/** Chance that a capitalised word in a reused sentence becomes a new name. */
export const NAME_VARIANT_RATE = 0.35;
const SUFFIXES = ['a', 'o', 'an', 'ia', 'er', 'en', 'us', 'is', 'lo', 'ka', 'ton', 'ville', 'berg', 'mar', 'ez', 'ski', 'ov', 'ley', 'ard', 'ine'];
const CAPITALISED = /(?<=\s)([A-Z][a-z]{3,})\b/g;

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Source {
  title: string;
  sentences: string[];
  /** How often each sentence has been used so far. */
  uses: number[];
}

function loadSources(datasetsDir: string): Source[] {
  const split = (text: string): string[] => splitSentences([{ line: 1, text }]).map((s) => s.text);
  const byTitle = new Map<string, Source>();
  for (const r of readJsonl<JsonlRecord>(path.join(datasetsDir, 'squad-v1.1-dev', 'corpus.jsonl'))) {
    const title = r.title ?? r.id;
    let s = byTitle.get(title);
    if (s === undefined) byTitle.set(title, (s = { title, sentences: [], uses: [] }));
    s.sentences.push(...split(r.text));
  }
  const sources = [...byTitle.values()];
  const cran = path.join(datasetsDir, 'cranfield', 'corpus.jsonl');
  if (existsSync(cran)) {
    const docs = readJsonl<JsonlRecord>(cran);
    for (let i = 0; i < docs.length; i += 30) {
      const group = docs.slice(i, i + 30);
      const sentences = group.flatMap((d) => split(d.text.replace(/ \. /g, '. ').replace(/ \.$/, '.')));
      if (sentences.length > 0) sources.push({ title: `Aerodynamics abstracts ${i / 30 + 1}`, sentences, uses: [] });
    }
  }
  for (const s of sources) s.uses = s.sentences.map(() => 0);
  return sources;
}

/** Packs sentences into passages the way the builder does (joined by one space, up to MAX_PASSAGE_CHARS). */
function pack(sentences: readonly string[]): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  for (const s of sentences) {
    if (cur !== undefined && cur.length + 1 + s.length <= MAX_PASSAGE_CHARS) cur += ' ' + s;
    else {
      if (cur !== undefined) out.push(cur);
      cur = s;
    }
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

export interface SynthInfo {
  /** The corpus folder (`.jsonl` parts) to give the builder. */
  file: string;
  /** Passages as the generator packed them (the builder's count may differ slightly). */
  passages: number;
  documents: number;
  textBytes: number;
  cached: boolean;
}

/**
 * Writes (or reuses) `<outDir>/synth-<target>/part-*.jsonl` with about
 * `target` distinct passages.
 */
export function synthCorpus(datasetsDir: string, target: number, outDir: string, seed = 20261129): SynthInfo {
  // A folder of parts of at most PART_RECORDS records each (the builder skips files over 20 MB).
  const dir = path.join(outDir, `synth-${target}`);
  const file = dir;
  const infoFile = `${dir}.info.json`;
  const key = `${GENERATOR_VERSION}:${target}:${seed}:${NAME_VARIANT_RATE}:${MAX_PASSAGE_CHARS}`;
  if (existsSync(file) && existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as SynthInfo & { key: string };
    if (info.key === key) return { ...info, file, cached: true };
  }
  const rand = prng(seed);
  const sources = loadSources(datasetsDir);
  const weights = sources.map((s) => s.sentences.length);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickSource = (): Source => {
    let r = rand() * totalWeight;
    for (let i = 0; i < sources.length; i++) {
      r -= weights[i]!;
      if (r < 0) return sources[i]!;
    }
    return sources[sources.length - 1]!;
  };
  const vary = (sentence: string, use: number): string => {
    if (use === 0) return sentence;
    // The pool of names for a word grows with how often its sentence was reused.
    const pool = Math.min(SUFFIXES.length * SUFFIXES.length, 2 + use * 2);
    return sentence.replace(CAPITALISED, (w) => {
      if (rand() >= NAME_VARIANT_RATE) return w;
      const n = Math.floor(rand() * pool);
      const a = SUFFIXES[n % SUFFIXES.length]!;
      const b = n >= SUFFIXES.length ? SUFFIXES[Math.floor(n / SUFFIXES.length) % SUFFIXES.length]! : '';
      return w + a + b;
    });
  };

  const seen = new Set<string>();
  const lines: string[] = [];
  let passages = 0;
  let textBytes = 0;
  while (passages < target) {
    const src = pickSource();
    const count = Math.min(src.sentences.length, 3 + Math.floor(rand() * 14));
    // Partial Fisher–Yates: `count` distinct sentences of the source.
    const idx = src.sentences.map((_, i) => i);
    const chosen: string[] = [];
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(rand() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      const si = idx[i]!;
      chosen.push(vary(src.sentences[si]!, src.uses[si]!));
    }
    const packed = pack(chosen);
    const hashes = packed.map((p) => createHash('sha1').update(p).digest('base64'));
    if (hashes.some((h) => seen.has(h))) continue;
    for (const h of hashes) seen.add(h);
    for (let i = 0; i < count; i++) src.uses[idx[i]!] = (src.uses[idx[i]!] ?? 0) + 1;
    const text = chosen.join(' ');
    lines.push(JSON.stringify({ id: `s${lines.length + 1}`, title: src.title, text }));
    passages += packed.length;
    textBytes += Buffer.byteLength(text);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i * PART_RECORDS < lines.length; i++) {
    const part = lines.slice(i * PART_RECORDS, (i + 1) * PART_RECORDS);
    writeFileSync(path.join(dir, `part-${String(i + 1).padStart(3, '0')}.jsonl`), part.join('\n') + '\n');
  }
  const info = { key, file, passages, documents: lines.length, textBytes, cached: false };
  writeFileSync(infoFile, JSON.stringify(info, null, 2) + '\n');
  return info;
}
