import {
  CLIENT_HEADER,
  CLIENT_HEADER_VALUE,
  ERROR_CODES,
  type ErrorBody,
  type ErrorCode,
  type FieldError,
  type PublishProblem,
  type RouteKey,
  type Routes,
} from '@dari/contracts';
import type { z } from 'zod';

export type { PublishProblem };

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

interface RequestOptions {
  method?: Method;
  /** JSON, or FormData for an upload (the browser then sets the multipart content type itself). */
  body?: unknown;
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
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
  const list = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value)
      ? value.filter((v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object')
      : [];
  const fields = Array.isArray(body['fields'])
    ? list(body['fields']).filter(
        (f): f is FieldError => typeof f['path'] === 'string' && typeof f['message'] === 'string',
      )
    : undefined;
  // The publish problems the API sends (publishProblemSchema); a code this app does not know yet is
  // shown by its English message (PublishProblemText).
  const problems = Array.isArray(body['problems'])
    ? list(body['problems']).filter((p): p is PublishProblem => typeof p['message'] === 'string')
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

/**
 * Sends one request: same-origin cookie session, the client header on writes, JSON or FormData;
 * an answer that is not 2xx becomes an ApiError. The caller reads the body.
 */
async function send(path: string, options: RequestOptions = {}): Promise<Response> {
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
      body:
        options.body === undefined
          ? undefined
          : options.body instanceof FormData
            ? options.body
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network', message: 'Network request failed' });
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new ApiError({ status: res.status, code: 'unexpected_response', message: 'Response was not JSON' });
  }
}

/**
 * A request by path, answered with untyped JSON (undefined for 204). Only for this module and its
 * tests: the app calls routes with `api(key, …)`, whose types come from the route table.
 */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  const res = await send(path, options);
  return res.status === 204 ? undefined : readJson(res);
}

// ---- the typed client: types from the route table in @dari/contracts, no casts at the call site ----

type Route<K extends RouteKey> = Routes[K];
type Scalar = string | number | boolean;

/** Path parameters: every `:name` of the path, as text or a number (encoded when substituted). */
type ParamsInput<R> = R extends { params: z.ZodType }
  ? { params: Record<keyof z.output<R['params']>, string | number> }
  : { params?: undefined };

/** Query values as the client sends them: what the schema reads (numbers coerced from text are numbers here). */
type QueryOf<S extends z.ZodType> = {
  [K in keyof z.input<S>]?: K extends keyof z.output<S>
    ? unknown extends z.input<S>[K]
      ? Extract<z.output<S>[K], Scalar> | undefined | null
      : z.input<S>[K] | null
    : never;
};
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type QueryInput<R> = R extends { query: z.ZodType }
  ? RequiredKeys<z.input<R['query']>> extends never
    ? { query?: QueryOf<R['query']> }
    : { query: QueryOf<R['query']> & Pick<z.input<R['query']>, RequiredKeys<z.input<R['query']>>> }
  : { query?: undefined };

type BodyInput<R> = R extends { body: 'form' }
  ? { body: FormData }
  : R extends { body: z.ZodType }
    ? { body: z.input<R['body']> }
    : { body?: undefined };

/** What `api(key, …)` takes for a route: its path parameters, query and body, typed from its schemas. */
export type ApiInput<K extends RouteKey> = ParamsInput<Route<K>> &
  QueryInput<Route<K>> &
  BodyInput<Route<K>> & { signal?: AbortSignal };

/** What a route answers: its response schema's type, or nothing (204). */
export type ApiOutput<K extends RouteKey> = Route<K>['response'] extends z.ZodType
  ? z.output<Route<K>['response']>
  : // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a 204 answers nothing: Promise<void>
    void;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends X`: are all of X's keys optional?
export type InputArgs<K extends RouteKey> = {} extends ApiInput<K> ? [input?: ApiInput<K>] : [input: ApiInput<K>];

export interface AnyInput {
  params?: Readonly<Record<string, string | number>>;
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  signal?: AbortSignal;
}

// The route table's methods and paths (1.3 KiB gzip) load beside the first page, not in it: the import
// starts as soon as this module runs, so it is there by the first call.
let table: Promise<typeof import('./route-table')> | undefined;
const routeTable = () => (table ??= import('./route-table'));
void routeTable();

/** The routes that answer JSON or nothing; a file (CSV, zip, media, the data export) is a link: see routeUrl. */
export type ApiRouteKey = { [K in RouteKey]: Route<K>['response'] extends 'file' ? never : K }[RouteKey];

/**
 * The one way the web app talks to the API: `api('cohorts.renameMember', { params, body })`.
 * Method, path and the types of params, query, body and answer come from the route table, so a
 * change of shape in the contracts fails to compile here instead of drifting.
 */
export function api<K extends ApiRouteKey>(key: K, ...[input]: InputArgs<K>): Promise<ApiOutput<K>>;
export async function api(key: ApiRouteKey, input: AnyInput = {}): Promise<unknown> {
  const { fillPath, ROUTE_PATHS } = await routeTable();
  const res = await send(fillPath(key, input.params), {
    method: ROUTE_PATHS[key].method,
    query: input.query,
    body: input.body,
    signal: input.signal,
  });
  if (res.status === 204) return undefined;
  const json = await readJson(res);
  if (import.meta.env.DEV && import.meta.env.MODE !== 'test')
    void import('./api-dev-check').then((dev) => dev.checkAnswer(key, json));
  return json;
}
