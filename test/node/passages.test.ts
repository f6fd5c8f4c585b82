import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_BOILERPLATE,
  MAX_PASSAGE_CHARS,
  parseCorpusFile,
  parseJsonlFile,
  parseTextFile,
  passageSentences,
  splitSentences,
  toPassages,
  type ParsedDocument,
} from '../../src/engine/index.js';
import { EMAIL_THREAD } from './corpus-helpers.js';

const SEED_PATH = 'corpus/meta-avocado-scale-ai.txt';
const seedText = readFileSync(SEED_PATH, 'utf8');
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Asserts that the passages hold every sentence of the document exactly once, in order. */
function expectConservation(doc: ParsedDocument): void {
  const sentences = doc.sections.flatMap((s) => s.sentences.map((x) => x.text));
  const passages = toPassages(doc, 0);
  expect(passages.flatMap((p) => passageSentences(p))).toEqual(sentences);
}

describe('passages of the seed article', () => {
  const parsed = parseTextFile(SEED_PATH, seedText);
  const doc = parsed.documents[0]!;
  const passages = toPassages(doc, 0);
  const lines = seedText.split('\n');

  it('keeps every sentence in exactly one passage', () => {
    expectConservation(doc);
  });

  it('keeps every word of the article except the boilerplate lines', () => {
    const kept = lines.filter((l) => !DEFAULT_BOILERPLATE.includes(l.trim().toLowerCase()));
    expect(squash(passages.map((p) => p.text).join(' '))).toBe(squash(kept.join(' ')));
    expect(parsed.droppedLines).toBe(2);
    expect(passages.some((p) => /advertisement/i.test(p.text))).toBe(false);
  });

  it('rejoins lines hard-wrapped mid-sentence', () => {
    expect(passages[0]!.text).toContain('first new AI models developed under Scale AI CEO');
  });

  it('cites line ranges that start and end on the lines holding the passage', () => {
    for (const p of passages) {
      const [first, last] = p.lines;
      expect(first).toBeGreaterThanOrEqual(1);
      expect(last).toBeGreaterThanOrEqual(first);
      const span = squash(lines.slice(first - 1, last).join(' '));
      const sentences = passageSentences(p);
      expect(span).toContain(squash(sentences[0]!).slice(0, 30));
      expect(lines[first - 1]).toContain(p.text.split(' ')[0]);
      expect(lines[last - 1]).toContain(p.text.split(' ').pop());
      for (const s of sentences) expect(squash(lines.slice(first - 1, last).join(' '))).toContain(squash(s));
    }
  });

  it('numbers passages from 1 in document order', () => {
    expect(passages.map((p) => p.ordinal)).toEqual(passages.map((_, i) => i + 1));
    for (let i = 1; i < passages.length; i++) expect(passages[i]!.lines[0]).toBeGreaterThanOrEqual(passages[i - 1]!.lines[1]);
  });

  it('packs whole sentences into passages of at most about 600 characters', () => {
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    expect(passages.length).toBeGreaterThan(1);
  });

  it('keeps curly quotes and the original characters of the text', () => {
    expect(passages.map((p) => p.text).join(' ')).toContain('code-named “Avocado,”');
  });
});

describe('sentence splitting', () => {
  it.each([
    ['Meta is the largest U.S. company. It grew.', ['Meta is the largest U.S. company.', 'It grew.']],
    ['Mr. Wang joined Meta. Dr. Smith did not.', ['Mr. Wang joined Meta.', 'Dr. Smith did not.']],
    ['It cost $14.5 billion. Why? Nobody knows!', ['It cost $14.5 billion.', 'Why?', 'Nobody knows!']],
    ['“Avocado” lagged. Meta said “later.” Then', ['“Avocado” lagged.', 'Meta said “later.”', 'Then']],
    ['Call GET /ask?q=Who+is+Wang to ask. It answers!Really.', ['Call GET /ask?q=Who+is+Wang to ask.', 'It answers!Really.']],
    ['Yahoo!Japan grew. Why?', ['Yahoo!Japan grew.', 'Why?']],
    ['Names cannot contain < > : " | ? * or spaces. Rename them.', ['Names cannot contain < > : " | ? * or spaces.', 'Rename them.']],
    ['File names cannot contain the characters < > : " | ? *', ['File names cannot contain the characters < > : " | ? *']],
    ['Really?! … ?? It works.', ['Really?! … ??', 'It works.']],
    ['Is it safe? yes, mostly. Is it fast? It is.', ['Is it safe? yes, mostly.', 'Is it fast?', 'It is.']],
    ['* * * The end.', ['* * * The end.']],
    ['**Q: How do I cancel?** A: Open Billing.', ['**Q: How do I cancel?**', 'A: Open Billing.']],
    ['_Can I pause?_ Yes, for a month.', ['_Can I pause?_', 'Yes, for a month.']],
    ['It is *done.* Next one. A snake_case. name', ['It is *done.*', 'Next one.', 'A snake_case. name']],
    ['9. Termination 9.1 Either party may end it. See 3. It works.', ['9. Termination 9.1 Either party may end it.', 'See 3.', 'It works.']],
    ['Errors have a `code`. `rate_limited` means wait. Is it slow? `npm ci` helps.', ['Errors have a `code`.', '`rate_limited` means wait.', 'Is it slow?', '`npm ci` helps.']],
    ['Use a tool, e.g. `curl`, to call it. Done.', ['Use a tool, e.g. `curl`, to call it.', 'Done.']],
  ])('splits %j', (text, expected) => {
    expect(splitSentences([{ line: 1, text }]).map((s) => s.text)).toEqual(expected);
  });

  it('cites the lines each sentence spans', () => {
    const s = splitSentences([
      { line: 3, text: 'The first sentence is wrapped' },
      { line: 4, text: 'over two lines. The second' },
      { line: 5, text: 'too.' },
    ]);
    expect(s).toEqual([
      { text: 'The first sentence is wrapped over two lines.', lines: [3, 4], newLine: true },
      { text: 'The second too.', lines: [4, 5] },
    ]);
  });
});

