import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { FieldError } from '@dari/contracts';
import type { ZodError, ZodType } from 'zod';
import { AppException } from '../errors/app-exception.js';

interface ZodDtoClass {
  isZodDto?: boolean;
  schema?: ZodType;
}

const LOCATION: Record<string, string> = { body: 'body', query: 'query', param: 'params' };

/** Turns zod issues into readable field errors, e.g. `body.username: must be at least 3 characters`. */
export function fieldErrors(error: ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path: base, message: `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) return { path: base, message: 'is required' };
    return { path: base, message: issue.message };
  });
}

/** Deeper than any contract goes: a JSON "bomb" is refused before a schema walks it. */
export const MAX_INPUT_DEPTH = 32;
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text';
  return undefined;
}

/**
 * What no schema should have to think about: text PostgreSQL cannot store as sent (NUL, lone
 * surrogates, which the driver would silently turn into U+FFFD) and nesting deeper than any
 * contract. Checked for every body, query and param, keys included; the first problem is named.
 */
export function inputProblems(value: unknown, location: string): FieldError[] {
  const stack: { v: unknown; path: string[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { v, path, depth } = item;
    const where = [location, ...path].join('.');
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return [{ path: where, message: problem }];
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH)
        return [{ path: where, message: `is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)` }];
      for (const [k, x] of Object.entries(v)) {
        const problem = textProblem(k);
        if (problem) return [{ path: where, message: `has a field name that ${problem}` }];
        stack.push({ v: x, path: [...path, k], depth: depth + 1 });
      }
    }
  }
  return [];
}

/**
 * Every body, query and route param is parsed by its contract schema (a nestjs-zod DTO). A handler
 * argument from the request without a schema is a programming error, refused loudly.
 */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const location = LOCATION[metadata.type];
    if (!location) return value; // custom decorators (current user, request, reply)
    const dto = metadata.metatype as ZodDtoClass | undefined;
    if (!dto?.isZodDto || !dto.schema) {
      throw new Error(
        `@${metadata.type === 'param' ? 'Param' : metadata.type === 'query' ? 'Query' : 'Body'}() must be typed with a zod DTO`,
      );
    }
    const problems = inputProblems(value, location);
    if (problems.length) throw AppException.validation(problems);
    const result = dto.schema.safeParse(value ?? (location === 'body' ? undefined : {}));
    if (!result.success) {
      if (location === 'body' && value === undefined) {
        throw AppException.validation([{ path: 'body', message: 'a JSON body is required' }]);
      }
      throw AppException.validation(fieldErrors(result.error, location));
    }
    return result.data;
  }
}
