import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';

/** Each `$ curl <url>` of the README's examples with the JSON printed under it. */
function curlExamples(text: string): Array<{ url: string; printed: string }> {
  const out: Array<{ url: string; printed: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\$ curl '?([^' ]+)'?$/.exec(lines[i]!);
    if (m === null) continue;
    let printed = '';
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith('$') && !lines[j]!.startsWith('```') && lines[j]!.trim() !== ''; j++) printed += lines[j]! + '\n';
    out.push({ url: m[1]!, printed });
  }
  return out;
}

const EXAMPLES = curlExamples(readme);

describe('the README’s curl examples', () => {
  it('are found (the README shows /ask, an error and /health)', () => {
    expect(EXAMPLES.map((e) => new URL(`http://${e.url}`).pathname)).toEqual(expect.arrayContaining(['/ask', '/health']));
  });

  it.each(EXAMPLES.map((e) => [e.url, e] as const))('answer today what the README prints: %s', async (_, { url, printed }) => {
    const { pathname, search } = new URL(`http://${url}`);
    const res = await SELF.fetch(`https://citeqa.test${pathname}${search}`);
    const body = (await res.json()) as Record<string, unknown>;
    const expected = JSON.parse(printed) as Record<string, unknown>;
    // /health's build time is the build's own; everything else must match byte for byte in value.
    if (typeof body.index === 'object' && body.index !== null && typeof expected.index === 'object' && expected.index !== null) {
      (expected.index as Record<string, unknown>).builtAt = (body.index as Record<string, unknown>).builtAt;
    }
    expect(body).toEqual(expected);
  });
});