describe('passage packing', () => {
  it('lets a single sentence longer than the limit stand alone', () => {
    const long = `Long ${'word '.repeat(200).trim()}.`;
    const doc = parseTextFile('corpus/long.txt', `Short one.\n${long}\nShort two.\n`).documents[0]!;
    const passages = toPassages(doc, 0);
    expect(passages.map((p) => p.text)).toEqual(['Short one.', long, 'Short two.']);
    expect(passages[1]!.lines).toEqual([2, 2]);
  });

  it('keeps a question together with the sentence after it when the limit would part them', () => {
    // The first answer leaves room for the next question (542 + 28 characters) but not for its answer.
    const text = [
      `Q: How do I log in? A: ${Array.from({ length: 13 }, () => 'Open the login page and type your name.').join(' ')}`,
      'Q: How do I export my data? A: Use the Export button on the Data page.',
      'Q: Is there an app? A: Yes.',
    ].join('\n');
    const passages = toPassages(parseTextFile('corpus/faq.txt', text).documents[0]!, 0);
    expect(passages.map((p) => p.text.slice(0, 27))).toEqual(['Q: How do I log in? A: Open', 'Q: How do I export my data?']);
    expect(passages[1]!.lines).toEqual([2, 3]);
  });

  it('keeps a question told in several sentences together with its answer', () => {
    const text = [
      `Q: How do I log in? A: ${Array.from({ length: 13 }, () => 'Open the login page and type your name.').join(' ')}`,
      'Q: My laptop was stolen. What now? A: Call the help desk at once.',
    ].join('\n');
    const passages = toPassages(parseTextFile('corpus/faq.txt', text).documents[0]!, 0);
    expect(passages.map((p) => p.text.slice(0, 24))).toEqual(['Q: How do I log in? A: O', 'Q: My laptop was stolen.']);
  });

  it('starts the next passage with a paragraph the limit would cut in two, when it fits there whole', () => {
    const entries = Array.from({ length: 4 }, (_, i) => `**Term ${i + 1}**: ${'a word of the definition '.repeat(5).trim()}.`);
    const text = `# Glossary\n\n${entries.join('\n\n')}\n\n**Probation**: your first six months. At the end your manager confirms your job in writing.\n`;
    const passages = toPassages(parseCorpusFile('corpus/glossary.md', text).documents[0]!, 0);
    expect(passages.map((p) => p.text.split('\n').pop())).toEqual([entries[3], '**Probation**: your first six months. At the end your manager confirms your job in writing.']);
    expect(passages[1]!.lines).toEqual([11, 11]);
  });

  it('still cuts a paragraph that does not fit in one passage, or that is the only one', () => {
    const long = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} of one long paragraph goes on a while.`).join(' ');
    for (const text of [long, `Intro line.\n\n${long}`]) {
      const passages = toPassages(parseTextFile('corpus/long.txt', text).documents[0]!, 0);
      expect(passages.length, text.slice(0, 12)).toBeGreaterThan(1);
      // The paragraph's first sentences fill the first passage, after the line before them.
      expect(passages[0]!.text, text.slice(0, 12)).toContain('Sentence 1 of');
      expect(passages.every((p) => p.text.length <= MAX_PASSAGE_CHARS)).toBe(true);
    }
  });

  it('keeps every sentence of arbitrary documents in exactly one passage', () => {
    const sentence = fc
      .tuple(
        fc.array(fc.constantFrom('alpha', 'beta', 'Gamma', 'delta', 'x'.repeat(120), '2025', 'U.S.', '“quoted”'), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom('.', '.', '?'),
      )
      .map(([ws, end]) => `${ws.join(' ')}${end}`);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }), (paras) => {
        const text = paras.map((p) => p.join(' ')).join('\n\n');
        const parsed = parseTextFile('corpus/gen.txt', text);
        for (const doc of parsed.documents) {
          expectConservation(doc);
          // Section by section: a question that opens a paragraph of FAQ-like text heads its section.
          const read = doc.sections.flatMap((section) => [section.heading, ...toPassages({ ...doc, sections: [section] }, 0).map((p) => p.text)]);
          expect(squash(read.join(' '))).toBe(squash(text));
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('Markdown documents', () => {
  const md = [
    '---',
    'title: "Leave policy"',
    'url: https://example.org/leave',
    '---',
    '# Leave policy',
    '',
    'Everyone gets 25 days of paid leave.',
    '',
    '## Sick leave',
    '',
    'Sick leave needs a note',
    'after three days.',
    '- Tell your manager first.',
    '- Then tell HR.',
  ].join('\n');
  const parsed = parseTextFile('corpus/policy.md', md);
  const doc = parsed.documents[0]!;

  it('heads a section with the path of headings above it, without the title, and an FAQ question under them', () => {
    const text = [
      '# Recipes', 'Quick dinners.',
      '## Fried rice', 'Serves 2.', '### Method', 'Fry the rice.', '#### Tips', 'Use cold rice.',
      '## Cookies', 'Makes 24.', '### Method', 'Bake them.',
      'Storage\n-------', 'Keep them in a tin.',
      '## FAQ', '**Can I freeze the dough?**', 'Yes, for three months.',
    ].join('\n\n');
    const sections = parseTextFile('corpus/recipes.md', text).documents[0]!.sections;
    expect(sections.map((x) => x.heading)).toEqual([
      'Recipes', 'Fried rice', 'Fried rice › Method', 'Fried rice › Method › Tips', 'Cookies', 'Cookies › Method', 'Storage', 'FAQ › Can I freeze the dough?',
    ]);
    // Plain text has no heading levels: its headings stand alone.
    const plain = parseTextFile('corpus/recipes.txt', 'Recipes\n\nFried rice\n\nServes 2.\n\nMethod\n\nFry the rice.').documents[0]!.sections;
    expect(plain.map((x) => x.heading)).toEqual(['', 'Fried rice', 'Method']);
  });

  it('reads a definition list\'s term and its ": definition" line as "Term: definition", as an HTML <dl>', () => {
    const md = '# Glossary\n\n**Payout**\n: A transfer of your balance to your bank. Payouts run daily.\n\nTerm\n:   Indented definition.\n\nA ratio\n:1 stays text.';
    expect(parseTextFile('corpus/glossary.md', md).documents[0]!.sections[0]!.sentences.map((x) => x.text)).toEqual([
      '**Payout**: A transfer of your balance to your bank.',
      'Payouts run daily.',
      'Term: Indented definition.',
      'A ratio :1 stays text.',
    ]);
  });

  it('takes title and url from front matter and never indexes the front matter', () => {
    expect(doc.title).toBe('Leave policy');
    expect(doc.url).toBe('https://example.org/leave');
    const all = toPassages(doc, 0).map((p) => p.text).join(' ');
    expect(all).not.toContain('title:');
    expect(all).not.toContain('---');
  });

  it('leaves out lists of links only (a table of contents, related pages), counting them', () => {
    const md = [
      '# Lumen',
      '## Contents',
      '- [Installation](#installation)\n- [Deploying to Netlify](#deploying-to-netlify)\n  1. [Build settings][build]\n\n- <https://lumen.dev/faq>',
      '## Deploying to Netlify',
      'Set the build command to `lumen build`.',
      '- [Netlify docs](https://docs.netlify.com): read them first.\n- [Alone](#alone)',
      '```\n- [Kept](#kept)\n- [In code](#code)\n```',
    ].join('\n\n');
    const parsed = parseTextFile('corpus/README.md', md);
    expect(parsed.linkLists).toBe(1);
    expect(parsed.documents[0]!.sections.map((s) => [s.heading, s.sentences.map((x) => x.text)])).toEqual([
      ['Deploying to Netlify', ['Set the build command to `lumen build`.', '- Netlify docs: read them first.', '- Alone', '- [Kept](#kept)', '- [In code](#code)']],
    ]);
  });

  it('leaves out a README\'s row of badges and a paragraph that is one line of links only', () => {
    const md = [
      '# Lumen',
      '[![Build](https://ci.example/badge.svg)](https://ci.example) [![npm](https://img.example/npm.svg)](https://npm.example)',
      '[Website](https://lumen.dev) | [Docs](https://lumen.dev/docs) · <https://chat.example>',
      'Lumen builds docs. Read\n[the guide](https://lumen.dev/guide)\nfirst.',
      '[Changelog](CHANGELOG.md)',
      'See [the FAQ](faq.md) for more.',
    ].join('\n\n');
    const parsed = parseTextFile('corpus/README.md', md);
    expect(parsed.documents[0]!.sections.flatMap((s) => s.sentences.map((x) => x.text))).toEqual(['Lumen builds docs.', 'Read the guide first.', 'See the FAQ for more.']);
    expect(parsed.linkLists).toBe(3);
  });

  it('puts each paragraph, list item, table row and line of code of a passage on a line of its own', () => {
    const md = ['# Bread', 'Mix the dough. Let it rest.', 'You need:\n- flour\n- salt and\n  water', '| step | time |\n|---|---|\n| rise | 4 h |', '```\nbake --hot\n```'].join('\n\n');
    const passages = toPassages(parseTextFile('corpus/bread.md', md).documents[0]!, 0);
    expect(passages.map((p) => p.text)).toEqual([
      'Mix the dough. Let it rest.\nYou need:\n- flour\n- salt and water\n| step | time |\n|---|---|\n| rise | 4 h |\nbake --hot',
    ]);
    expect(passageSentences(passages[0]!)).toEqual(['Mix the dough.', 'Let it rest.', 'You need:', '- flour', '- salt and water', '| step | time |', '|---|---|', '| rise | 4 h |', 'bake --hot']);
  });

  it.each([
    ['bullets under a bullet', '- Remote work needs approval:\n  - up to 2 weeks: your manager;\n  - longer: HR.\n- We pay a desk allowance.', '- Remote work needs approval:\n◦ up to 2 weeks: your manager;\n◦ longer: HR.\n- We pay a desk allowance.'],
    ['a tab, "*" and "+" bullets', '* Fruit:\n\t+ apples\n* Bread.', '* Fruit:\n◦ apples\n* Bread.'],
    ['numbers under a bullet (kept)', '- Install it:\n   1. Open the box.\n   2. Plug it in.\n- Enjoy.', '- Install it:\n1. Open the box.\n2. Plug it in.\n- Enjoy.'],
    ['a list indented as a whole (not nested)', '  - one\n  - two', '  - one\n  - two'.replace(/^ +/gm, '')],
    ['a second list after prose at the margin', '- a\n  - b\n\nThen:\n\n  - c', '- a\n◦ b\nThen:\n- c'],
  ])('shows a Markdown bullet nested in another list\'s item as "◦": %s', (_, list, text) => {
    const passages = toPassages(parseTextFile('corpus/list.md', `# List\n\n${list}`).documents[0]!, 0);
    expect(passages.map((p) => p.text).join('\n')).toBe(text);
  });

  it('shows a plain-text bullet nested in another as "◦" too', () => {
    const text = 'Remote work\n\n• Working abroad needs approval:\n    – up to 2 weeks: your manager;\n    – longer: HR.\n• We pay a desk allowance.';
    const passages = toPassages(parseTextFile('corpus/handbook.txt', text).documents[0]!, 0);
    expect(passages.map((p) => p.text).join('\n')).toBe('• Working abroad needs approval:\n◦ up to 2 weeks: your manager;\n◦ longer: HR.\n• We pay a desk allowance.');
  });

  it('makes headings the section of the passages under them, and quotes list items with their marker', () => {
    const passages = toPassages(doc, 0);
    expect(passages.map((p) => [p.section, p.text])).toEqual([
      ['Leave policy', 'Everyone gets 25 days of paid leave.'],
      ['Sick leave', 'Sick leave needs a note after three days.\n- Tell your manager first.\n- Then tell HR.'],
    ]);
    expect(passages[1]!.lines).toEqual([11, 14]);
  });

  it('makes each table row and each line of code a sentence of its own, never cut inside', () => {
    const text = [
      '# Errors',
      'Errors come with a code:',
      '| status | code | when |',
      '|---|---|---|',
      '| 400 | `question_too_long` | q over 500 chars. Shorten it. |',
      '| 405 | `method_not_allowed` | not GET? Use GET. |',
      '```sh',
      "curl 'localhost:8787/ask?q=Who+is+Wang'",
      'npm test. npm run build',
      '```',
    ].join('\n');
    const sections = parseTextFile('corpus/api.md', text).documents[0]!.sections;
    expect(sections[0]!.sentences.map((s) => [s.text, s.lines])).toEqual([
      ['Errors come with a code:', [2, 2]],
      ['| status | code | when |', [3, 3]],
      ['|---|---|---|', [4, 4]],
      ['| 400 | `question_too_long` | q over 500 chars. Shorten it. |', [5, 5]],
      ['| 405 | `method_not_allowed` | not GET? Use GET. |', [6, 6]],
      ["curl 'localhost:8787/ask?q=Who+is+Wang'", [8, 8]],
      ['npm test. npm run build', [9, 9]],
    ]);
  });

  it('neither indexes nor quotes HTML comments, which Markdown hides, and counts the lines they fill', () => {
    const md = [
      '# Guide',
      '<!-- TODO: rewrite before launch -->',
      'Install the app <!-- from the beta store? --> from the store.',
      '<!--',
      'Internal: the old installer is at a private address.',
      '-->',
      '```html',
      '<!-- a comment in code is code -->',
      '```',
    ].join('\n');
    const p = parseTextFile('corpus/guide.md', md);
    const text = p.documents[0]!.sections.flatMap((s) => s.sentences.map((x) => x.text));
    expect(text).toEqual(['Install the app  from the store.', '<!-- a comment in code is code -->']);
    expect(p.commentLines).toBe(4);
    expect(p.warnings).toEqual([]);
    // A plain text file has no such markup: its "<!--" is text.
    expect(parseTextFile('corpus/notes.txt', 'Arrows <!-- like this --> stay.').documents[0]!.sections[0]!.sentences[0]!.text).toBe('Arrows <!-- like this --> stay.');
  });

  it('warns, naming the line, when an HTML comment is never closed and hides the rest of a Markdown file', () => {
    const p = parseTextFile('corpus/guide.md', '# Guide\n\nShown.\n\n<!-- draft\nHidden.\nAlso hidden.');
    expect(p.documents[0]!.sections.flatMap((s) => s.sentences.map((x) => x.text))).toEqual(['Shown.']);
    expect(p.warnings).toEqual(['corpus/guide.md:5: an HTML comment opened here is never closed, so the rest of the file (3 lines) is hidden and not indexed']);
  });

  it('reads underlined (setext) headings, and quotes no rule (---, * * *, ___)', () => {
    const md = ['Getting started', '===============', '', 'Install the app.', '', 'Settings', '--------', 'Open Settings.', '', '* * *', '', '- Dark mode', '---', 'Text after a rule.'].join('\n');
    const doc = parseTextFile('corpus/guide.md', md).documents[0]!;
    expect(doc.title).toBe('Getting started');
    expect(doc.sections.map((s) => [s.heading, s.sentences.map((x) => x.text)])).toEqual([
      ['Getting started', ['Install the app.']],
      // A list item above "---" stays a list item: the line is a rule.
      ['Settings', ['Open Settings.', '- Dark mode', 'Text after a rule.']],
    ]);
  });

  it('quotes links as their text and leaves out images and link definitions, as the page shows them', () => {
    const md = [
      '# Tool',
      'See the [installation guide](https://example.org/install "Install") for setup. Read the [FAQ][faq] first.',
      '![Screenshot of the dashboard](img/dashboard.png)',
      'Read [**the pause rules**](#pause) and `[not a link](x)`.',
      '',
      '[faq]: https://example.org/faq',
      '[guide]: <https://example.org/guide> "The guide"',
      '[Note]: this label is text, not a definition.',
    ].join('\n');
    expect(parseTextFile('corpus/tool.md', md).documents[0]!.sections[0]!.sentences.map((x) => x.text)).toEqual([
      'See the installation guide for setup.',
      'Read the FAQ first.',
      'Read **the pause rules** and `[not a link](x)`.',
      '[Note]: this label is text, not a definition.',
    ]);
  });

  it('quotes the text of HTML in Markdown without its tags, autolinks as their address and character references as characters; code keeps them', () => {
    const md = [
      '# FAQ',
      '<details>',
      '<summary>How do I reset the <i>device</i>?</summary>',
      '',
      'Hold the power button.<br>The light blinks.',
      '</details>',
      '',
      'Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to save, mail <user@example.org> or see <https://example.org>.',
      'Write `<div>` for a box, and 2 < 3 > 1 stays.',
      'Salt &amp; pepper&nbsp;&mdash; 5&#160;g, &#x2018;fine&#x2019; &unknown; and `&amp;`.',
      'Add &frac12; cup of pur&eacute;e, a hy&shy;phen, &copy 2026 and AT&T.',
      '```html',
      '<p>code</p>',
      '```',
    ].join('\n');
    expect(parseTextFile('corpus/faq.md', md).documents[0]!.sections[0]!.sentences.map((x) => x.text)).toEqual([
      'How do I reset the device?',
      'Hold the power button.',
      'The light blinks.',
      'Press Ctrl+S to save, mail user@example.org or see https://example.org.',
      'Write `<div>` for a box, and 2 < 3 > 1 stays.',
      'Salt & pepper\u00a0— 5\u00a0g, ‘fine’ &unknown; and `&amp;`.',
      // Every HTML5 name, as CommonMark reads it; without its ";" a reference is text.
      'Add ½ cup of purée, a hyphen, &copy 2026 and AT&T.',
      '<p>code</p>',
    ]);
    // Plain text has no markup: its tags are text.
    expect(parseTextFile('corpus/a.txt', 'Press <kbd>S</kbd>.').documents[0]!.sections[0]!.sentences[0]!.text).toBe('Press <kbd>S</kbd>.');
  });

  it('keeps apart the words of HTML table cells and blocks in Markdown', () => {
    const md = '# Plans\n\n<table>\n<tr><td>Plan</td><td>Price</td></tr>\n<tr><td>Pro </td> <td>$10</td></tr>\n</table>\n\n<div>One</div><div>Two</div> and <b>b</b>old.';
    expect(parseTextFile('corpus/plans.md', md).documents[0]!.sections[0]!.sentences.map((x) => x.text)).toEqual(['Plan Price Pro $10', 'One Two and bold.']);
  });

  it('uses the first heading as title when there is no front matter', () => {
    expect(parseTextFile('corpus/a.md', '# Handbook\n\nHello there.').documents[0]!.title).toBe('Handbook');
  });

  it('takes a title and url from the manifest', () => {
    const p = parseCorpusFile('corpus/a.txt', 'Hello there.', { documents: { 'a.txt': { title: 'A', url: 'https://example.org/a' } } }, 'a.txt');
    expect(p.documents[0]).toMatchObject({ title: 'A', url: 'https://example.org/a' });
  });

  it('drops the boilerplate lines configured in the manifest instead of the defaults', () => {
    const p = parseCorpusFile('corpus/a.txt', 'Hello there.\nSUBSCRIBE NOW\nadvertisement\n', { boilerplate: ['subscribe now'] }, 'a.txt');
    expect(p.droppedLines).toBe(1);
    expect(toPassages(p.documents[0]!, 0)[0]!.text).toBe('Hello there.\nadvertisement');
  });
});

