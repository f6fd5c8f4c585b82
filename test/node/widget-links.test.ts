import { describe, expect, it } from 'vitest';
import { citationHref, textDirective } from '../../src/widget/links.js';

const decoded = (d: string): string => decodeURIComponent(d.replace(':~:text=', ''));

describe('the link from a citation to the sentence on its page', () => {
  it.each([
    ['a short sentence whole', 'Wi-Fi is free in all rooms.', 'Wi-Fi is free in all rooms.'],
    ['a long sentence by its first and last five words', 'one two three four five six seven eight nine ten eleven', 'one two three four five,seven eight nine ten eleven'],
    ['a list item without its bullet, which the page draws', '- 11 g fine sea salt', '11 g fine sea salt'],
    ['a numbered item without its number', '3. Bulk fermentation takes 4 to 5 hours.', 'Bulk fermentation takes 4 to 5 hours.'],
    ['a lead-in and its items without bullets', 'You need: - a bowl - a banneton - a Dutch oven with a lid', 'You need: a bowl a,Dutch oven with a lid'],
    ['a number inside a sentence as it is', 'Read section 3. It is short.', 'Read section 3. It is short.'],
  ])('names %s', (_, sentence, words) => {
    expect(decoded(textDirective(sentence)).replace(/%2D/g, '-')).toBe(words);
  });

  it('encodes the characters that are syntax in a text directive', () => {
    expect(textDirective('check-in, then pay & go')).toBe(':~:text=check%2Din%2C%20then%20pay%20%26%20go');
  });

  it('links only http(s) documents, and keeps a directive the URL already has', () => {
    expect(citationHref('javascript:alert(1)', 'https://example.org/', 'x')).toBeNull();
    expect(citationHref('https://example.org/a', 'https://example.org/', 'Hello there.')).toBe('https://example.org/a#:~:text=Hello%20there.');
    expect(citationHref('https://example.org/a#:~:text=x', 'https://example.org/', 'Hello.')).toBe('https://example.org/a#:~:text=x');
  });
});
