import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChecked, tempCorpus } from './corpus-helpers.js';

const FILES = { 'a.txt': 'Alpha text.', 'sub/b.md': '# Beta\n\nBeta text.', 'sub/empty.txt': '' };

describe('citation sources', () => {
  // tempCorpus() writes <tmp>/corpus/…; each case reads a folder of it from some working directory.
  it.each([
    { name: 'a corpus inside the working directory by its path from there', cwd: '.', target: 'corpus', sources: ['corpus/a.txt', 'corpus/sub/b.md'], skipped: 'corpus/sub/empty.txt' },
    { name: 'the same corpus given as an absolute path the same way', cwd: '.', target: '<tmp>/corpus', sources: ['corpus/a.txt', 'corpus/sub/b.md'], skipped: 'corpus/sub/empty.txt' },
    { name: 'a sub-folder of the working directory by its path from there', cwd: 'corpus', target: 'sub', sources: ['sub/b.md'], skipped: 'sub/empty.txt' },
    { name: 'a corpus outside the working directory from the folder that holds it', cwd: 'corpus/sub', target: '..', sources: ['corpus/a.txt', 'corpus/sub/b.md'], skipped: 'corpus/sub/empty.txt' },
    { name: 'a corpus elsewhere on the machine without the path to it', cwd: '<repo>', target: '<tmp>/corpus/sub', sources: ['sub/b.md'], skipped: 'sub/empty.txt' },
  ])('name $name', async ({ cwd, target, sources, skipped }) => {
    const t = tempCorpus(FILES);
    const at = (p: string) => (p === '<repo>' ? process.cwd() : p.startsWith('<tmp>') ? t + p.slice(5) : path.join(t, p));
    const read = await readChecked(target.startsWith('<') ? at(target) : target, { cwd: at(cwd) });
    expect(read.documents.map((d) => d.source).sort()).toEqual(sources);
    expect(read.warnings).toEqual([`${skipped}: skipped, empty file`]);
  });

  it('name a single file outside the working directory with the folder that holds it', async () => {
    const t = tempCorpus({ 'set.jsonl': '{"id":"r1","text":"Record text."}\n' });
    const read = await readChecked(path.join(t, 'corpus', 'set.jsonl'), { cwd: process.cwd() });
    expect(read.documents.map((d) => d.source)).toEqual(['corpus/set.jsonl']);
  });
});
