import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCorpusFile, type Manifest, type ParsedDocument } from '../../src/engine/index.js';

/** Files larger than this are skipped with a warning (override with CITEQA_MAX_FILE_BYTES). */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
const SUPPORTED = /\.(txt|md|markdown|jsonl)$/i;
const MANIFEST = 'manifest.json';

/** What reading a corpus produced. */
export interface CorpusRead {
  documents: ParsedDocument[];
  /** One line per skipped file or record, naming it and saying why. */
  warnings: string[];
  /** Files read (supported and accepted). */
  files: number;
  /** Files skipped with a warning. */
  skippedFiles: number;
  /** Boilerplate lines dropped (see DEFAULT_BOILERPLATE). */
  droppedLines: number;
  /** SHA-256 over every accepted file's path and bytes, and the manifest. */
  corpusHash: string;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a corpus: a folder (recursively; `.txt`, `.md`, `.jsonl`, plus an
 * optional `manifest.json`) or a single `.jsonl` file, through the engine's
 * parsers. Unsupported, empty, binary, non-UTF-8 and oversized files are
 * skipped with a warning that names them; an unreadable file or a malformed
 * `.jsonl` line throws `citeqa corpus: …` naming file and line.
 *
 * Citations name files by their path relative to `cwd` (`corpus/…`).
 */
export async function readCorpus(
  target: string,
  opts: { cwd?: string; maxFileBytes?: number } = {},
): Promise<CorpusRead> {
  const cwd = opts.cwd ?? process.cwd();
  const maxBytes = opts.maxFileBytes ?? (Number(process.env.CITEQA_MAX_FILE_BYTES) || DEFAULT_MAX_FILE_BYTES);
  const abs = path.resolve(cwd, target);
  let info;
  try {
    info = await stat(abs);
  } catch {
    throw new Error(`citeqa corpus: ${target}: no such file or folder`);
  }
  const root = info.isDirectory() ? abs : path.dirname(abs);
  const files = info.isDirectory() ? await walk(abs) : [abs];

  let manifest: Manifest = {};
  const manifestPath = path.join(root, MANIFEST);
  const hash = createHash('sha256');
  if (info.isDirectory() && files.includes(manifestPath)) {
    const raw = await readFile(manifestPath, 'utf8');
    try {
      manifest = JSON.parse(raw) as Manifest;
    } catch (e) {
      throw new Error(`citeqa corpus: ${toPosix(path.relative(cwd, manifestPath))}: not valid JSON (${(e as Error).message})`);
    }
    hash.update(`${MANIFEST}\0${raw}\0`);
  }

  const result: CorpusRead = { documents: [], warnings: [], files: 0, skippedFiles: 0, droppedLines: 0, corpusHash: '' };
  const skip = (source: string, why: string): void => {
    result.warnings.push(`${source}: skipped, ${why}`);
    result.skippedFiles++;
  };
  for (const file of files) {
    if (file === manifestPath) continue;
    const source = toPosix(path.relative(cwd, file));
    const rel = toPosix(path.relative(root, file));
    if (rel.split('/').some((part) => part.startsWith('.'))) {
      skip(source, 'hidden file');
      continue;
    }
    if (!SUPPORTED.test(file)) {
      skip(source, 'unsupported file type (citeqa reads .txt, .md and .jsonl)');
      continue;
    }
    let bytes: Buffer;
    try {
      const st = await stat(file);
      if (st.size > maxBytes) {
        skip(source, `${st.size} bytes is over the ${maxBytes}-byte limit (CITEQA_MAX_FILE_BYTES)`);
        continue;
      }
      bytes = await readFile(file);
    } catch (e) {
      throw new Error(`citeqa corpus: ${source}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (bytes.length === 0) {
      skip(source, 'empty file');
      continue;
    }
    if (bytes.includes(0)) {
      skip(source, 'binary file (contains NUL bytes)');
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      skip(source, 'not valid UTF-8 text');
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const parsed = parseCorpusFile(source, text, manifest, rel);
    hash.update(`${rel}\0`).update(bytes).update('\0');
    result.files++;
    result.documents.push(...parsed.documents);
    result.warnings.push(...parsed.warnings);
    result.droppedLines += parsed.droppedLines;
  }
  result.corpusHash = hash.digest('hex').slice(0, 16);
  return result;
}
