import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import { LogCapture, TestApp } from './test-app.js';
import { createTestDatabase } from './test-db.js';

// Many files share a worker (vitest.config.ts: no isolation), and so share nestjs-pino's one logger
// per process (test/fresh-logger.ts): each TestApp must still capture its own lines, at its own level.
describe('each test app captures its own log', () => {
  it('after a silent app and another test app, a test app logs its requests to its own capture', async () => {
    // An app made without TestApp and logging nothing, as the process tests make them, comes first.
    const db = await createTestDatabase();
    const quiet = new LogCapture();
    const silent = await createApp(loadConfig({ LOG_LEVEL: 'silent', DARI_WEB_DIST: '/nonexistent' }, db.url), {
      logStream: quiet,
    });
    await silent.close();
    await db.drop();

    const urls = (c: LogCapture) =>
      c.lines.map((l) => (JSON.parse(l) as { req?: { path?: string } }).req?.path).filter(Boolean);
    const first = await TestApp.create();
    await first.request('GET', '/api/v1/me');
    await first.close();
    const second = await TestApp.create();
    try {
      await second.request('GET', '/api/v1/me/notifications/unread-count');
      expect(urls(first.logs)).toEqual(['/api/v1/me']);
      expect(urls(second.logs)).toEqual(['/api/v1/me/notifications/unread-count']);
      expect(quiet.lines).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
