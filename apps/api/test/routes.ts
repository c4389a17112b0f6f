import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Role } from '@dari/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '../src/common/auth/decorators.js';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  roles: Role[] | undefined;
}

/** Every HTTP handler of the booted app with what it declares about who may call it. */
export function listRoutes(app: INestApplicationContext): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue; // not a route
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const targets = [handler, wrapper.metatype];
      routes.push({
        method,
        path: `/api/v1/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        controller: wrapper.metatype.name,
        handler: name,
        isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ?? false,
        roles: reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets),
      });
    }
  }
  return routes;
}

/** The routes that state neither @Public() nor any role. */
export function unguardedRoutes(routes: RouteInfo[]): RouteInfo[] {
  return routes.filter((r) => !r.isPublic && !(r.roles && r.roles.length > 0));
}
