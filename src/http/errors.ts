import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Stable error codes of the HTTP API. Clients may switch on them; messages
 * are for people and may change.
 */
export type ErrorCode =
  | 'missing_question'
  | 'empty_question'
  | 'question_too_long'
  | 'invalid_question'
  | 'invalid_k'
  | 'repeated_parameter'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'internal_error';

/** An error that becomes `{"error":{"code","message"}}` with its status. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

/** The JSON body of every error response. */
export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}
