/**
 * The corpus builder on bad input (docs/hardening.md, "Corpus builder"): each
 * case either stops the read with an error naming file (and line), or skips
 * the item with a warning that names it. Never silently: every file of every
 * corpus here is either indexed or named by a warning, and every accepted
 * document passes the conservation check (test/node/corpus-helpers.ts).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/engine/index.js';
import { firstInvalidUtf8, lineAt, readCorpus, skippedSummary, type CorpusFs } from '../../scripts/lib/corpus-fs.js';
import * as nodeFs from 'node:fs/promises';
import { expectAccounted, readChecked, readFiles, tempCorpus } from './corpus-helpers.js';

const GOOD = 'Scale AI labels data for machine learning. It was founded in 2016.\n';
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const IS_ROOT = process.getuid?.() === 0;

/** Reads `files` next to a good file; expects the good file indexed and exactly one warning matching `warning`. */
async function expectSkipped(files: Record<string, string | Uint8Array>, warning: RegExp, opts: { maxFileBytes?: number } = {}) {
  const read = await readFiles({ 'good.txt': GOOD, ...files }, opts);
  expect(read.documents.map((d) => d.source)).toContain('corpus/good.txt');
  const matching = read.warnings.filter((w) => warning.test(w));
  expect(matching, read.warnings.join('\n')).toHaveLength(1);
  return read;
}

