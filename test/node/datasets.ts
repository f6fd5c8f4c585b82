import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The public evaluation sets: `$CITEQA_DATASETS` if set, else
 * `../shared/datasets` beside the repository. Tests that need them skip when
 * the folder is absent.
 */
export const DATASETS_DIR = path.resolve(REPO_ROOT, process.env.CITEQA_DATASETS ?? '../shared/datasets');

/** Whether the Cranfield set is present. */
export const HAS_CRANFIELD =
  existsSync(path.join(DATASETS_DIR, 'cranfield/corpus.jsonl')) &&
  existsSync(path.join(DATASETS_DIR, 'cranfield/questions.jsonl'));

/** Whether the SQuAD v1.1 dev set is present. */
export const HAS_SQUAD =
  existsSync(path.join(DATASETS_DIR, 'squad-v1.1-dev/corpus.jsonl')) &&
  existsSync(path.join(DATASETS_DIR, 'squad-v1.1-dev/questions.jsonl'));
