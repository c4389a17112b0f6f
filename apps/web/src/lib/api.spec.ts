import { describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '../test/mock-api';
import { api, ApiError, apiRequest } from './api';
import { checkAnswer } from './api-dev-check';
import { routeUrl } from './route-table';
import { safeNextPath } from './safe-next';

describe('apiRequest', () => {
  it('sends the client header and JSON on state-changing requests, with the same-origin cookie', async () => {
    const api = mockApi({ 'POST /things': { status: 201, body: { ok: true } } });
    await expect(apiRequest('/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    const call = api.calls.at(0);
    expect(call?.headers['x-dari-client']).toBe('web');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.credentials).toBe('same-origin');
    expect(call?.body).toEqual({ a: 1 });
  });

  it('uploads FormData as is: the browser sets the multipart type, the client header still goes', async () => {
    const api = mockApi({ 'POST /authoring/courses/c/media': { status: 201, body: { id: 'm' } } });
    const body = new FormData();
    body.append('file', new File(['x'], 'a.png', { type: 'image/png' }));
    await apiRequest('/authoring/courses/c/media', { method: 'POST', body });
    expect(api.calls[0]?.headers['x-dari-client']).toBe('web');
    expect(api.calls[0]?.headers['content-type']).toBeUndefined();
    expect(api.calls[0]?.body).toBe(body);
  });

  it('keeps the problems of a publish_blocked answer', async () => {
    mockApi({
      'POST /p': apiError(400, 'publish_blocked', {
        problems: [{ lessonId: 'l', moduleId: 'm', message: 'needs text' }],
      }),
    });
    const error = await apiRequest('/p', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'publish_blocked',
      problems: [{ lessonId: 'l', moduleId: 'm', message: 'needs text' }],
    });
  });

  it('does not add the client header to reads, and drops empty query values', async () => {
    const api = mockApi({ 'GET /admin/users': { status: 200, body: { items: [] } } });
    await apiRequest('/admin/users', { query: { q: '', role: 'admin', page: 2 } });
    expect(api.calls[0]?.headers['x-dari-client']).toBeUndefined();
    expect(api.calls[0]?.query.toString()).toBe('role=admin&page=2');
  });

  it('turns the error body into an ApiError with code, fields and retryAfter', async () => {
    mockApi({
      'POST /auth/login': apiError(429, 'too_many_attempts', {
        retryAfter: 120,
        fields: [{ path: 'body.username', message: 'x' }],
      }),
    });
    const error = await apiRequest('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'too_many_attempts',
      retryAfter: 120,
      fields: [{ path: 'body.username' }],
    });
  });

  it('keeps the status meaningful when the error body is not the agreed shape', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 }))),
    );
    await expect(apiRequest('/me')).rejects.toMatchObject({ status: 502, code: 'service_unavailable' });
  });

  it('reports a failed connection as the network code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('api (the typed client)', () => {
  const id = '0b0b0b0b-1111-4222-8333-444455556666';

  it('takes method and path from the route table, substitutes the path parameters encoded, and sends the body', async () => {
    const api_ = mockApi({ [`PATCH /cohorts/${id}/members/a%2Fb%20c`]: { status: 200, body: { userId: 'a/b c' } } });
    await expect(
      api('cohorts.renameMember', { params: { id, userId: 'a/b c' }, body: { displayName: '김하나' } }),
    ).resolves.toEqual({ userId: 'a/b c' });
    expect(api_.calls[0]).toMatchObject({ method: 'PATCH', body: { displayName: '김하나' } });
    expect(api_.calls[0]?.headers['x-dari-client']).toBe('web');
  });

  it('sends the query without empty values, and answers nothing for a 204', async () => {
    const api_ = mockApi({
      'GET /admin/users': { status: 200, body: { items: [], total: 0, page: 2, pageSize: 20 } },
      [`DELETE /me/sessions/${id}`]: { status: 204 },
    });
    await api('adminUsers.list', { query: { q: '', role: 'admin', page: 2 } });
    expect(api_.calls[0]?.query.toString()).toBe('role=admin&page=2');
    await expect(api('me.endSession', { params: { id } })).resolves.toBeUndefined();
    expect(api_.calls[1]?.method).toBe('DELETE');
  });

  it('refuses to send a request with a path parameter missing', async () => {
    const api_ = mockApi({});
    await expect(api('cohorts.get', { params: { id: '' } })).rejects.toThrow(
      'cohorts.get: path parameter id is missing',
    );
    expect(api_.calls).toEqual([]);
  });

  it('builds links for downloads from the table too', () => {
    expect(routeUrl('reports.cohortExport', { params: { id } })).toBe(`/api/v1/reports/cohorts/${id}/export`);
    expect(routeUrl('authoring.bundle', { params: { id }, query: { version: 3 } })).toBe(
      `/api/v1/authoring/courses/${id}/bundle?version=3`,
    );
  });

  it('in development, warns when an answer does not match its route’s response schema', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    checkAnswer('join.preview', { cohortName: '1기' });
    checkAnswer('auth.logout', undefined);
    expect(warn).not.toHaveBeenCalled();
    checkAnswer('join.preview', { name: '1기' });
    expect(warn).toHaveBeenCalledWith(
      "api('join.preview'): the answer does not match the contracts",
      expect.any(Array),
    );
    warn.mockRestore();
  });

  // Compiled, never run: the types come from the contracts, so a wrong shape does not compile.
  function typesOnly() {
    // @ts-expect-error the body must be the route's body schema
    void api('cohorts.renameMember', { params: { id, userId: id }, body: { name: 'x' } });
    // @ts-expect-error a route with path parameters needs them
    void api('cohorts.get');
    // @ts-expect-error a file route is a link (routeUrl), not a JSON call
    void api('reports.programExport');
    // @ts-expect-error not a route
    void api('cohorts.nope');
    const name: Promise<string> = api('me.get').then((me) => me.displayName);
    // @ts-expect-error the answer is typed from the response schema
    const wrong: Promise<number> = api('me.get').then((me) => me.displayName);
    return [name, wrong];
  }
  expect(typesOnly).toBeTypeOf('function');
});

describe('safeNextPath', () => {
  it.each([
    ['/learn', '/learn'],
    ['/admin/users?q=kim#top', '/admin/users?q=kim#top'],
    ['//evil.example/x', null],
    ['https://evil.example', null],
    ['/\\evil.example', null],
    ['learn', null],
    ['/sign-in?next=/x', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
