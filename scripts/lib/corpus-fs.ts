import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { isHttpUrl, MAX_EXAMPLE_CHARS, MAX_EXAMPLES, parseCorpusFile, synonymsOf, type Manifest, type ParsedDocument } from '../../src/engine/index.js';

/** Files larger than this are skipped with a warning (override with CITEQA_MAX_FILE_BYTES). */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
const SUPPORTED = /\.(txt|md|markdown|html?|jsonl)$/i;
const MANIFEST = 'manifest.json';

/** Something left out of the index, and why (docs/hardening.md). */
export interface SkippedItem {
  /** Path of the file, relative to the working directory (`corpus/…`). */
  source: string;
  /** 1-based line, when the reason is on one line. */
  line?: number;
  reason: string;
}

/** What reading a corpus produced. */
export interface CorpusRead {
  documents: ParsedDocument[];
  /** One line per skipped file, folder or record, naming it and saying why. */
  warnings: string[];
  /** Files that gave at least one document. */
  files: number;
  /** Files (and folders) skipped: each has a warning. */
  skippedFiles: number;
  /** `.jsonl` records skipped: each has a warning. */
  skippedRecords: number;
  /** Boilerplate lines dropped (see DEFAULT_BOILERPLATE). */
  droppedLines: number;
  /** Markdown lines hidden by HTML comments, dropped. */
  commentLines: number;
  /** HTML elements not indexed: hidden from readers, or the page's chrome (navigation, banner, footer). */
  hiddenElements: number;
  /** Lists of links only not indexed (a table of contents, related pages; in HTML also a paragraph of links only). */
  linkLists: number;
  /** SHA-256 over every accepted file's path and bytes, and the manifest. */
  corpusHash: string;
  /** The manifest's example questions for the demo page (none without a manifest). */
  examples: string[];
  /** The manifest's single-word synonym groups (none without a manifest). */
  synonyms: string[][];
}

/** The file system calls readCorpus makes; tests inject failures through it. */
export interface CorpusFs {
  readdir(dir: string, opts: { withFileTypes: true }): Promise<Dirent[]>;
  readFile(file: string): Promise<Buffer>;
  stat(file: string): Promise<Stats>;
}

/** "2 files and 1 record skipped", for the build summary (each is listed above it as a warning). */
export function skippedSummary(read: Pick<CorpusRead, 'skippedFiles' | 'skippedRecords'>): string {
  const n = (count: number, what: string): string => `${count} ${what}${count === 1 ? '' : 's'}`;
  return `${n(read.skippedFiles, 'file')} and ${n(read.skippedRecords, 'record')} skipped`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
}

/** 1-based line of byte `offset` in `bytes` (lines end at LF, CRLF or CR). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/**
 * Byte offset of the first byte that is not part of well-formed UTF-8
 * (overlong forms, surrogates and code points past U+10FFFF included), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * How citations name the files under `root`: relative to `cwd` when `root` is
 * inside it, else relative to the folder above `root`.
 */
function sourceNamer(cwd: string, root: string): (file: string) => string {
  const fromCwd = path.relative(cwd, root);
  const inside = fromCwd === '' || (fromCwd !== '..' && !fromCwd.startsWith(`..${path.sep}`) && !path.isAbsolute(fromCwd));
  const base = inside ? cwd : path.dirname(root);
  return (file) => toPosix(path.relative(base, file));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** windows-1252's characters for bytes 0x80 to 0x9F (undefined ones stay the C1 control they read as). */
const WINDOWS_1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/**
 * `bytes` decoded as `encoding`. Node's decoder reads windows-1252 as
 * ISO-8859-1 (bytes 0x80 to 0x9F as control characters, not "“", "—", "€"),
 * so those are mapped by the WHATWG table here.
 */
function decodeLegacy(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

/** A `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` declaration. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+)/i;

/**
 * The encoding an HTML page declares in its first 1,024 bytes (as browsers
 * look for it), when it is one the platform decodes and not UTF-8 (or a
 * UTF-16 label, which a page's own bytes cannot declare): "windows-1252"
 * for Word's "Save as Web Page" and `charset=iso-8859-1`.
 */
export function declaredHtmlEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return undefined;
  const m = META_CHARSET.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'));
  if (m === null) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(m[1]!.toLowerCase()).encoding;
  } catch {
    return undefined;
  }
  return encoding === 'utf-8' || encoding.startsWith('utf-16') ? undefined : encoding;
}

interface Entry {
  file: string;
  /** Set when the entry is skipped before reading (hidden, link to a folder, not a file). */
  skip?: string;
}

