import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export interface MockResponse {
  status: number;
  body?: unknown;
}

type Handler = MockResponse | ((req: MockRequest) => MockResponse | Promise<MockResponse>);

/**
 * Stands in for the API at the network boundary (the global fetch) and records what was sent.
 * Handlers are keyed "METHOD /path" without the /api/v1 prefix and without the query string.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: MockRequest[] = [];
  const routes: Partial<Record<string, Handler>> = { ...handlers };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const req: MockRequest = {
      method,
      path,
      query: url.searchParams,
      headers,
      body:
        typeof init.body === 'string' ? JSON.parse(init.body) : init.body instanceof FormData ? init.body : undefined,
      credentials: init.credentials,
    };
    calls.push(req);
    const handler = routes[`${method} ${path}`];
    const res = typeof handler === 'function' ? await handler(req) : handler;
    if (!res) return json(404, errorBody(404, 'not_found', `No mock for ${method} ${path}`));
    if (res.status === 204) return new Response(null, { status: 204 });
    return json(res.status, res.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    /** Replace or add a handler while a test runs (e.g. the session ends). */
    set(key: string, handler: Handler) {
      routes[key] = handler;
    },
    callsTo(method: string, path: string) {
      return calls.filter((c) => c.method === method && c.path === path);
    },
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function errorBody(status: number, code: string, message = code, extra: Record<string, unknown> = {}) {
  return { status, code, message, requestId: 'req-test-1', ...extra };
}

export function apiError(status: number, code: string, extra: Record<string, unknown> = {}): MockResponse {
  return { status, body: errorBody(status, code, code, extra) };
}
