import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Public, Roles } from '../src/common/auth/decorators.js';
import { listRoutes, unguardedRoutes } from './routes.js';
import { TestApp } from './test-app.js';

// Deny by default (QUALITY #6): every route of the running app states its roles or that it is public.
describe('route guards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('finds the routes of the booted app', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(13);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('PATCH /api/v1/admin/users/:id');
  });

  it('every route states its roles or that it is public', () => {
    expect(
      unguardedRoutes(listRoutes(t.app)).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`),
    ).toEqual([]);
  });

  it('only sign-in, reset-code redemption, joining with a code, certificate and credential verification (with the status lists and the DID document), health and readiness are public', () => {
    const pub = listRoutes(t.app)
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(pub).toEqual([
      'GET /api/v1/certificates/verify/:code',
      'GET /api/v1/credentials/did.json',
      'GET /api/v1/credentials/status/:list',
      'GET /api/v1/health',
      'GET /api/v1/health/ready',
      'GET /api/v1/join/:code',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/redeem-reset-code',
      'POST /api/v1/credentials/verify',
      'POST /api/v1/join',
    ]);
  });

  it('the check fails on a route that states nothing, and such a route is refused', async () => {
    @Controller('probe')
    class ProbeController {
      @Get('open') @Public() open() {
        return 'ok';
      }
      @Get('staff') @Roles('admin') staff() {
        return 'ok';
      }
      @Get('forgotten') forgotten() {
        return 'ok';
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [ProbeController] })
    class ProbeModule {}
    const ctx = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    const bad = unguardedRoutes(listRoutes(ctx));
    expect(bad.map((r) => r.handler)).toEqual(['forgotten']);
    await ctx.close();
  });
});