describe('quotations', () => {
  const sentencesOf = (source: string, text: string): string[] =>
    parseTextFile(source, text).documents[0]!.sections.flatMap((s) => s.sentences.map((x) => x.text));

  it.each([
    ['a Markdown blockquote', 'corpus/faq.md', '# FAQ\n\n> **Note:** The church car park is small.\n> Please share cars.', ['**Note:** The church car park is small.', 'Please share cars.']],
    ["GitHub's alert", 'corpus/readme.md', '# Setup\n\n> [!WARNING]\n> Back up your data first.', ['Warning: Back up your data first.']],
    ["an email's quoted reply, two deep", 'corpus/thread.txt', 'Thanks, Raj.\n\n> > We move on Friday 18 June.\n> >\n> > Label every crate.', ['Thanks, Raj.', 'We move on Friday 18 June.', 'Label every crate.']],
  ])('reads %s without its markers', (_, source, text, sentences) => {
    expect(sentencesOf(source, text)).toEqual(sentences);
  });

  it('keeps a ">" inside a line, and in a fenced code block', () => {
    expect(sentencesOf('corpus/notes.md', '# Notes\n\nScores > 90 pass.\n\n```\n> npm test\n```')).toEqual(['Scores > 90 pass.', '> npm test']);
  });
});

