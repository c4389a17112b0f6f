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
      throw new Error(`@${metadata.type === 'param' ? 'Param' : metadata.type === 'query' ? 'Query' : 'Body'}() must be typed with a zod DTO`);
    }
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
