/**
 * Conservation: every sentence of every accepted document lands in exactly
 * one passage, over the repository's corpora, the evaluation datasets when
 * present, and random corpora written to disk and read like `npm run build`.
 * (The corpora of corpus-bad-input.test.ts go through the same check.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_CHARS } from '../../src/engine/index.js';
import { conserved, readChecked, readFiles } from './corpus-helpers.js';
import { DATASETS_DIR, REPO_ROOT } from './datasets.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** A line that only separates (src/engine/corpus.ts): dropped, like blank lines. */
const RULE_LINE = /^ {0,3}([-*_=~#])(?:\s*\1){2,}\s*$/;
/** The ">" that open a quoted line (src/engine/corpus.ts): not text. */
const QUOTE_MARKERS = /^ {0,3}>(?:[ \t]?>)*[ \t]?/;

describe('the repository corpora', () => {
  it.each(['corpus', 'test/browser/corpus'])('%s', async (dir) => {
    const read = await readChecked(dir, { cwd: REPO_ROOT });
    expect(read.documents.length).toBeGreaterThan(0);
    expect(read.warnings).toEqual([]);
  });

  for (const set of ['cranfield', 'squad-v1.1-dev']) {
    const file = path.join(DATASETS_DIR, set, 'corpus.jsonl');
    it.skipIf(!existsSync(file))(`the ${set} evaluation corpus (skipped without $CITEQA_DATASETS)`, async () => {
      const read = await readChecked(file, { cwd: REPO_ROOT });
      expect(read.documents.length).toBeGreaterThan(100);
    });
  }
});

// Random text: words, punctuation that ends or does not end sentences,
// abbreviations, numbers, non-Latin scripts and emoji, Markdown emphasis and
// comments, and very long runs.
const WORD = fc.constantFrom(
  'Meta', 'model', 'released', 'Dr.', 'Mr.', 'U.S.', 'e.g.', 'etc.', '3.5', '$14', 'billion', 'Avocado', 'naïve', 'Ωmega',
  '北京。', 'مرحبا', '🙂', 'end.', 'why?', 'yes!', '“quoted.”', '(aside)', '—', '...', 'x'.repeat(700),
  '**Q:', 'how?**', '_so._', '? *', 'v4.2.0', '<!--', '-->', '-', '•', '=====', 'Last updated: 3 May', '>', '> >',
);
const SENTENCEISH = fc.array(WORD, { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
const PARAGRAPH = fc.array(SENTENCEISH, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));
const TEXT = fc.array(PARAGRAPH, { minLength: 1, maxLength: 6 }).map((ps) => ps.join('\n\n'));
const MARKDOWN = fc
  .tuple(fc.option(SENTENCEISH, { nil: undefined }), fc.array(fc.tuple(fc.constantFrom('#', '##', '###'), SENTENCEISH, TEXT), { minLength: 1, maxLength: 4 }))
  .map(([title, sections]) => `${title === undefined ? '' : `---\ntitle: ${title}\n---\n`}${sections.map(([h, head, body]) => `${h} ${head}\n\n${body}`).join('\n\n')}\n`);
const RECORDS = fc.array(fc.tuple(fc.option(TEXT, { nil: undefined }), fc.boolean()), { minLength: 1, maxLength: 5 });

describe('random corpora on disk', () => {
  it('keep every sentence in exactly one passage, and every word of plain text and records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(TEXT, { maxLength: 3 }), fc.array(MARKDOWN, { maxLength: 2 }), RECORDS, async (texts, mds, records) => {
        const files: Record<string, string> = {};
        texts.forEach((t, i) => (files[`t${i}.txt`] = t));
        mds.forEach((m, i) => (files[`docs/m${i}.md`] = m));
        files['set.jsonl'] = records
          .map(([t, crlf], i) => JSON.stringify({ id: `r${i}`, title: `Record ${i}`, text: t ?? '' }) + (crlf ? '\r' : ''))
          .join('\n');
        const read = await readFiles(files);
        // Plain text and records lose nothing but whitespace, rules ("=====" alone on a line;
        // a plain-text heading heads its section) and the ">" that open a quoted line.
        const wordsOf = (doc: (typeof read.documents)[number]): string =>
          squash(doc.sections.flatMap((s) => [...(s.heading === '' ? [] : [s.heading]), ...s.sentences.map((x) => x.text)]).join(' '));
        const withoutRules = (t: string): string =>
          squash(
            t
              .split('\n')
              .map((l) => l.replace(QUOTE_MARKERS, ''))
              .filter((l) => !RULE_LINE.test(l))
              .join('\n'),
          );
        texts.forEach((t, i) => {
          const doc = read.documents.find((d) => d.source === `corpus/t${i}.txt`);
          if (withoutRules(t) === '') expect(doc).toBeUndefined();
          else expect(wordsOf(doc!)).toBe(withoutRules(t));
        });
        records.forEach(([t], i) => {
          const doc = read.documents.find((d) => d.id === `r${i}`);
          if (t === undefined || withoutRules(t) === '') expect(doc).toBeUndefined();
          else expect(wordsOf(doc!)).toBe(withoutRules(t));
        });
        expect(read.skippedRecords).toBe(records.filter(([t]) => t === undefined || withoutRules(t) === '').length);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('covered many documents and sentences, including passages longer than the limit', () => {
    expect(conserved.corpora).toBeGreaterThan(60);
    expect(conserved.documents).toBeGreaterThan(200);
    expect(conserved.sentences).toBeGreaterThan(1000);
    expect(MAX_PASSAGE_CHARS).toBeLessThan(700); // the 700-character word above makes oversize sentences
  });
});
