import {
  CLIENT_HEADER,
  CLIENT_HEADER_VALUE,
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
} from '@dari/contracts';

/** Why a course cannot be published yet (publish_blocked), one line per problem. */
export interface PublishProblem {
  lessonId: string | null;
  moduleId: string | null;
  message: string;
}

export const API_PREFIX = '/api/v1';

/** Codes the API sends, plus what can go wrong before or after it answers. */
export type ApiErrorCode = ErrorCode | 'network' | 'unexpected_response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];
  readonly problems: PublishProblem[];
  readonly retryAfter: number | undefined;
  /** A free address name the API offers instead (slug_taken). */
  readonly suggestedSlug: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    fields?: FieldError[];
    problems?: PublishProblem[];
    retryAfter?: number;
    suggestedSlug?: string;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.problems = init.problems ?? [];
    this.retryAfter = init.retryAfter;
    this.suggestedSlug = init.suggestedSlug;
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions<T> {
  method?: Method;
  /** JSON, or FormData for an upload (the browser then sets the multipart content type itself). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** 'none' for 204 answers. */
  expect?: 'json' | 'none';
  signal?: AbortSignal;
  /** Only for typing the result. */
  readonly _type?: T;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

// When the body is not the agreed error shape (a proxy page, a crash), keep the status meaningful.
function fallbackCode(status: number): ApiErrorCode {
  if (status === 400) return 'validation_failed';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'too_many_attempts';
  if (status === 502 || status === 503 || status === 504) return 'service_unavailable';
  if (status >= 500) return 'internal_error';
  return 'unexpected_response';
}

// A light structural check of the contract's ErrorBody (zod stays out of the first page's JavaScript).
function asErrorBody(json: unknown): ErrorBody | null {
  if (!json || typeof json !== 'object') return null;
  const body = json as Record<string, unknown>;
  if (typeof body['status'] !== 'number' || typeof body['message'] !== 'string') return null;
  if (!(ERROR_CODES as readonly unknown[]).includes(body['code'])) return null;
  const fields = Array.isArray(body['fields'])
    ? body['fields'].filter(
        (f): f is FieldError =>
          !!f && typeof f === 'object' && typeof f.path === 'string' && typeof f.message === 'string',
      )
    : undefined;
  const problems = Array.isArray(body['problems'])
    ? body['problems'].filter((p): p is PublishProblem => !!p && typeof p === 'object' && typeof p.message === 'string')
    : undefined;
  return {
    status: body['status'],
    code: body['code'] as ErrorCode,
    message: body['message'],
    fields,
    problems,
    suggestedSlug: typeof body['suggestedSlug'] === 'string' ? body['suggestedSlug'] : undefined,
    retryAfter: typeof body['retryAfter'] === 'number' ? body['retryAfter'] : undefined,
    requestId: typeof body['requestId'] === 'string' ? body['requestId'] : '',
  };
}

async function toApiError(res: Response): Promise<ApiError> {
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  const body = asErrorBody(json);
  if (body) return new ApiError({ ...body, requestId: body.requestId || undefined });
  const header = Number(res.headers.get('retry-after'));
  return new ApiError({
    status: res.status,
    code: fallbackCode(res.status),
    message: `HTTP ${res.status}`,
    retryAfter: Number.isFinite(header) && header > 0 ? header : undefined,
  });
}

/** The one way the web app talks to the API: same-origin cookie session, JSON, typed errors. */
export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // The API refuses state-changing requests without this header (CSRF defence).
  if (method !== 'GET') headers[CLIENT_HEADER] = CLIENT_HEADER_VALUE;
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network', message: 'Network request failed' });
  }

  if (!res.ok) throw await toApiError(res);
  if (options.expect === 'none' || res.status === 204) return undefined as T;

  // The API validates its answers against the contracts; here we trust the shape and only require JSON.
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError({ status: res.status, code: 'unexpected_response', message: 'Response was not JSON' });
  }
}