describe('files that are skipped with a warning naming them', () => {
  it.each([
    ['an empty file', { 'empty.txt': '' }, /^corpus\/empty\.txt: skipped, empty file$/],
    ['an empty .jsonl file', { 'empty.jsonl': '' }, /^corpus\/empty\.jsonl: skipped, empty file$/],
    ['a whitespace-only file', { 'blank.txt': '  \n\t\n\r\n' }, /^corpus\/blank\.txt: skipped, no sentences found/],
    ['a boilerplate-only file', { 'ads.txt': 'Advertisement\n\nRead more\n' }, /^corpus\/ads\.txt: skipped, no sentences found/],
    ['a front-matter-only Markdown file', { 'fm.md': '---\ntitle: Nothing\n---\n' }, /^corpus\/fm\.md: skipped, no sentences found/],
    ['a headings-only Markdown file', { 'h.md': '# Title\n\n## Section\n' }, /^corpus\/h\.md: skipped, no sentences found/],
    ['a .jsonl file of blank lines', { 'blank.jsonl': '\n\n  \n' }, /^corpus\/blank\.jsonl: skipped, no records found$/],
    ['a binary file (PNG header)', { 'image.txt': bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d) }, /^corpus\/image\.txt:3: skipped, binary file \(NUL byte at offset 8\)$/],
    ['a text file with one NUL on line 3', { 'nul.txt': text('One.\nTwo.\nThree\u0000.\n') }, /^corpus\/nul\.txt:3: skipped, binary file/],
    ['UTF-16LE with a BOM', { 'u16le.txt': concat(bytes(0xff, 0xfe), text('H\0i\0')) }, /^corpus\/u16le\.txt: skipped, UTF-16 text \(save it as UTF-8\)$/],
    ['UTF-16BE with a BOM', { 'u16be.md': concat(bytes(0xfe, 0xff), text('\0H\0i')) }, /^corpus\/u16be\.md: skipped, UTF-16 text/],
    ['UTF-16 without a BOM', { 'u16.txt': text('H\0i\0.\0') }, /^corpus\/u16\.txt:1: skipped, binary file/],
    ['Latin-1 text', { 'latin1.txt': concat(text('Good line.\nCaf'), bytes(0xe9), text(' au lait.\n')) }, /^corpus\/latin1\.txt:2: skipped, not valid UTF-8 \(byte 0xe9 at offset 14\)$/],
    ['a stray continuation byte', { 'cont.txt': concat(text('a.\nb.\n'), bytes(0x80)) }, /^corpus\/cont\.txt:3: skipped, not valid UTF-8 \(byte 0x80/],
    ['an overlong encoding of "/"', { 'overlong.txt': concat(text('x '), bytes(0xc0, 0xaf)) }, /^corpus\/overlong\.txt:1: skipped, not valid UTF-8 \(byte 0xc0/],
    ['an encoded surrogate', { 'surrogate.txt': concat(text('x '), bytes(0xed, 0xa0, 0x80)) }, /^corpus\/surrogate\.txt:1: skipped, not valid UTF-8 \(byte 0xed/],
    ['a code point past U+10FFFF', { 'big.txt': concat(text('x '), bytes(0xf4, 0x90, 0x80, 0x80)) }, /^corpus\/big\.txt:1: skipped, not valid UTF-8 \(byte 0xf4/],
    ['a sequence cut short at the end', { 'cut.jsonl': concat(text('{"id":"a","text":"x"}\n'), bytes(0xe2, 0x82)) }, /^corpus\/cut\.jsonl:2: skipped, not valid UTF-8 \(byte 0xe2/],
    ['an unsupported type (.pdf)', { 'paper.pdf': '%PDF-1.7' }, /^corpus\/paper\.pdf: skipped, unsupported file type/],
    ['an unsupported type (.json)', { 'data.json': '{}' }, /^corpus\/data\.json: skipped, unsupported file type/],
    ['an unsupported type (.xml)', { 'feed.xml': '<rss></rss>' }, /^corpus\/feed\.xml: skipped, unsupported file type/],
    ['an HTML page with no visible text', { 'page.html': '<nav>Menu</nav><script>x()</script>' }, /^corpus\/page\.html: skipped, no text found \(the page is empty, hidden or only boilerplate\)$/],
    ['an HTML page whose text is all hidden', { 'hidden.htm': '<body hidden><p>Draft.</p></body>' }, /^corpus\/hidden\.htm: skipped, no text found/],
    ['a file without an extension', { README: 'Read me.' }, /^corpus\/README: skipped, unsupported file type/],
    ['a hidden file', { '.DS_Store': bytes(0, 0, 0, 1) }, /^corpus\/\.DS_Store: skipped, hidden file$/],
    ['a hidden folder, not entered', { '.git/HEAD': 'ref: x', '.git/notes.txt': 'Secret notes.' }, /^corpus\/\.git: skipped, hidden folder \(not read\)$/],
    ['a manifest.json below the top folder', { 'sub/manifest.json': '{}' }, /^corpus\/sub\/manifest\.json: skipped, unsupported file type/],
  ] as Array<[string, Record<string, string | Uint8Array>, RegExp]>)('%s', async (_, files, warning) => {
    const read = await expectSkipped(files, warning);
    expect(read.skippedFiles).toBe(1);
    expect(read.files).toBe(1);
  });

  it('skips a file over the size limit, naming its size and the limit, and keeps one at the limit', async () => {
    const big = 'Words. '.repeat(20);
    const read = await expectSkipped({ 'big.txt': big, 'fits.txt': big.slice(0, 100) }, /^corpus\/big\.txt: skipped, 140 bytes is over the 100-byte limit \(CITEQA_MAX_FILE_BYTES\)$/, {
      maxFileBytes: 100,
    });
    expect(read.documents.map((d) => d.source)).toContain('corpus/fits.txt');
  });

  it('skips .jsonl records without sentences, naming file, line and id, and keeps the others', async () => {
    const read = await readFiles({
      'set.jsonl': ['{"id":"a","text":"Alpha is first."}', '{"id":"b","text":""}', '{"id":"c","text":"  \\n\\n  "}', '{"id":"d","text":"Delta."}'].join('\n'),
    });
    expect(read.documents.map((d) => d.id)).toEqual(['a', 'd']);
    expect(read.warnings).toEqual([
      'corpus/set.jsonl:2: record "b" skipped, its text has no sentences',
      'corpus/set.jsonl:3: record "c" skipped, its text has no sentences',
    ]);
    expect(read.skippedRecords).toBe(2);
    expect(read.skippedFiles).toBe(0);
  });

  it('skips a .jsonl file whose every record is empty, with a warning per record', async () => {
    const read = await readFiles({ 'good.txt': GOOD, 'empty-records.jsonl': '{"id":"a","text":""}\n{"id":"b","text":" "}\n' });
    expect(read.warnings).toHaveLength(2);
    expect(read.skippedRecords).toBe(2);
    expect(read.skippedFiles).toBe(1);
  });

  it('follows a link to a file, skips a link to a folder, a broken link and a link loop', async () => {
    const cwd = tempCorpus({ 'good.txt': GOOD, 'elsewhere/doc.txt': 'Linked text.' });
    const dir = path.join(cwd, 'corpus');
    symlinkSync(path.join(dir, 'good.txt'), path.join(dir, 'alias.txt'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'folder-link'));
    symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'broken.txt'));
    symlinkSync(path.join(dir, 'loop.txt'), path.join(dir, 'loop.txt'));
    const read = await readChecked('corpus', { cwd });
    expect(read.documents.map((d) => d.source).sort()).toEqual(['corpus/alias.txt', 'corpus/elsewhere/doc.txt', 'corpus/good.txt']);
    expect(read.warnings.sort()).toEqual([
      'corpus/broken.txt: skipped, broken symbolic link',
      'corpus/folder-link: skipped, symbolic link to a folder (not followed)',
      'corpus/loop.txt: skipped, broken symbolic link',
    ]);
  });

  it('skips a named pipe instead of blocking on it', async () => {
    const cwd = tempCorpus({ 'good.txt': GOOD });
    execFileSync('mkfifo', [path.join(cwd, 'corpus', 'pipe.txt')]);
    const read = await readChecked('corpus', { cwd });
    expect(read.warnings).toEqual(['corpus/pipe.txt: skipped, not a regular file (a device, pipe or socket)']);
    expect(read.documents).toHaveLength(1);
  });

  it('reads a file with a UTF-8 BOM and CRLF or CR line endings, citing the right lines', async () => {
    const read = await readFiles({
      'crlf.txt': concat(bytes(0xef, 0xbb, 0xbf), text('First line.\r\n\r\nThird line.\r\n')),
      'cr.txt': 'One.\r\rThree.\r',
      'crlf.jsonl': '{"id":"x","text":"Ex."}\r\n\r\n{"id":"y","text":"Why."}\r\n',
    });
    const lines = Object.fromEntries(read.documents.map((d) => [d.id, d.sections.flatMap((s) => s.sentences.map((x) => x.lines))]));
    expect(lines['corpus/crlf.txt']).toEqual([[1, 1], [3, 3]]);
    expect(lines['corpus/cr.txt']).toEqual([[1, 1], [3, 3]]);
    expect(lines.x).toEqual([[1, 1]]);
    expect(lines.y).toEqual([[3, 3]]);
    expect(read.documents.find((d) => d.id === 'corpus/crlf.txt')!.sections[0]!.sentences[0]!.text).toBe('First line.');
    expect(read.warnings).toEqual([]);
  });

  it('reads the example questions of the manifest, trimmed, into the built index', async () => {
    const read = await readFiles({ 'good.txt': GOOD, 'manifest.json': JSON.stringify({ examples: [' Who wrote it? ', 'When?'] }) });
    expect(read.examples).toEqual(['Who wrote it?', 'When?']);
    expect(buildIndex(read.documents, { corpusHash: read.corpusHash, examples: read.examples }).meta.examples).toEqual(['Who wrote it?', 'When?']);
    expect((await readFiles({ 'good.txt': GOOD })).examples).toEqual([]);
  });

  it('reads the synonym groups of the manifest into the built index', async () => {
    const read = await readFiles({ 'good.txt': GOOD, 'manifest.json': JSON.stringify({ synonyms: [['leave', 'vacation']] }) });
    expect(read.synonyms).toEqual([['leave', 'vacation']]);
    expect(buildIndex(read.documents, { corpusHash: read.corpusHash, synonyms: read.synonyms }).meta.synonyms).toEqual([['leave', 'vacation']]);
    expect((await readFiles({ 'good.txt': GOOD })).synonyms).toEqual([]);
  });

  it('warns about a manifest entry for a file that was not read', async () => {
    const read = await readFiles({
      'good.txt': GOOD,
      'manifest.json': JSON.stringify({ documents: { 'good.txt': { title: 'Good' }, 'gone.txt': { title: 'Gone' } } }),
    });
    expect(read.documents[0]!.title).toBe('Good');
    expect(read.warnings).toEqual(['corpus/manifest.json: "documents"."gone.txt" names no file that was read; its title and url are unused']);
  });

  it('reads nothing but warnings from a folder of bad files, and the build then stops saying so', async () => {
    const read = await readFiles({ 'a.txt': '', 'b.pdf': 'x', 'c.txt': bytes(0xff, 0x00) });
    expect(read.documents).toEqual([]);
    expect(read.warnings).toHaveLength(3);
    expect(() => buildIndex(read.documents, { corpusHash: read.corpusHash })).toThrow(/^citeqa build: the corpus has no documents/);
  });
});

describe('inputs that stop the build with an error naming file and line', () => {
  const jsonlError = async (content: string, message: string | RegExp, name = 'set.jsonl') => {
    const cwd = tempCorpus({ 'good.txt': GOOD, [name]: content });
    await expect(readCorpus('corpus', { cwd })).rejects.toThrow(message);
  };

  it.each([
    ['a line that is not JSON', '{"id":"a","text":"A."}\n{"id":"b",\n', /^citeqa corpus: corpus\/set\.jsonl:2: not valid JSON/],
    ['a truncated last line', '{"id":"a","text":"A."}\n{"id":"b","text":"B', /^citeqa corpus: corpus\/set\.jsonl:2: not valid JSON/],
    ['a JSON array', '[1,2]', 'corpus/set.jsonl:1: expected an object with "id", "title" and "text"'],
    ['a JSON string', '"text"', 'corpus/set.jsonl:1: expected an object'],
    ['null', 'null', 'corpus/set.jsonl:1: expected an object'],
    ['a missing id', '{"text":"A."}', 'corpus/set.jsonl:1: "id" must be a non-empty string'],
    ['an empty id', '{"id":"","text":"A."}', 'corpus/set.jsonl:1: "id" must be a non-empty string'],
    ['an id that is an object', '{"id":{},"text":"A."}', 'corpus/set.jsonl:1: "id" must be a non-empty string'],
    ['a missing text', '{"id":"a"}', 'corpus/set.jsonl:1: "text" must be a string'],
    ['a text that is a number', '\n\n{"id":"a","text":5}', 'corpus/set.jsonl:3: "text" must be a string'],
    ['a title that is a number', '{"id":"a","text":"A.","title":1}', 'corpus/set.jsonl:1: "title" must be a string'],
    ['a url that is an array', '{"id":"a","text":"A.","url":[]}', 'corpus/set.jsonl:1: "url" must be a string'],
    ['a lone surrogate escape in text', '{"id":"a","text":"A \\ud800 B."}', 'corpus/set.jsonl:1: "text" is not valid Unicode'],
    ['a lone surrogate escape in the id', '{"id":"\\udc00","text":"A."}', 'corpus/set.jsonl:1: "id" is not valid Unicode'],
    ['a duplicate id in one file', '{"id":"a","text":"A."}\n{"id":"b","text":"B."}\n{"id":"a","text":"C."}', 'corpus/set.jsonl:3: duplicate id "a" (first used on line 1)'],
    ['a duplicate numeric and string id', '{"id":7,"text":"A."}\n{"id":"7","text":"B."}', 'corpus/set.jsonl:2: duplicate id "7"'],
  ])('%s', async (_, content, message) => {
    await jsonlError(content, message);
  });

  it('refuses the same id in two .jsonl files, naming both places', async () => {
    const cwd = tempCorpus({ 'a.jsonl': '{"id":"x","text":"A."}\n', 'b.jsonl': '\n{"id":"y","text":"Y."}\n{"id":"x","text":"B."}\n' });
    await expect(readCorpus('corpus', { cwd })).rejects.toThrow('citeqa corpus: corpus/b.jsonl:3: duplicate id "x" (first used at corpus/a.jsonl:1)');
  });

  it('refuses a record id equal to a text file\'s id (its path)', async () => {
    const cwd = tempCorpus({ 'a.txt': GOOD, 'b.jsonl': '{"id":"corpus/a.txt","text":"Clash."}\n' });
    await expect(readCorpus('corpus', { cwd })).rejects.toThrow('citeqa corpus: corpus/b.jsonl:1: duplicate id "corpus/a.txt" (first used at corpus/a.txt)');
  });

  it('names a missing corpus folder', async () => {
    await expect(readCorpus('no-such-corpus', { cwd: tempCorpus({}) })).rejects.toThrow(/^citeqa corpus: no-such-corpus: no such file or folder \(ENOENT\)$/);
  });

  it.each([
    ['not JSON', '{"boilerplate": [}', /^citeqa corpus: corpus\/manifest\.json: not valid JSON/],
    ['an array', '[]', 'corpus/manifest.json: expected an object'],
    ['boilerplate that is a string', '{"boilerplate":"ads"}', 'corpus/manifest.json: "boilerplate" must be an array of strings'],
    ['boilerplate with a number', '{"boilerplate":["ads",3]}', 'corpus/manifest.json: "boilerplate" must be an array of strings'],
    ['documents that is a list', '{"documents":[]}', 'corpus/manifest.json: "documents" must be an object'],
    ['a document title that is a number', '{"documents":{"good.txt":{"title":5}}}', 'corpus/manifest.json: "documents"."good.txt"."title" must be a string'],
    ['examples that is a string', '{"examples":"Who?"}', 'corpus/manifest.json: "examples" must be an array of at most 8 questions'],
    ['nine examples', JSON.stringify({ examples: Array.from({ length: 9 }, (_, i) => `Question ${i}?`) }), 'corpus/manifest.json: "examples" must be an array of at most 8 questions'],
    ['an empty example', '{"examples":["Who?","  "]}', 'corpus/manifest.json: "examples"[1] must be a question of 1 to 200 characters'],
    ['an example over 200 characters', JSON.stringify({ examples: ['x'.repeat(201)] }), 'corpus/manifest.json: "examples"[0] must be a question of 1 to 200 characters'],
    ['an example that is a number', '{"examples":[42]}', 'corpus/manifest.json: "examples"[0] must be a question of 1 to 200 characters'],
    ['synonyms that is an object', '{"synonyms":{"leave":"vacation"}}', 'corpus/manifest.json: "synonyms": expected an array of at most 500 groups of words'],
    ['a synonym phrase', '{"synonyms":[["leave","time off"]]}', 'corpus/manifest.json: "synonyms": group 1: "time off" is not a single word (phrases cannot be synonyms)'],
    ['not UTF-8', bytes(0x7b, 0xff, 0x7d), 'citeqa corpus: corpus/manifest.json: cannot be read as UTF-8'],
    ['a baseUrl that is a relative path', '{"baseUrl":"docs/"}', 'corpus/manifest.json: "baseUrl" must be an absolute http(s) URL, such as "https://docs.example.org/"'],
    ['a baseUrl that runs script', '{"baseUrl":"javascript:alert(1)//"}', 'corpus/manifest.json: "baseUrl" must be an absolute http(s) URL'],
    ['a baseUrl that is a number', '{"baseUrl":42}', 'corpus/manifest.json: "baseUrl" must be an absolute http(s) URL'],
  ] as Array<[string, string | Uint8Array, string | RegExp]>)('names a manifest.json that is %s', async (_, manifest, message) => {
    const cwd = tempCorpus({ 'good.txt': GOOD, 'manifest.json': manifest });
    await expect(readCorpus('corpus', { cwd })).rejects.toThrow(message);
  });

  describe('unreadable files and folders', () => {
    /** node:fs with one path failing like a permission problem. */
    const failing = (which: 'readFile' | 'readdir', suffix: string, code = 'EACCES'): CorpusFs => ({
      stat: (f) => nodeFs.stat(f),
      readdir: (d, o) => (which === 'readdir' && d.endsWith(suffix) ? Promise.reject(Object.assign(new Error('denied'), { code })) : nodeFs.readdir(d, o)),
      readFile: (f) => (which === 'readFile' && f.endsWith(suffix) ? Promise.reject(Object.assign(new Error('denied'), { code })) : nodeFs.readFile(f)),
    });

    it('stops on a file that cannot be read, naming it and the reason', async () => {
      const cwd = tempCorpus({ 'good.txt': GOOD, 'locked.txt': 'Secret.' });
      await expect(readCorpus('corpus', { cwd, fs: failing('readFile', 'locked.txt') })).rejects.toThrow('citeqa corpus: corpus/locked.txt: cannot be read (EACCES)');
      await expect(readCorpus('corpus', { cwd, fs: failing('readFile', 'locked.txt', 'EIO') })).rejects.toThrow('citeqa corpus: corpus/locked.txt: cannot be read (EIO)');
    });

    it('stops on a folder that cannot be listed, naming it', async () => {
      const cwd = tempCorpus({ 'good.txt': GOOD, 'private/a.txt': 'A.' });
      await expect(readCorpus('corpus', { cwd, fs: failing('readdir', 'private') })).rejects.toThrow('citeqa corpus: corpus/private/: folder cannot be read (EACCES)');
    });

    it('stops on a manifest that cannot be read', async () => {
      const cwd = tempCorpus({ 'good.txt': GOOD, 'manifest.json': '{}' });
      await expect(readCorpus('corpus', { cwd, fs: failing('readFile', 'manifest.json') })).rejects.toThrow('citeqa corpus: corpus/manifest.json: cannot be read as UTF-8 (EACCES)');
    });

    it.skipIf(IS_ROOT)('stops on a file without read permission (real chmod; skipped as root, who can read anything)', async () => {
      const cwd = tempCorpus({ 'good.txt': GOOD, 'locked.txt': 'Secret.' });
      chmodSync(path.join(cwd, 'corpus', 'locked.txt'), 0o000);
      await expect(readCorpus('corpus', { cwd })).rejects.toThrow('citeqa corpus: corpus/locked.txt: cannot be read (EACCES)');
    });
  });
});

describe('paragraphs built to be slow', () => {
  it.each([
    ['abbreviations', 'Mr. ', 'p.txt'],
    ['section numbers', '9. ', 'p.md'],
    ['prose', 'The wing stalls at high angles. Lift falls, said Dr. Smith. ', 'p.txt'],
    ['initialisms in brackets', 'Born on 10 July [O.S. 28 June] 1856 (U.K. A.B. C.D. ', 'p.txt'],
  ])('splits a 100,000-character paragraph of %s, keeping every character but spaces', async (_, unit, file) => {
    const paragraph = unit.repeat(Math.ceil(100_000 / unit.length));
    const read = await readFiles({ [file]: `Title words here.\n\n${paragraph}end.\n` });
    const text = read.documents[0]!.sections.flatMap((x) => x.sentences.map((y) => y.text)).join('');
    expect(text.replace(/\s+/g, '')).toBe(`Title words here.${paragraph}end.`.replace(/\s+/g, ''));
  });
});

describe('Markdown lines built to be slow', () => {
  it.each([
    ['brackets', '['],
    ['image starts', '!['],
    ['half links', '[a]('],
    ['tags', '<a '],
    ['cell tags', '<td '],
    ['spaces before a tag', ' '.repeat(9) + '<p'],
    ['references', '&#'],
  ])('reads a 200,000-character line of %s as written, in linear time', async (_, unit) => {
    const line = unit.repeat(Math.ceil(200_000 / unit.length));
    const read = await readFiles({ 'slow.md': `# Slow\n\n${line} end.\n` });
    const text = read.documents[0]!.sections.flatMap((x) => x.sentences.map((y) => y.text)).join(' ');
    expect(text.length).toBeGreaterThan(150_000);
  });
});

describe('plain-text layouts built to be slow', () => {
  it.each([
    ['a "Q:" line of 200,000 characters', `Q: ${'a '.repeat(100_000)}`],
    ['20,000 lines of labels and values', Array.from({ length: 20_000 }, (_, i) => `Key ${i}: value`).join('\n')],
    ['a "Title:" line of 200,000 characters, spaces inside, above 20,000 labels', `Title: a${' '.repeat(200_000)}b\n${Array.from({ length: 20_000 }, (_, i) => `Key ${i}: the value of this key`).join('\n')}`],
    ['20,000 pages with a header and a page number', Array.from({ length: 20_000 }, (_, i) => `Header\n\ntext ${'x'.repeat(i % 50)} goes on\n\nPage ${i}\n`).join('\f')],
    ['20,000 numbered lines', Array.from({ length: 20_000 }, (_, i) => `${(i % 999) + 1}. Step`).join('\n')],
    ['20,000 questions and answers without labels', Array.from({ length: 20_000 }, (_, i) => `Why ${i}?\nBecause.\n`).join('\n')],
    ['a manual page of 20,000 headings over indented lines', Array.from({ length: 20_000 }, (_, i) => `SECTION ${i}\n       text of section ${i}\n`).join('\n')],
    ['a table of 20,000 rows laid out in columns with spaces', Array.from({ length: 20_000 }, (_, i) => `Row ${i}      $${i}      ${i % 30} days`).join('\n')],
    ['20,000 numbered headings over indented prose', Array.from({ length: 20_000 }, (_, i) => `${(i % 999) + 1}. Cancellations ${'x'.repeat(i % 7)}\n   Bookings cancelled early are refunded.\n`).join('\n')],
    ['a contract of 20,000 headings over their clauses', Array.from({ length: 20_000 }, (_, i) => `${(i % 999) + 1}. TERMS\n${(i % 999) + 1}.1 The first clause of this section applies.\n`).join('\n')],
    ['20,000 short headings in sentence case over longer lines', Array.from({ length: 20_000 }, (_, i) => `Tax rates ${'x'.repeat(i % 5)}\nThe first crowns of taxable income are taxed at ten percent or more.\n`).join('\n')],
    ['a line quoted 20,000 deep, and 20,000 lines quoted', `${'> '.repeat(20_000)}${'word '.repeat(20_000)}\n\n${Array.from({ length: 20_000 }, (_, i) => `${'> '.repeat(i % 8)}Label crate ${i}.`).join('\n')}`],
    ['20,000 lettered sub-clauses', Array.from({ length: 20_000 }, (_, i) => `${i % 50 === 0 ? `${i / 50 + 1}. Clause\n` : ''}   (${String.fromCharCode(97 + (i % 26))}) Item ${i}`).join('\n')],
    ['a list of 20,000 short lines without bullets', Array.from({ length: 20_000 }, (_, i) => `${i % 9} eggs`).join('\n')],
    ['20,000 emails, and a header of 20,000 fields', `${Array.from({ length: 20_000 }, (_, i) => `From: Raj ${i}\nSubject: Move ${i}\n\nWe move on Friday.\n`).join('\n')}\n${Array.from({ length: 20_000 }, (_, i) => `X-Field-${i}: ${'v'.repeat(i % 9)}\n\tgoes on`).join('\n')}\nFrom: Raj\nSubject: All\n\nText.`],
  ])('reads %s, in linear time', async (_, text) => {
    const read = await readFiles({ 'slow.txt': text });
    const words = read.documents[0]!.sections.flatMap((x) => [x.heading, ...x.sentences.map((y) => y.text)]).join(' ');
    expect(words.length).toBeGreaterThan(text.replace(/Page \d+|Header/g, '').trim().length * 0.5);
  });
});

describe('Markdown headings built to be slow', () => {
  it('heads 20,000 sections nested six deep with their paths, in linear time', async () => {
    const md = Array.from({ length: 20_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} H${i}\n\nText ${i}.`).join('\n\n');
    const read = await readFiles({ 'deep.md': md });
    const sections = read.documents[0]!.sections;
    expect(sections).toHaveLength(20_000);
    expect(sections[5]!.heading).toBe('H1 › H2 › H3 › H4 › H5');
  });
});

describe('Markdown lists built to be slow', () => {
  it('reads 20,000 list items nested up to five deep, nested bullets as "◦", in linear time', async () => {
    const md = Array.from({ length: 20_000 }, (_, i) => `${'  '.repeat(i % 5)}- item ${i}`).join('\n');
    const read = await readFiles({ 'list.md': md });
    const sentences = read.documents[0]!.sections.flatMap((x) => x.sentences.map((y) => y.text));
    expect(sentences).toHaveLength(20_000);
    expect(sentences.slice(0, 2)).toEqual(['- item 0', '◦ item 1']);
  });
});

describe('a mixed folder of good and bad files', () => {
  it('indexes every good file and names every bad one, with counts that add up', async () => {
    const files = {
      'a.txt': GOOD,
      'b.md': '# Notes\n\nAvocado is a model. It was delayed.\n',
      'c.jsonl': '{"id":"r1","text":"Record one."}\n{"id":"r2","text":""}\n',
      'd.txt': '',
      'e.txt': bytes(0x00, 0x01),
      'f.txt': bytes(0xc3, 0x28),
      'g.docx': 'PK',
      'sub/h.txt': 'Nested text is read too.',
      'sub/.cache/i.txt': 'Hidden.',
    };
    const read = await readFiles(files);
    expect(read.documents.map((d) => d.id)).toEqual(['corpus/a.txt', 'corpus/b.md', 'r1', 'corpus/sub/h.txt']);
    expect(read.files).toBe(4);
    expect(read.skippedFiles).toBe(5);
    expect(read.skippedRecords).toBe(1);
    expect(read.warnings).toHaveLength(6);
    expect(skippedSummary(read)).toBe('5 files and 1 record skipped');
    expect(skippedSummary({ skippedFiles: 1, skippedRecords: 0 })).toBe('1 file and 0 records skipped');
    expectAccounted(read, Object.keys(files));
  });

  it('hashes only what it indexed: a skipped file does not change the corpus hash', async () => {
    const a = await readFiles({ 'a.txt': GOOD });
    const b = await readFiles({ 'a.txt': GOOD, 'junk.pdf': 'x', 'empty.txt': '' });
    const c = await readFiles({ 'a.txt': `${GOOD}More.\n` });
    expect(b.corpusHash).toBe(a.corpusHash);
    expect(c.corpusHash).not.toBe(a.corpusHash);
  });
});

describe('UTF-8 validation and line numbers', () => {
  it('agrees with the platform decoder on random bytes', async () => {
    const fc = (await import('fast-check')).default;
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }), (raw, s) => {
        for (const b of [raw, text(s), concat(text(s), raw)]) {
          let valid = true;
          try {
            fatal.decode(b);
          } catch {
            valid = false;
          }
          expect(firstInvalidUtf8(b) === -1).toBe(valid);
        }
      }),
      { seed: 6, numRuns: 3000 },
    );
  });

  it('counts lines across LF, CRLF and CR', () => {
    const b = text('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map((o) => lineAt(b, o))).toEqual([1, 2, 3, 4]);
  });
});
