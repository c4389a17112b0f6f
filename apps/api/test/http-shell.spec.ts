import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from './test-app.js';

describe('the HTTP shell: headers, the web app, health, docs', () => {
  let t: TestApp;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(path.join(os.tmpdir(), 'dari-web-'));
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(
      path.join(web, 'index.html'),
      '<!doctype html><html lang="ko"><body><div id="root"></div><script type="module" src="/assets/app-abc.js"></script></body></html>',
    );
    writeFileSync(path.join(web, 'assets', 'app-abc.js'), 'console.log(1)');
    writeFileSync(path.join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    // What scripts/precompress-web.mjs puts beside a file (stand-ins: the server sends them as they are).
    writeFileSync(path.join(web, 'assets', 'app-abc.js.br'), 'brotli bytes');
    writeFileSync(path.join(web, 'assets', 'app-abc.js.gz'), 'gzip bytes');
    writeFileSync(path.join(web, 'index.html.br'), 'brotli index');
    writeFileSync(path.join(web, 'sw.js'), 'self.skipWaiting()');
    writeFileSync(path.join(web, 'sw.js.br'), 'brotli sw');
    writeFileSync(path.join(web, 'registerSW.js'), 'navigator.serviceWorker.register("/sw.js")');
    writeFileSync(path.join(web, 'workbox-eee7a79f.js'), 'self.workbox = 1');
    writeFileSync(path.join(web, 'manifest.webmanifest'), '{}');
    t = await TestApp.create({ DARI_WEB_DIST: web });
  });
  afterAll(async () => {
    await t.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('sends the security headers and a CSP with no outside origin on every response', async () => {
    for (const url of ['/', '/api/v1/health', '/api/v1/nope', '/assets/app-abc.js']) {
      const res = await t.request('GET', url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      // No inline style either: the web app's styles are files (React sets element styles through the DOM, which CSP allows).
      expect(csp).toContain("style-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:\/\//);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('errors carry the same headers: 400, 401, 403 (role and CSRF), 404, 405/404, 413, 415, 429 — and are never cached', async () => {
    const u = await t.signedIn('learner');
    const csrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: {
        cookie: `dari_session=${u.cookie}`,
        'content-type': 'application/json',
        origin: 'https://evil.example',
      },
      payload: '{}',
    });
    const tooLarge = await t.request('PATCH', '/api/v1/me', {
      cookie: u.cookie,
      payload: `{"displayName":"${'a'.repeat(1024 * 1024 + 1)}"}`,
    });
    const form = await t.request('PATCH', '/api/v1/me', {
      cookie: u.cookie,
      payload: 'displayName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    let throttled = await t.request('GET', '/api/v1/join/AAAAA-AAAAA');
    for (let i = 0; i < 100 && throttled.status !== 429; i++)
      throttled = await t.request('GET', '/api/v1/join/AAAAA-AAAAA');
    const answers = [
      await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, body: { role: 'admin' } }),
      await t.request('GET', '/api/v1/me'),
      await t.request('GET', '/api/v1/admin/users', { cookie: u.cookie }),
      { status: csrf.statusCode, headers: csrf.headers },
      await t.request('GET', '/api/v1/courses/no-such-course', { cookie: u.cookie }),
      await t.request('DELETE', '/api/v1/health'),
      tooLarge,
      form,
      throttled,
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 401, 403, 403, 404, 404, 413, 415, 429]);
    for (const res of answers) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp, String(res.status)).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('API answers are never cached; hashed assets are cached for a year; index.html is revalidated', async () => {
    const u = await t.signedIn('learner');
    expect((await t.request('GET', '/api/v1/me', { cookie: u.cookie })).headers['cache-control']).toBe('no-store');
    expect((await t.request('GET', '/api/v1/me')).headers['cache-control']).toBe('no-store');
    const asset = await t.request('GET', '/assets/app-abc.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await t.request('GET', '/favicon.svg')).headers['content-type']).toMatch(/svg/);
  });

  it('hashed web files are immutable for a year; index.html, the service worker and the other unhashed files are revalidated on every use', async () => {
    const YEAR = 'public, max-age=31536000, immutable';
    for (const url of ['/assets/app-abc.js', '/workbox-eee7a79f.js']) {
      for (const encoding of [undefined, 'br', 'gzip']) {
        const res = await t.request('GET', url, { headers: encoding ? { 'accept-encoding': encoding } : {} });
        expect(res.status, `${url} ${encoding}`).toBe(200);
        expect(res.headers['cache-control'], `${url} ${encoding}`).toBe(YEAR);
      }
    }
    for (const url of ['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest', '/favicon.svg']) {
      for (const encoding of [undefined, 'br']) {
        const res = await t.request('GET', url, { headers: encoding ? { 'accept-encoding': encoding } : {} });
        expect(res.status, `${url} ${encoding}`).toBe(200);
        expect(res.headers['cache-control'], `${url} ${encoding}`).toBe('no-cache');
      }
    }
    // Revalidation costs a 304 and no body when the file has not changed.
    const sw = await t.request('GET', '/sw.js');
    const again = await t.request('GET', '/sw.js', { headers: { 'if-none-match': String(sw.headers.etag) } });
    expect(again.status).toBe(304);
  });

  it('sends the precompressed file the browser accepts (brotli first), the original otherwise, and says it varies', async () => {
    const br = await t.request('GET', '/assets/app-abc.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body).toBe('brotli bytes');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const gz = await t.request('GET', '/assets/app-abc.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toBe('gzip bytes');
    const plain = await t.request('GET', '/assets/app-abc.js', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log(1)');
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('serves index.html for the web app routes, JSON 404 under /api', async () => {
    for (const url of ['/', '/sign-in', '/admin/users/123', '/learn?x=1']) {
      const res = await t.request('GET', url);
      expect(res.status, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const api = await t.request('GET', '/api/v1/does-not-exist');
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await t.request('POST', '/sign-in', { body: {} })).status).toBe(404);
    expect((await t.request('GET', '/assets/missing.js')).status).toBe(200); // the SPA answers; the browser sees HTML, not a script
  });

  it('publishes the OpenAPI document generated from the contracts', async () => {
    const res = await t.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    const doc = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/admin/users',
        '/api/v1/admin/users/{id}',
        '/api/v1/health',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/v1/auth/login'])).toMatch(/LoginDto/);
    expect(JSON.stringify(doc.components.schemas.LoginDto)).toContain('sharedDevice');
    expect((await t.request('GET', '/api/docs')).status).toBe(200);
  });

  it('health says ok while the database answers, and 503 when it does not', async () => {
    const ok = await t.request('GET', '/api/v1/health');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'ok', database: 'ok' });
    const other = await TestApp.create();
    await other.app.get(DataSource).destroy();
    const down = await other.request('GET', '/api/v1/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', database: 'down' });
    await other.app.get(DataSource).initialize();
    await other.close();
  });

  it('a request that arrives while the server drains gets the usual error shape, with Retry-After and connection: close', async () => {
    const other = await TestApp.create();
    await other.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = other.app.getHttpServer().address() as AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (b: Buffer) => (received += b.toString('utf8')));
    // A sign-in whose body is still arriving when the drain begins (so the connection is busy, not idle)…
    const body = JSON.stringify({ username: 'nobody.at.all', password: 'not the password' });
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-dari-client: web\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    const closing = other.close();
    await new Promise((r) => setTimeout(r, 300));
    // …then the rest of it, and a second request on the same connection: late, it gets the 503.
    socket.write(`${body.slice(5)}GET /api/v1/me HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`);
    await once(socket, 'close');
    await closing;
    const [first, late] = received.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 401 /); // the request in flight was answered normally
    expect(late, received).toMatch(/^HTTP\/1\.1 503 /);
    const head = late.slice(0, late.indexOf('\r\n\r\n')).toLowerCase();
    expect(head).toContain('retry-after: 5');
    expect(head).toContain('connection: close');
    expect(head).toContain('content-type: application/json');
    expect(head).toContain("default-src 'self'");
    const answer = JSON.parse(late.slice(late.indexOf('\r\n\r\n') + 4));
    expect(answer).toMatchObject({ status: 503, code: 'service_unavailable', retryAfter: 5 });
    expect(answer.message).toMatch(/restarting/);
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses text PostgreSQL would not keep as sent: NUL, lone surrogates, invalid UTF-8 bytes, deep nesting — 400 naming the field, never 500', async () => {
    const u = await t.signedIn('learner');
    const before = (await t.request('GET', '/api/v1/me', { cookie: u.cookie })).body.displayName;
    for (const [payload, path] of [
      ['{"displayName":"a\\u0000b"}', 'body.displayName'],
      ['{"displayName":"a\\ud800b"}', 'body.displayName'],
      ['{"a\\u0000":1}', 'body'],
      [`{"displayName":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'body.displayName'],
    ] as const) {
      const res = await t.request('PATCH', '/api/v1/me', { cookie: u.cookie, payload });
      expect(res.status, payload.slice(0, 40)).toBe(400);
      expect(res.body.fields[0].path.startsWith(path)).toBe(true);
    }
    for (const bytes of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0x80], [0xed, 0xa0, 0x80]]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: { cookie: `dari_session=${u.cookie}`, 'x-dari-client': 'web', 'content-type': 'application/json' },
        payload: Buffer.concat([Buffer.from('{"displayName":"a'), Buffer.from(bytes), Buffer.from('b"}')]),
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body).code).toBe('invalid_json');
    }
    const nul = await t.request('POST', '/api/v1/auth/login', {
      body: { username: 'a\u0000b', password: 'whatever it is' },
    });
    expect(nul.status).toBe(400);
    expect((await t.request('GET', '/api/v1/me', { cookie: u.cookie })).body.displayName).toBe(before);
  });

  it('an unexpected error is a 500 with a correlation id that is in the log, and no internals', async () => {
    const u = await t.signedIn('learner');
    // Break the users table under the app: the next read fails inside TypeORM.
    await t.db.query(`ALTER TABLE users RENAME COLUMN display_name TO display_name_x`);
    try {
      const res = await t.request('GET', '/api/v1/me', { cookie: u.cookie });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('internal_error');
      expect(JSON.stringify(res.body)).not.toMatch(/display_name|SELECT|QueryFailedError|\.ts:|\.js:/);
      expect(t.logs.text).toContain(res.body.requestId);
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      await t.db.query(`ALTER TABLE users RENAME COLUMN display_name_x TO display_name`);
    }
  });
});
