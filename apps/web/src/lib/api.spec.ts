import { describe, expect, it, vi } from 'vitest';
import { apiError, mockApi } from '../test/mock-api';
import { ApiError, apiRequest } from './api';
import { safeNextPath } from './safe-next';

describe('apiRequest', () => {
  it('sends the client header and JSON on state-changing requests, with the same-origin cookie', async () => {
    const api = mockApi({ 'POST /things': { status: 201, body: { ok: true } } });
    await expect(apiRequest('/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    const [call] = api.calls;
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
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 })),
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
