/**
 * HTML documents (src/engine/html.ts): read as a reader sees the page, with
 * the page's chrome and hidden text left out, and every sentence citing the
 * source lines it sits on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask, buildIndex, loadEngine, parseCorpusFile, tokenize, type ParsedDocument } from '../../src/engine/index.js';
import { readCorpus } from '../../scripts/lib/corpus-fs.js';
import { readChecked, tempCorpus } from './corpus-helpers.js';

const parse = (html: string, manifest = {}) => parseCorpusFile('corpus/page.html', html, manifest, 'page.html');
const doc = (html: string, manifest = {}): ParsedDocument => {
  const d = parse(html, manifest).documents[0];
  expect(d, 'the page gave no document').toBeDefined();
  return d!;
};
const sentences = (html: string): string[] => doc(html).sections.flatMap((s) => s.sentences.map((x) => x.text));
const sections = (html: string): Array<[string, string[]]> => doc(html).sections.map((s) => [s.heading, s.sentences.map((x) => x.text)]);

describe('the text of an HTML page', () => {
  it.each([
    ['inline elements join the words they split', '<p>The <b>re</b>fund takes <em>three</em> days.</p>', ['The refund takes three days.']],
    ['a line break separates words', '<p>Opening hours<br>Monday to Friday</p>', ['Opening hours Monday to Friday']],
    ['a new source line separates words', '<p>Refunds take\nthree days.</p>', ['Refunds take three days.']],
    ['character references read as characters', '<p>Terms &amp; conditions &mdash; &#8220;final&#x201D; &copy; 2026.</p>', ['Terms & conditions — “final” © 2026.']],
    ['an unknown reference stays as written', '<p>Price &bogus; here.</p>', ['Price &bogus; here.']],
    ['a legacy reference without its semicolon reads as the browser reads it', '<p>&copy 2026 &amp AT&T</p>', ['© 2026 & AT&T']],
    ['white space runs are one space', '<p>Wide     \t  gaps   here.</p>', ['Wide gaps here.']],
    ['blocks are paragraphs of their own', '<div>First block</div><div>Second block</div>', ['First block', 'Second block']],
    ['text around a block is apart from it', 'Before<div>inside</div>after', ['Before', 'inside', 'after']],
    ['a link is its text', '<p>See the <a href="/guide?a=1&amp;b=2">setup guide</a> first.</p>', ['See the setup guide first.']],
    ['an image is not text', '<p>Our logo <img src="l.png" alt="ALTTEXT"> is blue.</p>', ['Our logo is blue.']],
    ['a bulleted item keeps a bullet', '<ul><li>Flour</li><li><p>Salt</p></li></ul>', ['• Flour', '• Salt']],
    ['a numbered item keeps its number', '<ol start="3"><li>Mix</li><li value="7">Bake</li><li>Cool</li></ol>', ['3. Mix', '7. Bake', '8. Cool']],
    ['an item of a nested list is an item of its own', '<ul><li>Outer<ol><li>Inner</li></ol></li><li>Next</li></ul>', ['• Outer', '1. Inner', '• Next']],
    ['a bulleted item nested in another list shows "◦", as a browser draws it', '<ul><li>Outer<ul><li>Inner</li></ul></li><li>Next</li></ul>', ['• Outer', '◦ Inner', '• Next']],
    ['each table row is a sentence, a header row followed by a delimiter row', '<table><tr><th>Plan</th><th>Price</th></tr>\n<tr><th>Pro</th><td>$10</td></tr></table>', ['| Plan | Price |', '| --- | --- |', '| Pro | $10 |']],
    ['a row in <thead> is a header row', '<table><thead><tr><td>Plan</td><td>Price</td></tr></thead><tbody><tr><td>Pro</td><td>$10</td></tr></tbody></table>', ['| Plan | Price |', '| --- | --- |', '| Pro | $10 |']],
    ['cells without a row are paragraphs, their words kept apart', '<table><td>Alpha one</td><td>Beta two</td></table>', ['Alpha one', 'Beta two']],
    ['a cell keeps its blocks as words', '<table><tr><td><p>Two</p><p>words</p></td><td>x</td></tr></table>', ['| Two words | x |']],
    ['each line of preformatted text is a sentence', '<pre><code><span>npm</span> install\n  npm test</code></pre>', ['npm install', 'npm test']],
    ['a comment is not text', '<p>Shown <!-- hidden note --> text.</p>', ['Shown text.']],
    ['a definition is quoted with its term', '<dl><dt>SLA</dt>\n<dd>Service level agreement.</dd><dt>RPO!</dt><dd>Data loss.</dd><dt>Alone</dt></dl>', ['SLA: Service level agreement.', 'RPO!', 'Data loss.', 'Alone']],
    ['a term with two definitions gives the second its own paragraph', '<dl><dt>Tier</dt><dd>Basic.</dd><dd>Pro.</dd></dl><dl><dt>A</dt><dt>B</dt><dd>Both.</dd></dl>', ['Tier: Basic.', 'Pro.', 'A', 'B: Both.']],
    ['an icon alone opens the paragraph after it', '<figure class="callout"><div>💡</div><div>Tell your manager first.</div></figure>', ['💡 Tell your manager first.']],
    ['an icon alone before a heading, a table or the end stays where it is', '<div>★</div><h2>H</h2><p>Text.</p><div>→</div><table><tr><td>x</td></tr></table><div>—</div>', ['★', 'Text.', '→', '| x |', '—']],
    [
      'a code block laid out beside its line numbers (Sphinx, MkDocs) is its lines, without the numbers',
      '<table class="highlighttable"><tr><td class="linenos"><div class="linenodiv"><pre>1\n2</pre></div></td><td class="code"><div class="highlight"><pre>pip install ferry\nferry init</pre></div></td></tr></table>',
      ['pip install ferry', 'ferry init'],
    ],
    ['line numbers inside a code block are no text', '<pre><span class="gutter">1</span>npm test</pre>', ['npm test']],
    ['a counter is boilerplate', '<p>Return within 30 days.</p><p>0 comments</p><div>12 out of 15 found this helpful</div>', ['Return within 30 days.']],
    ['a disclosure whose summary is no question', '<details><summary>Show details</summary><p>Ships in 2 days.</p></details>', ['Show details', 'Ships in 2 days.']],
  ])('%s', (_, html, expected) => {
    expect(sentences(html)).toEqual(expected);
  });

  it('reads an FAQ question in <summary> or <dt> as the heading of its answer', () => {
    const html =
      '<h2>Loans</h2><details><summary>Can I pause?</summary><p>Yes, for up to 3 months.</p></details>' +
      '<dl><dt>Are there late fees?</dt><dd>No fines since 2024.</dd><dt>RPO</dt><dd>Data loss.</dd></dl>';
    expect(sections(html)).toEqual([
      ['Loans › Can I pause?', ['Yes, for up to 3 months.']],
      ['Loans › Are there late fees?', ['No fines since 2024.', 'RPO: Data loss.']],
    ]);
  });

  it('leaves out what a reader never sees', () => {
    const html = `<html><head><title>T</title><style>.a { color: red }</style><script>var SECRET = 1;</script></head>
<body><p>Visible one.</p><script>SCRIPTWORD()</script><noscript>NOSCRIPTWORD</noscript><template><p>TEMPLATEWORD</p></template>
<svg><title>SVGWORD</title><text>SVGTEXT</text></svg><form><button>BUTTONWORD</button><select><option>OPTIONWORD</option></select><textarea>AREAWORD</textarea></form>
<p hidden>HIDDENWORD</p><div aria-hidden="true">ARIAWORD</div><div data-citeqa-ignore><p>IGNOREDWORD</p></div><p>Visible two.</p></body></html>`;
    expect(sentences(html)).toEqual(['Visible one.', 'Visible two.']);
    expect(parse(html).hiddenElements).toBe(3);
  });

  it("reads every tab's panel, hidden ones too, under its tab's name, then goes on under the heading above the tabs", () => {
    const html = `<body><main><h1>Install</h1><h2>Download</h2>
<ul role="tablist"><li role="tab" aria-selected="true">macOS</li><li role="tab">Windows</li></ul>
<div role="tabpanel"><p>Drag the app into Applications.</p></div>
<div role="tabpanel" hidden><p>Run the setup file.</p></div>
<p>Then sign in.</p>
<div role="tablist"><button role="tab" id="t-deb">Debian</button><button role="tab" id="t-rpm">Fedora</button></div>
<section role="tabpanel" aria-labelledby="t-rpm" hidden><p>Run dnf install.</p></section>
<h2>Uninstall</h2><p>Delete the app.</p></main></body>`;
    expect(sections(html)).toEqual([
      ['Download › macOS', ['Drag the app into Applications.']],
      ['Download › Windows', ['Run the setup file.']],
      ['Download', ['Then sign in.']],
      ['Download › Fedora', ['Run dnf install.']],
      ['Uninstall', ['Delete the app.']],
    ]);
    expect(parse(html).hiddenElements).toBe(0);
  });

  it('reads a form that wraps the whole page (as ASP.NET pages do), without its controls', () => {
    expect(sentences('<body><form id="form1" method="post"><input type="hidden" value="x"><h1>Leave</h1><p>Staff get 25 days.</p><button>Save</button></form></body>')).toEqual(['Staff get 25 days.']);
  });

  it('leaves out the page chrome: navigation, and a header, footer or aside outside the content', () => {
    const html = `<body><header><a href="/">Acme</a><nav><a href="/a">Docs</a></nav></header>
<article><header><p>By Ana, 3 March</p></header><p>The article text.</p><aside>A note in the article.</aside><footer>Filed under billing.</footer></article>
<aside>Sidebar links</aside><footer>Copyright Acme</footer></body>`;
    expect(sentences(html)).toEqual(['By Ana, 3 March', 'The article text.', 'A note in the article.', 'Filed under billing.']);
    expect(parse(html).hiddenElements).toBe(3);
  });

  it('leaves out the landmarks of page chrome marked by role', () => {
    const html = `<div role="banner">Acme Docs</div><div class="sidebar" role="navigation"><p>Contents</p></div><div role="search">Search</div>
<div class="body"><p>The text.</p><div role="complementary">Sidebar</div></div><div class="footer" role="contentinfo">Copyright</div>`;
    expect(sentences(html)).toEqual(['The text.']);
    expect(parse(html).hiddenElements).toBe(5);
    expect(sentences('<article><p>Text.</p><div role="complementary">A related note.</div></article>')).toEqual(['Text.', 'A related note.']);
  });

  it('drops a heading\'s own link mark', () => {
    expect(sections('<h1>Install<a class="headerlink" href="#install">¶</a></h1><p>Run it.</p><h2>Linux <a href="#linux">#</a></h2><p>Use apt.</p><h2>macOS<a href="#m">\u200b</a></h2><p>Use brew.</p>')).toEqual([
      ['Install', ['Run it.']],
      ['Linux', ['Use apt.']],
      ['macOS', ['Use brew.']],
    ]);
  });

  it('leaves out a breadcrumb trail and documentation-site furniture', () => {
    const html = `<ol id="breadcrumbs"><li><a href="/">Engineering</a></li><li><a href="/h">Handbook</a></li></ol>
<div class="breadcrumbs-wrap"><a href="/">Home</a> / Guide</div><p>Pages go to the on-call phone.</p><p><a href="https://example.org/edit">Edit this page</a></p>`;
    expect(sentences(html)).toEqual(['Pages go to the on-call phone.']);
    expect(parse(html).hiddenElements).toBe(2);
    expect(parse(html).droppedLines).toBe(1);
  });

  it('leaves out lists of links only: a table of contents, related pages, an index', () => {
    const html = `<h1>Billing FAQ</h1><ul class="toc"><li><a href="#pay">How do I pay?</a><ul><li><a href="#card"><span>1.1</span> By card</a></li></ul></li>
<li><a href="#refund">Can I get a refund?</a></li></ul><p>Answers to billing questions.</p>
<ul><li><a href="#pay">Jump</a> to payment.</li><li>Or read on.</li></ul><h2>Related articles</h2><ul><li><a href="/cards">Paying by card</a></li><li><a href="/bank">Bank transfers</a></li></ul>
<p>More text.</p><ul><li><a href="#only">A single link</a></li></ul><ul><li><a>Not a link</a></li><li><a>Nor this</a></li></ul>`;
    expect(sentences(html)).toEqual(['Answers to billing questions.', '• Jump to payment.', '• Or read on.', 'More text.', '• A single link', '• Not a link', '• Nor this']);
    expect(parse(html)).toMatchObject({ hiddenElements: 0, linkLists: 2 });
  });

  it('leaves out a news page\'s furniture: consent and paywall dialogs, and lines of links only', () => {
    const html = `<div role="dialog" aria-label="Cookies"><p>We use cookies.</p></div><div class="top"><a href="/s">Subscribe for $1</a> | <a href="/l">Log in</a></div>
<h1>Council approves bike lanes</h1><div class="share"><a href="#">Share</a><a href="#">Tweet</a></div><p>The council voted 7–2 on <a href="/tue">Tuesday</a>.</p>
<dialog id="paywall"><p>You have read all your free articles.</p></dialog><dialog open><p>An open dialog is shown.</p></dialog><p><a href="/more">Read the full report</a></p>`;
    expect(sentences(html)).toEqual(['The council voted 7–2 on Tuesday.', 'An open dialog is shown.']);
    expect(parse(html)).toMatchObject({ hiddenElements: 1, linkLists: 3 });
  });

  it('reads only the main content when the page marks it', () => {
    const html = `<body><div class="menu">Home Docs Pricing</div><main><h1>Billing</h1><p>Invoices are sent monthly.</p><nav>On this page</nav></main>
<div>Footer text</div></body>`;
    expect(sections(html)).toEqual([['Billing', ['Invoices are sent monthly.']]]);
    expect(sections('<div>Chrome</div><div role="main"><p>Content only.</p></div>')).toEqual([['', ['Content only.']]]);
    // A <main> that only invisible or hidden content holds marks nothing: the body is read.
    expect(sentences('<template><main><p>Template.</p></main></template><p>Body text.</p>')).toEqual(['Body text.']);
    expect(sentences('<div hidden><main><p>Hidden.</p></main></div><p>Body text.</p>')).toEqual(['Body text.']);
  });

  it('heads each section with its heading, under the headings above it but not the title', () => {
    expect(sections('<h1>Guide</h1><p>Intro.</p><h2>Install <small>v2</small></h2><p>Run it.</p><h3>Linux</h3><p>Use apt.</p><h2>Use</h2><p>Ask.</p>')).toEqual([
      ['Guide', ['Intro.']],
      ['Install v2', ['Run it.']],
      ['Install v2 › Linux', ['Use apt.']],
      ['Use', ['Ask.']],
    ]);
  });

  it('takes the title from the manifest, else the page\'s one h1, else <title>, else the file name', () => {
    const page = '<head><title>Refunds | Acme Help</title></head><body><h1>Refunds</h1><p>Text.</p></body>';
    expect(doc(page, { documents: { 'page.html': { title: 'From the manifest' } } }).title).toBe('From the manifest');
    expect(doc(page).title).toBe('Refunds');
    // A document exported with several h1 (a word processor's sections) is named by its <title>, else its first h1.
    const sectioned = '<h1>1. Scope</h1><p>All staff.</p><h1>2. Meals</h1><p>Up to £45.</p>';
    expect(doc(`<head><title>Expense policy</title></head>${sectioned}`).title).toBe('Expense policy');
    expect(doc(sectioned).title).toBe('1. Scope');
    expect(doc('<head><title>Refunds &amp; returns | Acme</title></head><p>Text.</p>').title).toBe('Refunds & returns | Acme');
    expect(doc('<p>Text.</p>').title).toBe('Page');
  });

  it('takes the URL from the manifest, else the canonical link, else og:url (absolute http(s) only)', () => {
    const head = (tags: string) => `<head>${tags}</head><p>Text.</p>`;
    const canonical = '<link rel="canonical" href="https://help.example.org/refunds?a=1&amp;b=2">';
    expect(doc(head(canonical), { documents: { 'page.html': { url: 'https://example.org/x' } } }).url).toBe('https://example.org/x');
    expect(doc(head(canonical)).url).toBe('https://help.example.org/refunds?a=1&b=2');
    expect(doc(head('<meta property="og:url" content="https://example.org/og">')).url).toBe('https://example.org/og');
    expect(doc(head('<link rel="canonical" href="/relative">')).url).toBeUndefined();
    expect(doc(head('<link rel="canonical" href="javascript:alert(1)">')).url).toBeUndefined();
  });

  it('cites the source lines each sentence sits on', () => {
    const html = ['<html>', '<body>', '<h1>Leave</h1>', '<p>Staff get 25 days', 'of paid leave.', 'Unused days', 'expire in March.</p>', '<table>', '<tr><td>Sick</td>', '<td>10 days</td></tr>', '</table>', '</body>'].join('\n');
    expect(doc(html).sections[0]!.sentences.map((s) => [s.text, s.lines])).toEqual([
      ['Staff get 25 days of paid leave.', [4, 5]],
      ['Unused days expire in March.', [6, 7]],
      ['| Sick | 10 days |', [9, 10]],
    ]);
  });

  it('drops boilerplate paragraphs and counts them', () => {
    const parsed = parse('<p>Advertisement</p><p>Real text.</p><div>Share this article</div>');
    expect(parsed.documents[0]!.sections[0]!.sentences.map((s) => s.text)).toEqual(['Real text.']);
    expect(parsed.droppedLines).toBe(2);
  });

  it('skips a page with no visible text, saying why', () => {
    for (const html of ['', '<html><head><title>Only a title</title></head><body></body></html>', '<body><nav>Menu</nav><script>x()</script></body>']) {
      const parsed = parse(html);
      expect(parsed.documents).toEqual([]);
      expect(parsed.warnings).toEqual(['corpus/page.html: skipped, no text found (the page is empty, hidden or only boilerplate)']);
    }
  });

  it('warns when a comment that is never closed hides the rest of the page', () => {
    const parsed = parse('<p>Shown.</p>\n<!-- draft\n<p>Never shown.</p>\n');
    expect(parsed.documents[0]!.sections[0]!.sentences.map((s) => s.text)).toEqual(['Shown.']);
    expect(parsed.warnings).toEqual(['corpus/page.html:2: an HTML comment opened here is never closed, so the rest of the file (3 lines) is hidden and not indexed']);
  });

  it('keeps the text of malformed markup', () => {
    expect(sentences('<p>One <b>bold <i>mixed</b> up</i> text.<p>Two</div></span> stray<li>Three')).toEqual(['One bold mixed up text.', 'Two stray', '• Three']);
  });

  it('reads a page nested 20,000 elements deep', () => {
    expect(sentences('<div>'.repeat(20_000) + '<p>Deep text.</p>' + '</div>'.repeat(20_000))).toEqual(['Deep text.']);
  });

  it.each([
    ['a 100,000-character paragraph', '<p>' + 'Word after word. '.repeat(6_000) + '</p>', 6_000],
    ['5,000 list items', '<li>item '.repeat(5_000), 5_000],
    ['200,000 characters of "<"', '<p>' + '<'.repeat(200_000) + ' end.</p>', 1],
    ['200,000 characters of "&#"', '<p>' + '&#'.repeat(100_000) + ' end.</p>', 1],
    ['200,000 characters of unclosed tags', '<p>x ' + '<a '.repeat(66_000) + '</p>', 1],
    ['5,000 tabs and their 5,000 hidden panels', '<div role="tablist">' + '<button role="tab">Tab</button>'.repeat(5_000) + '</div>' + '<div role="tabpanel" hidden><p>Panel text.</p></div>'.repeat(5_000), 5_000],
  ])('reads %s in linear time', (_, html, count) => {
    expect(parse(html).documents[0]?.sections.flatMap((s) => s.sentences) ?? []).toHaveLength(count);
  });
});

// Random pages: blocks of words (some split by inline tags or line breaks,
// some written as character references) with hidden elements and chrome
// between them. Every visible word is read once, in order, and no hidden one.
const WORD = fc.constantFrom('refund', 'Acme', 'days', '30', 'naïve', 'U.S.', 'e.g.', 'why?', 'end.', '北京', '🙂', '$14', 'x-y', 'Q:');
const ENTITY_WORD = fc.constantFrom(['&amp;', '&'], ['&eacute;t&eacute;', 'été'], ['&#8212;', '—'], ['A&#x26;B', 'A&B']);
const PIECE = fc.oneof(
  { weight: 6, arbitrary: WORD.map((w) => [w, w] as const) },
  { weight: 1, arbitrary: ENTITY_WORD.map(([h, t]) => [h, t] as const) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('b', 'em', 'a', 'span', 'code'), WORD).map(([tag, w]) => [`<${tag}>${w}</${tag}>`, w] as const) },
);
const SEPARATOR = fc.constantFrom(' ', '\n', ' <br>', '\n  ', '\t');
const WORDS = fc.array(fc.tuple(PIECE, SEPARATOR), { minLength: 1, maxLength: 12 }).map((ps) => ({
  html: ps.map(([[h], sep], i) => (i === 0 ? h : sep + h)).join(''),
  text: ps.map(([[, t]]) => t),
}));
const HIDDEN = fc.constantFrom('<script>HIDDENWORD()</script>', '<nav>HIDDENWORD</nav>', '<p hidden>HIDDENWORD</p>', '<style>p{}</style>', '<!-- HIDDENWORD -->');
const BLOCK = fc.oneof(
  WORDS.map((w) => ({ html: `<p>${w.html}</p>`, text: w.text })),
  WORDS.map((w) => ({ html: `<div>${w.html}</div>`, text: w.text })),
  fc.array(WORDS, { minLength: 1, maxLength: 3 }).map((items) => ({ html: `<ul>${items.map((w) => `<li>${w.html}</li>`).join('\n')}</ul>`, text: items.flatMap((w) => ['•', ...w.text]) })),
  fc.tuple(WORDS, WORDS).map(([a, b]) => ({ html: `<table><tr><td>${a.html}</td>\n<td>${b.html}</td></tr></table>`, text: ['|', ...a.text, '|', ...b.text, '|'] })),
  HIDDEN.map((html) => ({ html, text: [] as string[] })),
);
const SECTION = fc.tuple(fc.option(WORDS, { nil: undefined }), fc.array(BLOCK, { minLength: 1, maxLength: 4 }));
const PAGE = fc.array(SECTION, { minLength: 1, maxLength: 4 });

describe('random HTML pages', () => {
  it('read every visible word once, in order, and no hidden one', () => {
    fc.assert(
      fc.property(PAGE, fc.boolean(), (page, crlf) => {
        const body = page.map(([h, blocks]) => (h === undefined ? '' : `<h2>${h.html}</h2>\n`) + blocks.map((b) => b.html).join('\n')).join('\n');
        const html = `<!DOCTYPE html><html><head><title>T</title></head><body>\n${body}\n</body></html>`.replace(/\n/g, crlf ? '\r\n' : '\n');
        // A heading heads the text after it up to the next heading; one with none heads nothing.
        let heading: string[] | undefined;
        const expected = page.flatMap(([h, blocks]) => {
          if (h !== undefined) heading = h.text;
          const text = blocks.flatMap((b) => b.text);
          if (text.length === 0) return [];
          const out = [...(heading ?? []), ...text];
          heading = undefined;
          return out;
        });
        const parsed = parse(html);
        if (expected.length === 0) {
          expect(parsed.documents).toEqual([]);
          return;
        }
        const read = parsed.documents[0]!.sections.flatMap((s) => [...(s.heading === '' ? [] : [s.heading]), ...s.sentences.map((x) => x.text)]);
        expect(read.join(' ').split(/\s+/)).toEqual(expected.join(' ').split(/\s+/));
        expect(read.join(' ')).not.toContain('HIDDENWORD');
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('arbitrary markup', () => {
  // Tag soup from HTML's own pieces: any order, unclosed, misnested, half-written.
  const PIECE_OF_MARKUP = fc.constantFrom(
    '<p>', '</p>', '<li>', '<ul>', '</ul>', '<ol start=3>', '<table>', '<tr>', '<td>', '<th>', '</tr>', '<thead>', '<pre>', '</pre>',
    '<h1>', '</h1>', '<h2>', '<main>', '</main>', '<nav>', '</nav>', '<div hidden>', '</div>', '<script>', '</script>', '<!--', '-->',
    '<a href="#x">', '</a>', '<br>', '&amp;', '&#', '&copy', ';', '<', '>', '"', '=', ' ', '\n', '\r\n', 'word', 'End.', '¶', '🙂', '|',
  );
  it('never throws, and gives trimmed sentences citing lines of the page', () => {
    fc.assert(
      fc.property(fc.array(PIECE_OF_MARKUP, { maxLength: 60 }), (pieces) => {
        const html = pieces.join('');
        const lines = html.split(/\r\n|\n|\r/).length;
        for (const d of parse(html).documents) {
          for (const s of d.sections.flatMap((x) => x.sentences)) {
            expect(s.text).not.toBe('');
            expect(s.text).toBe(s.text.trim());
            expect(1 <= s.lines[0] && s.lines[0] <= s.lines[1] && s.lines[1] <= lines, JSON.stringify({ html, s })).toBe(true);
          }
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});

describe('an HTML page in a legacy encoding', () => {
  const latin = (s: string): Uint8Array => Uint8Array.from(s, (c) => ({ '£': 0xa3, '“': 0x93, '”': 0x94, 'é': 0xe9 })[c] ?? c.charCodeAt(0));

  it('is read in the encoding it declares', async () => {
    const read = await readChecked('corpus', {
      cwd: tempCorpus({
        'policy.htm': latin('<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head><body><p>Meals up to £45 a day, “itemised” receipts.</p></body></html>'),
        'old.html': latin('<meta charset="ISO-8859-1"><p>Café opening hours.</p>'),
        'dash.html': Uint8Array.from([...[...'<meta charset=cp1252><p>Fees '].map((c) => c.charCodeAt(0)), 0x80, 0x35, 0x20, 0x97, 0x20, 0x99, 0x2e]),
      }),
    });
    expect(read.documents.map((d) => d.sections[0]!.sentences[0]!.text)).toEqual(['Fees €5 — ™.', 'Café opening hours.', 'Meals up to £45 a day, “itemised” receipts.']);
    expect(read.warnings).toEqual([]);
  });

  it('is skipped, saying why, when it declares none or one the platform lacks, and so is a text file', async () => {
    const read = await readCorpus('corpus', {
      cwd: tempCorpus({ 'good.txt': 'Good.', 'none.html': latin('<p>Café.</p>'), 'odd.html': latin('<meta charset="x-made-up"><p>Café.</p>'), 'notes.txt': latin('charset=windows-1252 Café.') }),
    });
    expect(read.warnings).toEqual([
      'corpus/none.html:1: skipped, not valid UTF-8 (byte 0xe9 at offset 6)',
      'corpus/notes.txt:1: skipped, not valid UTF-8 (byte 0xe9 at offset 24)',
      'corpus/odd.html:1: skipped, not valid UTF-8 (byte 0xe9 at offset 32)',
    ]);
  });
});

describe('a corpus published at a base URL', () => {
  it('cites each file without a URL of its own at the base URL plus its path', async () => {
    const read = await readChecked('corpus', {
      cwd: tempCorpus({
        'manifest.json': JSON.stringify({ baseUrl: 'https://docs.example.org/v2', documents: { 'set.md': { url: 'https://example.org/set' } } }),
        'guide/index.html': '<p>The guide starts here.</p>',
        'guide/first steps.html': '<p>Install it first.</p>',
        'notes.txt': 'Plain notes.',
        'own.html': '<head><link rel="canonical" href="https://example.org/own"></head><p>Has its own.</p>',
        'front.md': '---\nurl: https://example.org/front\n---\nFront matter.',
        'set.md': 'Set in the manifest.',
        'records.jsonl': '{"id":"r1","text":"A record."}',
      }),
    });
    expect(Object.fromEntries(read.documents.map((d) => [d.id, d.url]))).toEqual({
      'corpus/front.md': 'https://example.org/front',
      'corpus/guide/first steps.html': 'https://docs.example.org/v2/guide/first%20steps.html',
      'corpus/guide/index.html': 'https://docs.example.org/v2/guide/',
      'corpus/notes.txt': 'https://docs.example.org/v2/notes.txt',
      'corpus/own.html': 'https://example.org/own',
      'corpus/set.md': 'https://example.org/set',
      r1: undefined,
    });
  });
});

describe('an HTML corpus, end to end', () => {
  it('is read from disk, indexed and answers with the lines of the page', async () => {
    const page = [
      '<!DOCTYPE html>',
      '<html><head><title>Returns | Acme</title><link rel="canonical" href="https://help.example.org/returns"></head>',
      '<body><nav><a href="/">Home</a></nav>',
      '<main>',
      '<h1>Returns and refunds</h1>',
      '<p>You can return most items within 30 days of delivery.</p>',
      '<h2>Refund times</h2>',
      '<table><tr><th>Method</th><th>Time</th></tr>',
      '<tr><td>PayPal</td><td>24 hours</td></tr></table>',
      '</main></body></html>',
    ].join('\n');
    const read = await readChecked('corpus', {
      cwd: tempCorpus({ 'help/returns.html': page, 'notes.htm': '<p>Warehouse closes at 6 pm on Fridays.</p>' }),
    });
    expect(read.files).toBe(2);
    expect(read.hiddenElements).toBe(0); // the nav is outside <main>: not counted, only never read
    const engine = loadEngine(buildIndex(read.documents, { corpusHash: read.corpusHash }));
    const [first] = ask(engine, 'How long does a PayPal refund take?', 1).answers;
    expect(first!.answer).toBe('| PayPal | 24 hours |');
    // The header row is never the answer, even where the heading holds the question's words and no row does.
    expect(ask(engine, 'What are the refund times?', 1).answers[0]!.answer).toBe('| PayPal | 24 hours |');
    expect(first!.citation).toMatchObject({ source: 'corpus/help/returns.html', title: 'Returns and refunds', section: 'Refund times', url: 'https://help.example.org/returns', lines: [8, 9] });
    expect(tokenize(ask(engine, 'When does the warehouse close on Friday?', 1).answers[0]!.answer).map((t) => t.word)).toContain('6');
  });
});