describe('sentences', () => {
  const split = (text: string): string[] => parseTextFile('corpus/a.txt', text, { title: 'A' }).documents[0]!.sections.flatMap((s) => s.sentences.map((x) => x.text));

  it.each([
    ['an initialism inside a bracket', 'Tesla was born on 10 July [O.S. 28 June] 1856 in Smiljan. He was the fourth child.', ['Tesla was born on 10 July [O.S. 28 June] 1856 in Smiljan.', 'He was the fourth child.']],
    ['an initialism in a bracket that stays open', 'He moved (to the U.S. In 1884 he met Edison.', ['He moved (to the U.S.', 'In 1884 he met Edison.']],
    ['a sentence in a bracket', 'He said (quietly). Then he left (and came back).', ['He said (quietly).', 'Then he left (and came back).']],
  ])('ends a sentence right around %s', (_, text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });
});

describe('lists without bullets in plain text', () => {
  const sentencesOf = (text: string): string[] => parseTextFile('corpus/card.txt', text, { title: 'Card' }).documents[0]!.sections.flatMap((s) => s.sentences.map((x) => x.text));

  it('reads short lines that each open with a capital or a number as one item per line', () => {
    expect(sentencesOf('Ingredients\n2 tbsp olive oil\n1 onion, sliced\n6 eggs\nA handful of coriander\n\nHeat the oil.')).toEqual([
      'Ingredients',
      '2 tbsp olive oil',
      '1 onion, sliced',
      '6 eggs',
      'A handful of coriander',
      'Heat the oil.',
    ]);
  });

  it.each([
    ['wrapped prose', 'The company said on\nTuesday that it would\nrelease the models\nin the spring.', ['The company said on Tuesday that it would release the models in the spring.']],
    ['two short lines', 'Open daily\n9 to 5', ['Open daily 9 to 5']],
    [
      'labels and their values among them',
      'Tuesday to Sunday: 10:00 to 18:00\nThursday: open late until 21:00\nClosed on Mondays.',
      ['Tuesday to Sunday: 10:00 to 18:00 Thursday: open late until 21:00 Closed on Mondays.'],
    ],
  ])('runs %s together as before', (_, text, sentences) => {
    expect(sentencesOf(text)).toEqual(sentences);
  });
});

