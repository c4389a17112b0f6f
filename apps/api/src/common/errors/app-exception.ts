import { HttpException } from '@nestjs/common';
import type { ErrorCode, FieldError, PublishProblem } from '@dari/contracts';

/**
 * The one exception Dari's services throw for a person's mistake or a refusal. It carries a stable
 * `code` (the web app translates by code) and a plain English message; the filter turns it into
 * the one error shape.
 */
export class AppException extends HttpException {
  /** Why a course cannot be published yet (publish_blocked). */
  problems?: PublishProblem[];
  /** A free address name to offer instead (slug_taken). */
  suggestedSlug?: string;

  constructor(
    status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly retryAfter?: number,
  ) {
    super(message, status);
  }

  static notFound(what = 'resource'): AppException {
    // The same answer for "missing" and "not yours": no id oracle.
    return new AppException(404, 'not_found', `No such ${what}.`);
  }

  static forbidden(message = 'You are not allowed to do this.'): AppException {
    return new AppException(403, 'forbidden', message);
  }

  static unauthenticated(): AppException {
    return new AppException(401, 'unauthenticated', 'Please sign in.');
  }

  static validation(fields: FieldError[]): AppException {
    const first = fields.at(0);
    const message = first ? `${first.path}: ${first.message}` : 'The request is not valid.';
    return new AppException(400, 'validation_failed', message, fields);
  }
}
