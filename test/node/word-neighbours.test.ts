import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWordNeighbours } from '../../scripts/lib/lexicon.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const SCRIPT = path.resolve('scripts/word-neighbours.ts');

describe('npm run word-neighbours', () => {
  it('writes each word its nearest words by cosine, nearest first, leaving out dissimilar words, names and short words', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citeqa-neighbours-'));
    // Vectors as the wink package ships them: the words in frequency order, each vector followed by its norm and index.
    const vectors: Record<string, number[]> = {
      charities: [1, 0, 0],
      nonprofits: [0.9, 0.1, 0],
      donors: [0.8, 0.3, 0],
      banana: [0, 1, 0],
      Paris: [1, 0, 0],
      ab: [1, 0, 0],
    };
    const words = Object.keys(vectors);
    const source = path.join(dir, 'vectors.json');
    writeFileSync(source, JSON.stringify({ precision: 8, dimensions: 3, words, vectors: Object.fromEntries(words.map((w, i) => [w, [...vectors[w]!, 1, i]])) }));
    const out = path.join(dir, 'word-neighbours.txt');
    execFileSync(TSX, [SCRIPT, '--vectors', source, '--out', out], { stdio: 'pipe' });
    // cos(charities, nonprofits) 0.99, (charities, donors) 0.94, (nonprofits, donors) 0.97; "banana" is below 0.65 with each.
    expect(readFileSync(out, 'utf8')).toBe('charities nonprofits donors\ndonors nonprofits charities\nnonprofits charities donors\n');
    expect(readWordNeighbours(out).get('donors')).toEqual(['nonprofits', 'charities']);
  }, 30_000);

  it('says how to call it when the vectors are not named', () => {
    const run = spawnSync(TSX, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run word-neighbours -- --vectors/);
  }, 30_000);
});
