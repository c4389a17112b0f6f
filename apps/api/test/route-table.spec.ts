import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@dari/contracts';
import { listRoutes, type RouteInfo } from './routes.js';
import { TestApp } from './test-app.js';

const PREFIX = '/api/v1';

/** Who may call a route, the same way for the app and the table: 'public', or its roles in order. */
const access = (r: Pick<RouteInfo, 'isPublic' | 'roles'>) =>
  r.isPublic ? 'public' : [...(r.roles ?? [])].sort().join(',');

// The route table in libs/contracts (which the web client is typed from) is the app's routes, exactly.
describe('route table of the contracts', () => {
  let t: TestApp;
  let live: RouteInfo[];
  beforeAll(async () => {
    t = await TestApp.create();
    live = listRoutes(t.app);
  }, 120_000);
  afterAll(() => t.close());

  const table = Object.entries(routes).map(([key, r]) => ({
    key,
    route: `${r.method} ${PREFIX}${r.path}`,
    access: r.roles === 'public' ? 'public' : [...r.roles].sort().join(','),
  }));

  it('has every route of the booted app, and no route the app does not have', () => {
    const inTable = new Set(table.map((r) => r.route));
    const inApp = new Set(live.map((r) => `${r.method} ${r.path}`));
    expect(
      [...inApp].filter((r) => !inTable.has(r)),
      'routes of the app missing from libs/contracts/src/route-paths.ts',
    ).toEqual([]);
    expect(
      table.filter((r) => !inApp.has(r.route)).map((r) => `${r.key}: ${r.route}`),
      'routes in the table the app does not have',
    ).toEqual([]);
    expect(inTable.size, 'two keys of the table name the same route').toBe(table.length);
    expect(live.length).toBeGreaterThan(80);
  });

  it('says who may call each route as the app does (public, or the same roles)', () => {
    const byRoute = new Map(live.map((r) => [`${r.method} ${r.path}`, access(r)]));
    const differ = table
      .filter((r) => byRoute.has(r.route) && byRoute.get(r.route) !== r.access)
      .map((r) => `${r.key}: ${r.route} table ${r.access}, app ${byRoute.get(r.route)}`);
    expect(differ).toEqual([]);
  });
});
