/**
 * `npm run build`: reads the corpus, builds the passage index and writes it
 * as a generated module the Worker imports (src/generated/, git-ignored).
 * Corpus folder: $CITEQA_CORPUS_DIR, default `corpus`. Also builds the
 * browser widget (scripts/build-widget.ts).
 */
import { buildWidget } from './build-widget.js';
import { buildIndexModule } from './lib/index-module.js';

export { buildIndexModule, readIndexModule, writeIndexModule, type BuildReport } from './lib/index-module.js';

async function main(): Promise<void> {
  const corpusDir = process.env.CITEQA_CORPUS_DIR ?? 'corpus';
  console.log(await buildIndexModule(corpusDir));
  await buildWidget();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
