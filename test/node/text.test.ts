import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, isQuestion, queryTerms, term, tokenize, words } from '../../src/engine/index.js';
import { referenceTokens } from './reference-words.js';

describe('query processing', () => {
  it.each([
    ['Who is Alexandr Wang?', ['alexandr', 'wang']],
    ['WHO IS ALEXANDR WANG', ['alexandr', 'wang']],
    ['What did “Avocado,” do?', ['avocado']],
    ['Which models were released?', ['model', 'releas']],
    ['How much is the café’s naïve résumé?', ['cafe', 'naiv', 'resum']],
    ['$14 billion in June 2025', ['14', 'billion', 'june', '2025']],
    ['What changed in v4.2.0 and section 3.2?', ['chang', '4.2.0', 'section', '3.2']],
    ['It cost $14.5 billion in 2015.', ['cost', '14.5', 'billion', '2015']],
    ['What happened on 29.11.2026?', ['happen', '29.11', '2026']],
    ['What is it?', []],
    ['How do I contact IT?', ['contact', 'IT']],
    ['Do US employees get July 4?', ['US', 'employe', 'get', 'juli', '4']],
    ['Who runs the U.S. Army?', ['run', 'US', 'armi']],
    ['What did the U.K. and the W.H.O. say?', ['uk', 'WHO']],
    ['Is it open at 9 A.M. or 9 AM?', ['open', '9', 'AM']],
    ['CONTACT US', ['contact']],
    ['WHAT IS IT FOR', []],
    ['Do NOT share it with us', ['share']],
    ['i.e. and e.g. stay letters', ['stai', 'letter']],
    ['Which bin goes where, and where did it go?', ['bin', 'go']],
    ['What does --all do, and `--out`?', ['--all', '--out']],
    ['Is --all→ supported?', ['--all', 'support']],
    ['What is the e-mail of the X-ray desk?', ['email', 'xrai', 'desk']],
    ['How much is an ebike or an E-Bike?', ['ebik']],
    ['Plot x-y, then A-1 and a-b-c.', ['plot', '1']],
    ['An a-bc\u{1E023} is no e-mail', ['bc', 'email']],
    ['Is --no-cache like --output?', ['--no', 'cach', 'output']],
    ['The war--which was over--ended.', ['war', 'end']],
    ['You are covered as long as you pay. As  long as it lasts', ['cover', 'pai', 'last']],
    ['How long is the long walk, as long as a mile? Alias long as', ['long', 'walk', 'mile', 'alias']],
    ['', []],
  ])('turns %j into the terms %j', (question, expected) => {
    expect(queryTerms(question)).toEqual(expected);
  });

  it('drops stop words and question words', () => {
    for (const w of ['what', 'which', 'who', 'whom', 'how', 'did', 'does', 'the', 'of', 'is']) expect(term(w)).toBeNull();
  });

  it('stems index words and query words identically', () => {
    const indexed = words('Meta’s models developed under Wang').map(term);
    const asked = queryTerms('model developing meta wang');
    for (const t of asked) expect(indexed).toContain(t);
  });

  it.each([
    ['The 401(k) plan', ['the', '401k', 'plan']],
    ['a 403(B) account', ['a', '403b', 'account']],
    ['Section 2(a)(ii) and 501(c)(3)', ['section', '2a', 'ii', 'and', '501c', '3']],
    ['f(x) and 7(2) and 4.2(a) and 12 (b)', ['f', 'x', 'and', '7', '2', 'and', '4.2', 'a', 'and', '12', 'b']],
  ])('reads a number with one letter in brackets as one word: %j', (text, expected) => {
    expect(tokenize(text).map((t) => t.word)).toEqual(expected);
  });

  it.each([
    ['Call shipments.buyLabel(id)', ['call', 'shipments', 'buy', 'label', 'id']],
    ['set maxRetries or base64Encode', ['set', 'max', 'retries', 'or', 'base64', 'encode']],
    ['getHttpResponse or getHTTPResponse', ['get', 'http', 'response', 'or', 'gethttpresponse']],
    ['cpDNA, kPa, pH, iTunes, mRNAs, ParcellyError', ['cpdna', 'kpa', 'ph', 'itunes', 'mrnas', 'parcellyerror']],
  ])('reads an identifier in camel case as the words it joins: %j', (text, expected) => {
    expect(tokenize(text).map((t) => t.word)).toEqual(expected);
  });

  it.each([
    ['5km or 5 km', ['5', 'km', 'or', '5', 'km']],
    ['12.5kg and 3GB', ['12.5', 'kg', 'and', '3', 'gb']],
    ['open until 11pm, from 7AM', ['open', 'until', '11', 'from', '7']],
    ['a 24h line, 30min slots', ['a', '24', 'h', 'line', '30', 'min', 'slots']],
    ['5G, 4K, 1080p, the 1990s, the 2nd, 4x4, 1.5m', ['5g', '4k', '1080p', 'the', '1990s', 'the', '2nd', '4x4', '1.5m']],
  ])('reads a number with its unit run on as the number and the unit: %j', (text, expected) => {
    expect(tokenize(text).map((t) => t.word)).toEqual(expected);
  });

  it('folds case and diacritics', () => {
    expect(fold('Ångström')).toBe('angstrom');
    expect(fold('ﬁne')).toBe('fine');
  });

  it.each([
    ['Bolesław', 'boleslaw'],
    ['ŁÓDŹ', 'lodz'],
    ['Ørsted', 'orsted'],
    ['Straße', 'strasse'],
    ['Æsir', 'aesir'],
    ['Cœur', 'coeur'],
    ['Þór', 'thor'],
    ['Đuka', 'duka'],
    ['Davíð', 'david'],
    ['Kırıkkale', 'kirikkale'],
  ])('folds %s, whose letter Unicode does not decompose, as a reader types it: %s', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });

  it('reports token offsets that point at the words in the original text', () => {
    const text = '“Avocado” — Meta’s naïve model, 2026.';
    for (const t of tokenize(text)) expect(fold(text.slice(t.start, t.end))).toBe(t.word);
    expect(tokenize(text).map((t) => t.word)).toEqual(['avocado', 'meta', 's', 'naive', 'model', '2026']);
  });

  it('finds exactly the words of the Unicode word pattern, with their offsets, in any text', () => {
    const reference = (s: string) => referenceTokens(s).map((t) => [t.start, t.end, t.word]);
    const pieces = fc.constantFrom('a', 'Z', '7', ' ', '.', '-', '--', 'all', 'out', 'e-', 'mail', 'X-ray', 'x-', '→', 'v', 'V', '4.2', '2026', '123', '(', ')', '(k)', '(B)', 'buyLabel', 'max2Retries', 'cpDNA', 'km', 'PM', 'h', 'Gb', 'kgé', 'Ab', 'é', 'e\u0301', 'ª', 'µ', '²', '½', '\u00a0', '«', '·', '×', '–', '—', '’', '“', '\u200b', '\u200d', '\u2070', 'Ω', '中', '\u0301', '😀', 'as', 'AS', 'long', 'Along', 'as long as', 'As long as', 'long as', 'as long');
    const texts = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(
      fc.property(texts, (s) => {
        expect(tokenize(s).map((t) => [t.start, t.end, t.word])).toEqual(reference(s));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('never throws and never yields empty terms, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        for (const t of queryTerms(s)) expect(t.length).toBeGreaterThan(0);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('isQuestion', () => {
  it.each([
    ['Can I pay by card?', true],
    ['**Can I pay by card?**', true],
    ['Can I pay by card? \u00a0\u2003', true],
    ['_Why?_\n', true],
    ['Q: My laptop was stolen.', true],
    ['**Question:** is it free', true],
    ['Yes, by card.', false],
    ['Why? Because.', false],
    ['?', true],
    ['', false],
  ])('reads %j as a question: %s', (sentence, expected) => {
    expect(isQuestion(sentence)).toBe(expected);
  });

  it('ends a sentence where the trailing-marks pattern does, for any white space JavaScript knows', () => {
    const reference = (s: string): boolean => s.replace(/[\s*_]+$/, '').endsWith('?') || /^[\s*_]*(?:q|question)[*_]*\s*:/i.test(s);
    const unit = fc.constantFrom(...'a?.*_ \t\n\r\v\f\u00a0\u1680\u2000\u2005\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u0085Q:'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
        expect(isQuestion(s)).toBe(reference(s));
      }),
      { numRuns: 20000 },
    );
  });
});
