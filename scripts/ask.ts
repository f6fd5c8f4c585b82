/**
 * `npm run ask -- "<question>" [-k N] [--json]`: answers from the built index
 * (src/generated/, made by `npm run build`) through the same `ask()` that
 * serves `GET /ask`, and prints each passage with its citation.
 */
import { parseArgs } from 'node:util';
import { ask, loadEngine } from '../src/engine/index.js';
import { readIndexModule } from './lib/index-module.js';

const USAGE = 'usage: npm run ask -- "<question>" [-k 1..10] [--json]';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { k: { type: 'string', short: 'k', default: '3' }, json: { type: 'boolean', default: false } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const question = parsed.positionals.join(' ').trim();
  const k = Number(parsed.values.k);
  if (question === '' || !Number.isInteger(k) || k < 1 || k > 10) {
    console.error(USAGE);
    return 2;
  }
  const result = ask(loadEngine(readIndexModule()), question, k);
  if (parsed.values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  if (result.answers.length === 0) {
    console.log('No answer in these documents.');
    return 0;
  }
  // A passage keeps its line breaks (paragraphs, list items, table rows): indent each line.
  const indented = (s: string): string => s.replace(/\n/g, '\n   ');
  result.answers.forEach((a, i) => {
    const c = a.citation;
    console.log(`\n${i + 1}. ${indented(a.answer)}`);
    console.log(`   — ${c.title}, passage ${c.passage}, ${c.source} lines ${c.lines[0]}–${c.lines[1]}${c.url ? ` <${c.url}>` : ''} (score ${a.score})`);
    console.log(`   ${indented(a.text)}`);
  });
  return 0;
}

// Piped into `head`, stop quietly when the reader goes away.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = main();
