import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTE_PATHS } from './route-paths.js';
import { routes } from './routes.js';

describe('route table', () => {
  it('names the path parameters of each route exactly as its params schema does', () => {
    const wrong: string[] = [];
    for (const [key, route] of Object.entries(routes)) {
      const inPath = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const params = 'params' in route ? route.params : undefined;
      const inSchema = params instanceof z.ZodObject ? Object.keys(params.shape).sort() : [];
      if (JSON.stringify(inPath) !== JSON.stringify(inSchema))
        wrong.push(`${key}: path ${inPath.join(',') || '-'}, schema ${inSchema.join(',') || '-'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has one entry per method and path, and the same keys as the zod-free half the web app loads', () => {
    const all = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(routes).sort()).toEqual(Object.keys(ROUTE_PATHS).sort());
  });

  it('gives a body only to routes that change something', () => {
    expect(
      Object.entries(routes)
        .filter(([, r]) => r.method === 'GET' && 'body' in r)
        .map(([k]) => k),
    ).toEqual([]);
  });
});