describe('emails in plain text', () => {
  const sectionsOf = (text: string): Array<[string, string[]]> =>
    parseTextFile('corpus/thread.txt', text).documents[0]!.sections.map((s) => [s.heading, s.sentences.map((x) => x.text)]);
  const thread = EMAIL_THREAD;

  it('heads each message with its subject and keeps the other header lines, one per line, and the signature as text', () => {
    expect(sectionsOf(thread)).toEqual([
      ['Re: Office move next week', ['From: Lena Ortiz', 'To: Facilities team', 'Thanks, Raj.', 'One more question: can we leave our monitors on the desks?', 'Lena']],
      ['Office move next week', ['From: Raj Mehta', 'We move to the fourth floor on Friday 18 June.', 'Label every crate with your name.']],
    ]);
    // The subject line is cited as the heading's line.
    expect(toPassages(parseTextFile('corpus/thread.txt', thread).documents[0]!, 0).map((p) => [p.section, p.lines])).toEqual([
      ['Re: Office move next week', [1, 7]],
      ['Office move next week', [9, 12]],
    ]);
  });

  it("reads a saved mailbox's message: its \"From \" line and a field indented onto more lines", () => {
    const mbox = ['From rms@example.org Thu Jul 22 20:37:55 1999', 'Received: from arthur', '\tby odin; Thu, 22 Jul 1999', 'From: Richard <rms@example.org>', 'Subject: Use of Readline', '', 'Please add this text.'].join('\n');
    expect(sectionsOf(mbox)).toEqual([
      ['Use of Readline', ['From rms@example.org Thu Jul 22 20:37:55 1999', 'Received: from arthur by odin; Thu, 22 Jul 1999', 'From: Richard <rms@example.org>', 'Please add this text.']],
    ]);
  });

  it.each([
    ['labels without a subject', 'From: the city archive\nTo: 1911\n\nThe records run on.', ['From: the city archive', 'To: 1911', 'The records run on.']],
    ["a certificate's subject", 'Issuer: CN=Dummy Root CA\nSubject: CN=Dummy Root CA\nSubject Public Key Info: rsa\n\nThe key is made up.', ['Issuer: CN=Dummy Root CA', 'Subject: CN=Dummy Root CA', 'Subject Public Key Info: rsa', 'The key is made up.']],
  ])('reads header-like %s as text', (_, text, sentences) => {
    expect(sectionsOf(text)).toEqual([['', sentences]]);
  });
});

describe('a title in a label line at the top of a plain-text file', () => {
  const read = (text: string, meta: { title?: string } = {}): [string, string[]] => {
    const doc = parseTextFile('corpus/thread.txt', text, meta).documents[0]!;
    return [doc.title, doc.sections.flatMap((s) => [...(s.heading === '' ? [] : [`# ${s.heading}`]), ...s.sentences.map((x) => x.text)])];
  };

  it.each([
    [
      "a forum thread's title above its forum",
      'Thread: Starter smells like nail polish remover - is it dead?\nForum: Baking > Bread\n\nMy starter is two weeks old.',
      ['Starter smells like nail polish remover - is it dead?', ['Forum: Baking > Bread', 'My starter is two weeks old.']],
    ],
    [
      "an export's title above its other fields",
      'Title: Resetting your password\nCategory: Accounts\nLast updated: 3 March 2026\n\nTo reset it, open Settings.',
      ['Resetting your password', ['Category: Accounts', 'Last updated: 3 March 2026', 'To reset it, open Settings.']],
    ],
    ['a topic in capitals, alone', 'TOPIC: Parking at the depot\n\nPark in bay 4.', ['Parking at the depot', ['Park in bay 4.']]],
    // A file of nothing else keeps the line as its text too, so that it is not skipped.
    ['the only line of the file', 'Title: Resetting your password', ['Resetting your password', ['Title: Resetting your password']]],
  ])('names the file by %s, and keeps the other lines as text', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['after the first paragraph', 'Some text first.\n\nTitle: Not a title\nCategory: Accounts', ['Thread', ['Some text first.', 'Title: Not a title', 'Category: Accounts']]],
    ['beside a line of prose', 'Title: Resetting your password\nThis line is prose without a label.', ['Thread', ['Title: Resetting your password This line is prose without a label.']]],
    ['when the file has a title already', 'Title: Resetting your password\n\nOpen Settings.', ['Given', ['# Title: Resetting your password', 'Open Settings.']], 'Given'],
  ])('leaves a "Title:" line %s as text', (_, text, expected, title?: string) => {
    expect(read(text, title === undefined ? {} : { title })).toEqual(expected);
  });
});

