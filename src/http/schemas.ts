import { z } from '@hono/zod-openapi';
import { RANKING } from '../engine/index.js';
import type { ErrorCode } from './errors.js';

/** Longest accepted question, in characters (Unicode code points). */
export const MAX_QUESTION_CHARS = 500;
/** Answers per question: default and bounds of `k`. */
export const DEFAULT_K = 3;
/** The most answers `/ask` gives: as many as the engine shows a reader (its answers after the first must hold a word of the question). */
export const MAX_K = RANKING.shownAnswers;

// C0/C1 control characters other than tab, line feed and carriage return, and
// U+FFFD, which URL decoding leaves where the bytes were not UTF-8.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

function fail(ctx: z.RefinementCtx, code: ErrorCode, message: string): void {
  ctx.addIssue({ code: 'custom', message, params: { code } });
}

/** `q`: a question in plain language; trimmed, 1..500 characters of text. */
export const QuestionParam = z
  .string()
  .transform((raw, ctx) => {
    const q = raw.trim();
    if (q === '') fail(ctx, 'empty_question', 'The question is empty: ask something in `q`.');
    else if ([...q].length > MAX_QUESTION_CHARS) {
      fail(ctx, 'question_too_long', `The question is longer than ${MAX_QUESTION_CHARS} characters.`);
    } else if (NOT_TEXT.test(q)) {
      fail(ctx, 'invalid_question', 'The question contains control characters or bytes that are not UTF-8 text.');
    }
    return q;
  })
  .openapi({
    param: { name: 'q', in: 'query', required: true },
    description: `The question, 1 to ${MAX_QUESTION_CHARS} characters.`,
    example: 'Who is Alexandr Wang?',
  });

/** `k`: how many answers, an integer 1..10 written in digits. */
export const KParam = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return DEFAULT_K;
    const k = /^[0-9]{1,2}$/.test(raw) ? Number(raw) : NaN;
    if (!(k >= 1 && k <= MAX_K)) {
      fail(ctx, 'invalid_k', `\`k\` must be a whole number from 1 to ${MAX_K}.`);
      return DEFAULT_K;
    }
    return k;
  })
  .openapi({
    param: { name: 'k', in: 'query', required: false },
    description: `How many answers to return at most, 1 to ${MAX_K} (default ${DEFAULT_K}).`,
    example: '3',
  });

export const AskQuery = z.object({ q: QuestionParam, k: KParam });

export const CitationSchema = z
  .object({
    source: z.string().openapi({ example: 'corpus/meta-avocado-scale-ai.txt', description: 'Repo-relative path of the source file.' }),
    title: z.string(),
    passage: z.number().int().openapi({ description: '1-based position of the passage in its document.' }),
    lines: z.tuple([z.number().int(), z.number().int()]).openapi({ description: 'First and last source line, 1-based, inclusive.' }),
    section: z
      .string()
      .optional()
      .openapi({
        example: 'Leave › Sick leave',
        description:
          'The heading the passage sits under (a Markdown, HTML or plain-text one), when it has one other than the title, after the headings above it, joined by " › ".',
      }),
    url: z.string().optional(),
  })
  .openapi('Citation');

export const AnswerSchema = z
  .object({
    text: z.string().openapi({
      description: 'The passage, quoted from the corpus: its sentences joined by a space, or by a line break where a paragraph, list item, table row or line of code begins.',
    }),
    answer: z.string().openapi({ description: 'The sentence of the passage that best answers the question (with the items after it when it is a lead-in such as "You need:", with the sentence before it when it opens by referring back to it: "It is used for …", with the sentence after it when it is a bare "Yes.", with the rest of its paragraph when it opens with a label such as "Check-in:", with the sentence after it when only that one holds what was asked for: "The likely reason is …"); always a substring of `text`.' }),
    answerRange: z
      .tuple([z.number().int(), z.number().int()])
      .openapi({ description: '[start, end) UTF-16 offsets of `answer` in `text` (the same sentence may occur twice in a passage: "Yes.").' }),
    score: z.number(),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .openapi({ description: '[start, end) UTF-16 offsets in `text` of words that match the question.' }),
    citation: CitationSchema,
  })
  .openapi('Answer');

export const AskResponse = z
  .object({
    question: z.string(),
    answers: z.array(AnswerSchema).openapi({ description: 'Best first; empty when the documents hold no good answer.' }),
  })
  .openapi('AskResponse');

export const HealthResponse = z
  .object({
    status: z.literal('ok'),
    documents: z.number().int(),
    passages: z.number().int(),
    index: z.object({ version: z.number().int(), corpusHash: z.string(), builtAt: z.string() }),
  })
  .openapi('Health');

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'empty_question' }),
      message: z.string().openapi({ example: 'The question is empty: ask something in `q`.' }),
    }),
  })
  .openapi('Error');
