import { describe, expect, it } from 'vitest';
import { boldRanges } from '../../src/widget/bold.js';

/** The text as the widget shows it: `**` marks dropped, bold in [brackets]. */
function shown(text: string): string {
  const { marks, inner } = boldRanges(text);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (marks.some(([a, b]) => a <= i && i < b)) continue;
    if (inner.some(([a]) => a === i)) out += '[';
    out += text[i];
    if (inner.some(([, b]) => b === i + 1)) out += ']';
  }
  return out;
}

describe('Markdown bold in a quoted passage', () => {
  it.each([
    ['**The robot does not charge.** Check the dock.', '[The robot does not charge.] Check the dock.'],
    ['Press **Save**, then **Close**.', 'Press [Save], then [Close].'],
    ['**Q: How do I cancel?**\nA: Open Billing.', '[Q: How do I cancel?]\nA: Open Billing.'],
    ['Compute 2**10 or 3**2**x.', 'Compute 2**10 or 3**2**x.'],
    ['Call f(*args, **kwargs) here.', 'Call f(*args, **kwargs) here.'],
    ['Set `**power**` in the config.', 'Set `**power**` in the config.'],
    ['** not bold ** and **unclosed', '** not bold ** and **unclosed'],
    ['A line **across\nlines** stays.', 'A line **across\nlines** stays.'],
  ])('shows %j as %j', (text, expected) => {
    expect(shown(text)).toBe(expected);
  });
});