describe('plain-text headings', () => {
  const sectionsOf = (text: string, title?: string): Array<[string, string[]]> =>
    parseTextFile('corpus/leaflet.txt', text, title === undefined ? {} : { title }).documents[0]!.sections.map((s) => [s.heading, s.sentences.map((x) => x.text)]);

  it('makes a short line on its own, without closing punctuation, the heading of the text after it', () => {
    const text = ['Ibuprofen leaflet', '', '1. What ibuprofen is used for', '', 'It relieves pain.', 'It reduces fever.', '', 'STORAGE', '', 'Store below 25 °C.'].join('\n');
    expect(sectionsOf(text)).toEqual([
      // No text follows the first line before the next heading: it stays a sentence.
      ['', ['Ibuprofen leaflet']],
      ['1. What ibuprofen is used for', ['It relieves pain.', 'It reduces fever.']],
      ['STORAGE', ['Store below 25 °C.']],
    ]);
    // The file's first heading-like line is its title, as a Markdown file's first "#".
    expect(parseTextFile('corpus/leaflet.txt', text).documents[0]!.title).toBe('Ibuprofen leaflet');
    expect(toPassages(parseTextFile('corpus/leaflet.txt', text).documents[0]!, 0).map((p) => [p.section, p.lines])).toEqual([
      ['', [1, 1]],
      ['1. What ibuprofen is used for', [5, 6]],
      ['STORAGE', [10, 10]],
    ]);
  });

  it.each([
    ['a sentence', 'Take it with water.'],
    ['a lead-in', 'You will need:'],
    ['a question', 'Can children take it?'],
    ['a line that starts in lower case', 'npm install citeqa'],
    ['a list item', '- Store below 25 °C'],
    ['a long line', 'Ibuprofen belongs to a group of medicines called non steroidal anti inflammatory drugs'],
    ['an address', 'https://example.org/leaflet'],
    ['a label with a date', 'Last updated: 3 March 2026'],
  ])('keeps %s on its own line a sentence', (_, line) => {
    expect(sectionsOf(`${line}\n\nMore text here.`, 'Leaflet')).toEqual([['', [line, 'More text here.']]]);
  });

  it('keeps a heading-like line a sentence when no text follows it: at the end, or before another heading', () => {
    expect(sectionsOf('Chapter one\n\nIntroduction\n\nIt begins.\n\nThe end', 'Book')).toEqual([
      ['', ['Chapter one']],
      ['Introduction', ['It begins.', 'The end']],
    ]);
    // So does an underlined heading that another heading follows.
    expect(sectionsOf('Part one\n========\nChapter one\n\nIt begins.', 'Book')).toEqual([
      ['', ['Part one']],
      ['Chapter one', ['It begins.']],
    ]);
    // A file of one such line is not skipped: the line is its text (and its title).
    const one = parseTextFile('corpus/note.txt', 'Hello World');
    expect([one.documents[0]!.title, one.documents[0]!.sections]).toEqual(['Hello World', [{ heading: '', sentences: [{ text: 'Hello World', lines: [1, 1], newLine: true }] }]]);
  });

  it('reads an underlined line as a heading, and a line of ----- or ===== elsewhere as a rule', () => {
    const text = ['Warranty', '========', 'Two years from purchase.', 'It covers defects.', '-----', 'Claims', '------', 'Email us.'].join('\n');
    expect(sectionsOf(text)).toEqual([
      ['Warranty', ['Two years from purchase.', 'It covers defects.']],
      ['Claims', ['Email us.']],
    ]);
    expect(parseTextFile('corpus/w.txt', text).documents[0]!.title).toBe('Warranty');
  });

  it('makes each bulleted line a sentence of its own, wrapped lines included', () => {
    const text = ['Who to ask', '', '• IT problems: the IT desk,', '  extension 4400', '– Pay: the HR team', '- Anything else: your buddy', 'Thanks for reading.'].join('\n');
    expect(sectionsOf(text, 'Onboarding')).toEqual([
      ['Who to ask', ['• IT problems: the IT desk, extension 4400', '– Pay: the HR team', '- Anything else: your buddy Thanks for reading.']],
    ]);
  });

  it('makes each "Q:" line of an FAQ the heading of its answer, and drops the answer\'s "A:" label', () => {
    const text = [
      'Frequently asked questions',
      '',
      'Q: When is payday?',
      'A: Salaries are paid on the last business day of each month.',
      '',
      'Q. My laptop was stolen.',
      'Answer: Call the IT desk at once.',
      'A. Smith runs the desk.',
      'Question: Is there a gym subsidy?',
      'Yes, up to $50 a month.',
    ].join('\n');
    expect(sectionsOf(text)).toEqual([
      ['', ['Frequently asked questions']],
      ['Q: When is payday?', ['Salaries are paid on the last business day of each month.']],
      // Only the line right after the question loses its label: "A. Smith" is a name.
      ['Q. My laptop was stolen.', ['Call the IT desk at once.', 'A. Smith runs the desk.']],
      ['Question: Is there a gym subsidy?', ['Yes, up to $50 a month.']],
    ]);
  });

  it('reads plain text laid out as an FAQ without labels the same way, but not a rhetorical question in prose', () => {
    const faq = ['When is payday?', 'Salaries are paid on the last business day.', '', 'Where do I find my W-2?', '', 'In the payroll portal, by January 31.'].join('\n');
    expect(sectionsOf(faq, 'FAQ')).toEqual([
      ['When is payday?', ['Salaries are paid on the last business day.']],
      ['Where do I find my W-2?', ['In the payroll portal, by January 31.']],
    ]);
    const prose = ['Why does this matter?', 'Because every answer is a quote.', '', 'The index ships with the Worker.'].join('\n');
    expect(sectionsOf(prose, 'Essay')).toEqual([['', ['Why does this matter?', 'Because every answer is a quote.', 'The index ships with the Worker.']]]);
  });

  it("keeps a forum's posts under their own lines: a post that ends by asking is no FAQ's question", () => {
    const thread = [
      'Thread: My starter smells of acetone - is it dead?',
      'Forum: Baking',
      '',
      'Reply from oven_mitt on 3 May',
      '',
      'The grey liquid is called hooch. Your starter is alive.',
      '',
      'Reply from crumbqueen on 3 May',
      '',
      'Phew. So what do I do with the hooch? Stir it back in or pour it off?',
      '',
      'Reply from oven_mitt on 4 May',
      '',
      'Pour it off, then feed the starter.',
    ].join('\n');
    expect(sectionsOf(thread, 'Forum thread')).toEqual([
      ['', ['Thread: My starter smells of acetone - is it dead?', 'Forum: Baking']],
      ['Reply from oven_mitt on 3 May', ['The grey liquid is called hooch.', 'Your starter is alive.']],
      ['Reply from crumbqueen on 3 May', ['Phew.', 'So what do I do with the hooch?', 'Stir it back in or pour it off?']],
      ['Reply from oven_mitt on 4 May', ['Pour it off, then feed the starter.']],
    ]);
  });

  it.each([
    ['answers on the same line', '**Q: How do I cancel?** A: Open Billing.'],
    ['runs on to the next line', 'Q: How do I change my bank details if I'],
    ['is no label', 'Quick note: this is not a question?'],
  ])('keeps a "Q:" line that %s in the text', (_, line) => {
    expect(sectionsOf(`${line}\nhave moved.`, 'FAQ')[0]![0]).toBe('');
  });

  it('reads "Q:" lines and questions in emphasis of a Markdown FAQ as headings, without their emphasis', () => {
    const md = parseTextFile(
      'corpus/faq.md',
      '# FAQ\n\n**Q: How do I cancel?**\n**A:** Open Billing.\n\n**How do I change my email?**\n\nGo to Profile.\n\n_Can I pause?_ Yes, from Billing.\n\n' +
        '<details>\n<summary>How do I reset the device?</summary>\n\nHold the power button.\n\n</details>\n\n<details><summary>Details</summary>\n\nShips in 2 days.\n</details>\n\n## Billing\n\nInvoices are monthly.',
    );
    expect(md.documents[0]!.sections.map((s) => [s.heading, s.sentences.map((x) => x.text)])).toEqual([
      ['Q: How do I cancel?', ['Open Billing.']],
      // A question in emphasis that the answer follows on the same line stays text.
      ['How do I change my email?', ['Go to Profile.', '_Can I pause?_', 'Yes, from Billing.']],
      // A <summary> that is a question heads its answer; one that is not stays text.
      ['How do I reset the device?', ['Hold the power button.', 'Details', 'Ships in 2 days.']],
      ['Billing', ['Invoices are monthly.']],
    ]);
  });

  it('makes each line of a list of labels and values a sentence of its own', () => {
    const text = ['Contacts', '', 'HR: hr@example.org, extension 2100', 'IT service desk: help@example.org, extension 4000', 'Payroll: payroll@example.org'].join('\n');
    expect(sectionsOf(text)).toEqual([['Contacts', ['HR: hr@example.org, extension 2100', 'IT service desk: help@example.org, extension 4000', 'Payroll: payroll@example.org']]]);
    // Wrapped text whose first line only has a label stays one paragraph.
    expect(sectionsOf('Note: the office is closed on Friday\nand Monday, so call ahead.', 'Notes')).toEqual([['', ['Note: the office is closed on Friday and Monday, so call ahead.']]]);
    const md = parseTextFile('corpus/spec.md', '# Spec\n\nWeight: 2.4 kg\nBattery life: 12 hours\n\n**Office hours:** Tuesdays 2–4 pm\n**Room**: 314\n');
    expect(md.documents[0]!.sections[0]!.sentences.map((x) => [x.text, x.newLine])).toEqual([
      ['Weight: 2.4 kg', true],
      ['Battery life: 12 hours', true],
      ['**Office hours:** Tuesdays 2–4 pm', true],
      ['**Room**: 314', true],
    ]);
  });

  it("drops a PDF's page numbers and running headers and footers, and reads a sentence cut by a page break as one", () => {
    const page = (n: number, body: string): string => `ACME Corp — Internal\n\n${body}\n\nPage ${n} of 3\n`;
    const text = [
      page(1, 'Bookings made late need approval from your'),
      page(2, 'manager and the finance team.'),
      page(3, 'Hotels are booked by the travel desk.'),
    ].join('\f');
    const parsed = parseTextFile('corpus/travel.txt', text, { title: 'Travel' });
    expect(parsed.documents[0]!.sections.map((x) => x.sentences.map((y) => [y.text, y.lines]))).toEqual([
      [
        ['Bookings made late need approval from your manager and the finance team.', [3, 8]],
        ['Hotels are booked by the travel desk.', [13, 13]],
      ],
    ]);
    expect(parsed.droppedLines).toBe(6);
    // Without form feeds nothing is page furniture: a line that recurs is text.
    expect(sectionsOf(text.replaceAll('\f', ''), 'Travel').flatMap(([heading, sentences]) => [heading, ...sentences]).join(' ')).toContain('Page 1 of 3');
  });

  it('reads a numbered or capitalised line right above its text as its heading, but not an item of a numbered list', () => {
    const text = [
      '2. Booking',
      'All flights and hotels must be booked through the travel portal.',
      '',
      'PURPOSE',
      'This policy explains how employees book business travel.',
      '',
      '1. Open Settings',
      '2. Click Reset and confirm that you want to reset',
      '3. Open the app and sign in with your account',
      '   using single sign-on, then wait for the sync.',
    ].join('\n');
    const sections = sectionsOf(text, 'Policy');
    expect(sections.map(([heading]) => heading)).toEqual(['2. Booking', 'PURPOSE']);
    expect(sections[0]![1]).toEqual(['All flights and hotels must be booked through the travel portal.']);
    expect(sections[1]![1]).toEqual([
      'This policy explains how employees book business travel.',
      '1. Open Settings',
      '2. Click Reset and confirm that you want to reset',
      '3. Open the app and sign in with your account using single sign-on, then wait for the sync.',
    ]);
  });

  it('reads a short line in sentence case right above far longer prose as its heading', () => {
    const text = [
      'Tax rates',
      'The first 20,000 crowns of taxable income are taxed at 10%. Income from 20,001',
      'to 60,000 crowns is taxed at 25%.',
      '',
      'Keeping records',
      'Keep your receipts and invoices for six years, as the tax office may ask for them.',
      '',
      'How to tell if you have one',
      'The model number NL-20 and a batch code are printed on the back of the light.',
    ].join('\n');
    expect(sectionsOf(text, 'Tax').map(([heading, sentences]) => [heading, sentences[0]])).toEqual([
      ['Tax rates', 'The first 20,000 crowns of taxable income are taxed at 10%.'],
      ['Keeping records', 'Keep your receipts and invoices for six years, as the tax office may ask for them.'],
      ['How to tell if you have one', 'The model number NL-20 and a batch code are printed on the back of the light.'],
    ]);
  });

  it.each([
    ['a label', 'Files: debian/*', 'Copyright: 2005-2010 the authors of this package, under the GPL version 2.'],
    ['a line laid out in columns', 'COPYING      - copying conditions', 'DEPENDENCIES - list of prerequisite packages, to be installed before this one'],
    ['a line with a number', 'Matthew Skala 1998', 'Disclaims changes and assigns them to the foundation, as agreed in writing.'],
    ['a line above a line not much longer', 'Books and audiobooks', 'Three weeks each, and DVDs for one week.'],
    ['a line above an indented line', 'Report bugs', '    in the bug tracker, or by email to the maintainers of this package.'],
  ])('does not read %s right above prose as a heading', (_, first, next) => {
    expect(sectionsOf(['Notes', '', first, next].join('\n'), 'Notes').map(([heading]) => heading)).not.toContain(first);
  });

  it("reads a contract's numbered heading above its first numbered clause as the clause's heading", () => {
    const text = ['1. TERM', '1.1 The Lease begins on September 1 and ends on August 31.', '1.2 It may be renewed by written agreement.', '', '2. RENT', '2.1 Monthly rent is $1,850, due on the first day of each month.'].join('\n');
    expect(sectionsOf(text, 'Lease')).toEqual([
      ['1. TERM', ['1.1 The Lease begins on September 1 and ends on August 31.', '1.2 It may be renewed by written agreement.']],
      ['2. RENT', ['2.1 Monthly rent is $1,850, due on the first day of each month.']],
    ]);
    // Each numbered clause starts a line of its own, as a list item does.
    const clauses = parseTextFile('corpus/lease.txt', text).documents[0]!.sections.find((x) => x.heading === '1. TERM')!.sentences;
    expect(clauses.map((x) => [x.text.slice(0, 3), x.newLine === true])).toEqual([['1.1', true], ['1.2', true]]);
    // A clause of another section's number is no part of this heading: "2. RENT" above "3.1 …" stays text.
    expect(sectionsOf(['Terms', '', '2. RENT', '3.1 The deposit is returned within 21 days of moving out.'].join('\n'), 'Lease')[0]![1]).toEqual([
      '2. RENT 3.1 The deposit is returned within 21 days of moving out.',
    ]);
  });

  it('reads a table laid out in columns with spaces as one sentence per row, under the heading line above it', () => {
    const text = [
      'Permit                 Fee        Processing time',
      'Residential parking    $40/year   5 business days',
      'Film shoot             $500/day   15 business days',
      '',
      'Office hours',
      'Monday - Thursday   8:00 - 16:30',
      'Weekends            closed',
      '',
      'Prose with two spaces after a sentence.  It wraps onto',
      'a second line.  And a third.',
    ].join('\n');
    expect(sectionsOf(text, 'Fees')).toEqual([
      ['', ['Permit                 Fee        Processing time', 'Residential parking    $40/year   5 business days', 'Film shoot             $500/day   15 business days']],
      ['Office hours', ['Monday - Thursday   8:00 - 16:30', 'Weekends            closed', 'Prose with two spaces after a sentence.', 'It wraps onto a second line.', 'And a third.']],
    ]);
  });

  it("takes a manual page's header line as its title, without the spaces that lay out its columns", () => {
    const page = parseTextFile('corpus/backupctl.txt', 'BACKUPCTL(1)          User Commands          BACKUPCTL(1)\n\nNAME\n       backupctl - create and restore backups\n');
    expect(page.documents[0]!.title).toBe('BACKUPCTL(1) User Commands BACKUPCTL(1)');
    expect(page.documents[0]!.sections.map((x) => x.heading)).toEqual(['', 'NAME']);
  });

  it("reads a manual page's headings in capitals at the margin above their indented text", () => {
    const text = ['NAME', '       backupctl - create and restore backups', '', 'OPTIONS', '       -q, --quiet', '              Print only errors.', '', 'Notes', '   indented text under a heading not in capitals stays text.'].join('\n');
    expect(sectionsOf(text, 'backupctl')).toEqual([
      ['NAME', ['backupctl - create and restore backups']],
      ['OPTIONS', ['-q, --quiet Print only errors.', 'Notes indented text under a heading not in capitals stays text.']],
    ]);
  });

  it('heads a contract\'s lettered sub-clauses with their clause and makes each one an item, a wrapped one included', () => {
    const text = [
      'TERMS OF HIRE',
      '',
      '1. Deposit',
      '   (a) A deposit of 100 is taken on a card.',
      '   (b) The deposit is released within 3 working days, less any charges under',
      '       clause 4.',
      '',
      '2. Who may hire',
      '   (i) Hirers must be 18 or over',
      '   (ii) Riders under 16 must wear a helmet',
    ].join('\n');
    expect(sectionsOf(text, 'Terms')).toEqual([
      ['', ['TERMS OF HIRE']],
      ['1. Deposit', ['(a) A deposit of 100 is taken on a card.', '(b) The deposit is released within 3 working days, less any charges under clause 4.']],
      ['2. Who may hire', ['(i) Hirers must be 18 or over', '(ii) Riders under 16 must wear a helmet']],
    ]);
    // One "(c)" alone is no list: "(c) 2026 Sunnyside Bikes" stays text.
    expect(sectionsOf('Sunnyside Bikes\n(c) 2026 Sunnyside Bikes Ltd\nAll rights reserved.', 'Terms')).toEqual([['', ['Sunnyside Bikes (c) 2026 Sunnyside Bikes Ltd All rights reserved.']]]);
  });

  it('heads indented prose with a numbered heading at the margin, but not a list item wrapped onto an indented line', () => {
    const text = ['Terms', '', '5. Cancellations', '   Bookings cancelled 48 hours ahead are refunded.', '', '1. Open the lid and', '   remove the filter.'].join('\n');
    expect(sectionsOf(text, 'Terms')).toEqual([
      ['', ['Terms']],
      ['5. Cancellations', ['Bookings cancelled 48 hours ahead are refunded.', '1. Open the lid and remove the filter.']],
    ]);
  });

  it('makes each item of a numbered list a sentence of its own, a wrapped item included, but not prose that opens a line with a number', () => {
    const text = ['To pair the remote:', '1. Hold the button', '2. Wait for the beep', '   and release it.', '', 'Sales grew in', '2019. The next year they fell.', 'Prices rose by', '2.5 percent.'].join('\n');
    expect(sectionsOf(text, 'Remote')).toEqual([
      ['', ['To pair the remote:', '1. Hold the button', '2. Wait for the beep and release it.', 'Sales grew in 2019.', 'The next year they fell.', 'Prices rose by 2.5 percent.']],
    ]);
  });

  it.each([['0 comments'], ['12 out of 15 found this helpful'], ['1,204 views'], ['Updated 3 days ago'], ['Posted a year ago']])(
    'drops the counter line %j as boilerplate, whatever the list says',
    (counter) => {
      const parsed = parseTextFile('corpus/help.txt', `Returns\n\nYou can return items within 30 days.\n\n${counter}\n`, {}, []);
      expect(parsed.documents[0]!.sections.flatMap((x) => x.sentences.map((y) => y.text))).toEqual(['You can return items within 30 days.']);
      expect(parsed.droppedLines).toBe(1);
    },
  );

  it('finds no heading in text without blank lines (the seed article)', () => {
    expect(parseTextFile(SEED_PATH, seedText).documents[0]!.sections.map((s) => s.heading)).toEqual(['']);
  });
});

