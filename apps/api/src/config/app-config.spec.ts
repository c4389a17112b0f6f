import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('has safe defaults', () => {
    const c = loadConfig({}, 'postgres://x/y');
    expect(c).toMatchObject({ port: 3000, demo: true, trustProxy: false, logLevel: 'info' });
    expect(c.session.sharedMaxMs).toBeLessThan(c.session.maxMs);
    expect(c.session.idleMs).toBeGreaterThanOrEqual(14 * 86_400_000);
  });

  it('reads DARI_DEMO=false and refuses nonsense with a message naming the variable', () => {
    expect(loadConfig({ DARI_DEMO: 'false' }, 'postgres://x/y').demo).toBe(false);
    expect(() => loadConfig({ PORT: 'eighty' }, 'postgres://x/y')).toThrow(/PORT/);
    expect(() => loadConfig({ DARI_DEMO: 'maybe' }, 'postgres://x/y')).toThrow(/DARI_DEMO/);
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });
});
