/**
 * Where the shared evaluation sets live, and how the bench reads them.
 * `$CITEQA_DATASETS` wins; otherwise the first `shared/datasets` folder found
 * beside the repository or one of its parents (`../shared/datasets` for a
 * clone next to it). Sections that need the sets are skipped when none is found.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findDatasets(repoRoot = process.cwd()): string | undefined {
  const env = process.env.CITEQA_DATASETS;
  if (env !== undefined && env !== '') {
    const dir = path.resolve(repoRoot, env);
    return existsSync(path.join(dir, 'squad-v1.1-dev', 'corpus.jsonl')) ? dir : undefined;
  }
  let dir = path.resolve(repoRoot);
  for (let i = 0; i < 4; i++) {
    const parent = path.dirname(dir);
    const candidate = path.join(parent, 'shared', 'datasets');
    if (existsSync(path.join(candidate, 'squad-v1.1-dev', 'corpus.jsonl'))) return candidate;
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export interface JsonlRecord {
  id: string;
  title?: string;
  text: string;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Every `step`-th question of a questions.jsonl file, in file order (a fixed set). */
export function sampleQuestions(file: string, step: number): string[] {
  return readJsonl<{ question: string }>(file)
    .filter((_, i) => i % step === 0)
    .map((q) => q.question);
}