describe('.jsonl documents', () => {
  const jsonl = [
    '{"id":"a","title":"Alpha","text":"First record. It has two sentences.","url":"https://example.org/a"}',
    '',
    '{"id":"b","title":"Beta","text":"Second record."}',
  ].join('\n');

  it('makes each record a document that cites its own line', () => {
    const p = parseJsonlFile('corpus/set.jsonl', jsonl);
    expect(p.documents.map((d) => [d.id, d.title, d.url])).toEqual([
      ['a', 'Alpha', 'https://example.org/a'],
      ['b', 'Beta', undefined],
    ]);
    expect(toPassages(p.documents[1]!, 1)[0]!.lines).toEqual([3, 3]);
  });

  it("reads a record's text like a plain-text file's: headings and bulleted lines, no front matter or boilerplate", () => {
    const text = ['---', 'Overview', '', 'The app syncs files.', 'advertisement', '', 'Limits', '', '• 5 GB free', '• 2 devices'].join('\n');
    const doc = parseJsonlFile('corpus/kb.jsonl', JSON.stringify({ id: 'kb1', title: 'Sync', text })).documents[0]!;
    expect(doc.sections.map((s) => [s.heading, s.sentences.map((x) => [x.text, x.lines])])).toEqual([
      ['Overview', [['The app syncs files. advertisement', [1, 1]]]],
      ['Limits', [['• 5 GB free', [1, 1]], ['• 2 devices', [1, 1]]]],
    ]);
    expect(doc.title).toBe('Sync');
  });

  it("reads a record's text that opens with an HTML tag (a help centre's export) as a page, never its markup as words", () => {
    const html = [
      '<h2>Returns</h2>',
      '<p>You can return items within <strong>30 days</strong>.</p>',
      '<ul><li>Keep the receipt</li><li>Use the label</li></ul>',
      '<p><a href="/related">Shipping</a> | <a href="/faq">FAQ</a></p>',
      '<script>track()</script>',
    ].join('\n');
    const p = parseJsonlFile('corpus/kb.jsonl', ['{"id":"x","text":"Plain."}', JSON.stringify({ id: 'kb2', text: html })].join('\n'));
    const doc = p.documents[1]!;
    expect(doc.sections.map((s) => [s.heading, s.sentences.map((x) => [x.text, x.lines])])).toEqual([
      ['Returns', [['You can return items within 30 days.', [2, 2]], ['• Keep the receipt', [2, 2]], ['• Use the label', [2, 2]]]],
    ]);
    expect(doc.title).toBe('kb2');
    expect(p.linkLists).toBe(1);
    // Text that only mentions a tag, or starts with another character, stays text.
    const text = parseJsonlFile('corpus/kb.jsonl', JSON.stringify({ id: 'k', text: 'Use <p> for paragraphs.' })).documents[0]!;
    expect(text.sections[0]!.sentences[0]!.text).toBe('Use <p> for paragraphs.');
  });

  it.each([
    ['{"id":"a","text":"x"', 'corpus/set.jsonl:1: not valid JSON'],
    ['[1,2]', 'corpus/set.jsonl:1: expected an object'],
    ['{"title":"x","text":"y"}', 'corpus/set.jsonl:1: "id" must be a non-empty string'],
    ['{"id":"a","text":5}', 'corpus/set.jsonl:1: "text" must be a string'],
    ['{"id":"a","text":"x."}\n{"id":"a","text":"y."}', 'corpus/set.jsonl:2: duplicate id "a" (first used on line 1)'],
  ])('stops the build on %j, naming file and line', (content, message) => {
    expect(() => parseJsonlFile('corpus/set.jsonl', content)).toThrow(message);
  });
});