/** Lists a folder's files in a stable order; hidden entries and links to folders are listed as skipped, not entered. */
async function walk(fs: CorpusFs, dir: string, root: string, shown: (file: string) => string): Promise<Entry[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new Error(`citeqa corpus: ${shown(dir) || '.'}/: folder cannot be read (${errCode(e)})`);
  }
  const out: Entry[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.name.startsWith('.')) {
      out.push({ file: full, skip: e.isDirectory() ? 'hidden folder (not read)' : 'hidden file' });
      continue;
    }
    if (e.isDirectory()) {
      out.push(...(await walk(fs, full, root, shown)));
      continue;
    }
    if (e.isSymbolicLink()) {
      let target: Stats;
      try {
        target = await fs.stat(full);
      } catch {
        out.push({ file: full, skip: 'broken symbolic link' });
        continue;
      }
      if (target.isDirectory()) {
        out.push({ file: full, skip: 'symbolic link to a folder (not followed)' });
        continue;
      }
    }
    out.push({ file: full });
  }
  return out;
}

function validateManifest(raw: unknown, where: string): Manifest {
  const fail = (why: string): never => {
    throw new Error(`citeqa corpus: ${where}: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected an object with "baseUrl", "boilerplate", "documents", "examples" and/or "synonyms"');
  const m = raw as Record<string, unknown>;
  if (m.boilerplate !== undefined && !(Array.isArray(m.boilerplate) && m.boilerplate.every((b) => typeof b === 'string'))) {
    fail('"boilerplate" must be an array of strings');
  }
  if (m.documents !== undefined) {
    if (typeof m.documents !== 'object' || m.documents === null || Array.isArray(m.documents)) fail('"documents" must be an object keyed by file path');
    for (const [file, meta] of Object.entries(m.documents as Record<string, unknown>)) {
      if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) fail(`"documents"."${file}" must be an object`);
      const d = meta as Record<string, unknown>;
      for (const key of ['title', 'url']) {
        if (d[key] !== undefined && typeof d[key] !== 'string') fail(`"documents"."${file}"."${key}" must be a string`);
      }
    }
  }
  if (m.examples !== undefined) {
    if (!Array.isArray(m.examples) || m.examples.length > MAX_EXAMPLES) fail(`"examples" must be an array of at most ${MAX_EXAMPLES} questions`);
    (m.examples as unknown[]).forEach((q, i) => {
      if (typeof q !== 'string' || q.trim() === '' || [...q].length > MAX_EXAMPLE_CHARS) {
        fail(`"examples"[${i}] must be a question of 1 to ${MAX_EXAMPLE_CHARS} characters`);
      }
    });
  }
  if (m.baseUrl !== undefined && !isHttpUrl(m.baseUrl)) fail('"baseUrl" must be an absolute http(s) URL, such as "https://docs.example.org/"');
  try {
    synonymsOf(m.synonyms);
  } catch (e) {
    fail(`"synonyms": ${(e as Error).message.replace(/^citeqa synonyms: /, '')}`);
  }
  return m as Manifest;
}

/**
 * Reads a corpus: a folder (recursively; `.txt`, `.md`, `.html`, `.jsonl`, plus an
 * optional `manifest.json`) or a single file, through the engine's parsers.
 * Every input that cannot be indexed either stops the read with an error
 * `citeqa corpus: <file>[:<line>]: …` or is skipped with a warning naming it
 * (the table in docs/hardening.md); nothing is dropped silently.
 *
 * Stops on: a missing target, an unreadable folder or file, a malformed
 * manifest, a malformed `.jsonl` line, a duplicate record id (in one file or
 * across files). Skips with a warning: hidden files and folders, links to
 * folders, broken links, non-regular files, unsupported types, empty files,
 * files over the size limit, binary files (NUL bytes), UTF-16 files, invalid
 * UTF-8, files and records without sentences, manifest entries for no file.
 *
 * Citations name files by their path relative to `cwd` (`corpus/…`); a
 * corpus outside `cwd` by its path from the folder that holds it
 * (`docs/…` for `../../docs`), so that no citation shows where the
 * corpus sat on the build machine.
 */
export async function readCorpus(
  target: string,
  opts: { cwd?: string; maxFileBytes?: number; fs?: CorpusFs } = {},
): Promise<CorpusRead> {
  const fs: CorpusFs = opts.fs ?? (nodeFs as unknown as CorpusFs);
  const cwd = opts.cwd ?? process.cwd();
  const maxBytes = opts.maxFileBytes ?? (Number(process.env.CITEQA_MAX_FILE_BYTES) || DEFAULT_MAX_FILE_BYTES);
  const abs = path.resolve(cwd, target);
  let info: Stats;
  try {
    info = await fs.stat(abs);
  } catch (e) {
    throw new Error(`citeqa corpus: ${target}: no such file or folder (${errCode(e)})`);
  }
  const root = info.isDirectory() ? abs : path.dirname(abs);
  const rel = (file: string): string => toPosix(path.relative(root, file));
  const src = sourceNamer(cwd, root);
  const entries: Entry[] = info.isDirectory() ? await walk(fs, abs, root, src) : [{ file: abs }];

  const result: CorpusRead = {
    documents: [],
    warnings: [],
    files: 0,
    skippedFiles: 0,
    skippedRecords: 0,
    droppedLines: 0,
    commentLines: 0,
    hiddenElements: 0,
    linkLists: 0,
    corpusHash: '',
    examples: [],
    synonyms: [],
  };
  const skip = (source: string, why: string, line?: number): void => {
    result.warnings.push(`${source}${line === undefined ? '' : `:${line}`}: skipped, ${why}`);
    result.skippedFiles++;
  };

  let manifest: Manifest = {};
  const manifestPath = path.join(root, MANIFEST);
  const hash = createHash('sha256');
  if (info.isDirectory() && entries.some((e) => e.file === manifestPath && e.skip === undefined)) {
    let raw: string;
    try {
      raw = decoder.decode(await fs.readFile(manifestPath));
    } catch (e) {
      throw new Error(`citeqa corpus: ${src(manifestPath)}: cannot be read as UTF-8 (${errCode(e)})`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw new Error(`citeqa corpus: ${src(manifestPath)}: not valid JSON (${(e as Error).message})`);
    }
    manifest = validateManifest(parsed, src(manifestPath));
    result.examples = (manifest.examples ?? []).map((q) => q.trim());
    result.synonyms = (manifest.synonyms ?? []).map((g) => [...g]);
    hash.update(`${MANIFEST}\0${raw}\0`);
  }

  /** Where each document id was first seen, to refuse duplicates across files. */
  const ids = new Map<string, string>();
  const read = new Set<string>();
  for (const entry of entries) {
    const { file } = entry;
    if (file === manifestPath && info.isDirectory()) continue;
    const source = src(file);
    if (entry.skip !== undefined) {
      skip(source, entry.skip);
      continue;
    }
    if (!SUPPORTED.test(file)) {
      skip(source, 'unsupported file type (citeqa reads .txt, .md, .html and .jsonl)');
      continue;
    }
    let st: Stats;
    try {
      st = await fs.stat(file);
    } catch (e) {
      throw new Error(`citeqa corpus: ${source}: cannot be read (${errCode(e)})`);
    }
    if (!st.isFile()) {
      skip(source, 'not a regular file (a device, pipe or socket)');
      continue;
    }
    if (st.size > maxBytes) {
      skip(source, `${st.size} bytes is over the ${maxBytes}-byte limit (CITEQA_MAX_FILE_BYTES)`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (e) {
      throw new Error(`citeqa corpus: ${source}: cannot be read (${errCode(e)})`);
    }
    if (bytes.length === 0) {
      skip(source, 'empty file');
      continue;
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      skip(source, 'UTF-16 text (save it as UTF-8)');
      continue;
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      skip(source, `binary file (NUL byte at offset ${nul})`, lineAt(bytes, nul));
      continue;
    }
    // An HTML page may declare a legacy encoding (Word saves windows-1252): read it in that.
    const legacy = /\.html?$/i.test(file) ? declaredHtmlEncoding(bytes) : undefined;
    const bad = legacy === undefined ? firstInvalidUtf8(bytes) : -1;
    if (bad >= 0) {
      skip(source, `not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`, lineAt(bytes, bad));
      continue;
    }
    let text = legacy === undefined ? decoder.decode(bytes) : decodeLegacy(bytes, legacy);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parsed = parseCorpusFile(source, text, manifest, rel(file));
    read.add(rel(file));
    for (const doc of parsed.documents) {
      const line = /\.jsonl$/i.test(source) ? doc.sections[0]?.sentences[0]?.lines[0] : undefined;
      const where = line === undefined ? source : `${source}:${line}`;
      const first = ids.get(doc.id);
      if (first !== undefined) throw new Error(`citeqa corpus: ${where}: duplicate id "${doc.id}" (first used at ${first})`);
      ids.set(doc.id, where);
    }
    result.warnings.push(...parsed.warnings);
    result.skippedRecords += parsed.skippedRecords ?? 0;
    result.droppedLines += parsed.droppedLines;
    result.commentLines += parsed.commentLines ?? 0;
    result.hiddenElements += parsed.hiddenElements ?? 0;
    result.linkLists += parsed.linkLists ?? 0;
    if (parsed.documents.length === 0) {
      result.skippedFiles++;
      if (parsed.warnings.length === 0) result.warnings.push(`${source}: skipped, no documents found`);
      continue;
    }
    hash.update(`${rel(file)}\0`).update(bytes).update('\0');
    result.files++;
    result.documents.push(...parsed.documents);
  }
  for (const name of Object.keys(manifest.documents ?? {})) {
    if (!read.has(name)) result.warnings.push(`${src(manifestPath)}: "documents"."${name}" names no file that was read; its title and url are unused`);
  }
  result.corpusHash = hash.digest('hex').slice(0, 16);
  return result;
}
