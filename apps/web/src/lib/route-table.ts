import { ROUTE_PATHS, type RouteKey } from '@dari/contracts';
import { buildUrl, type AnyInput, type InputArgs } from './api';

export { ROUTE_PATHS };

/** A route's path with its parameters filled in and encoded (without /api/v1). */
export function fillPath(key: RouteKey, params: AnyInput['params']): string {
  return ROUTE_PATHS[key].path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`${key}: path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}

/** The address of a route for a link or a download (`href`): /api/v1, the path with its parameters encoded, the query. */
export function routeUrl<K extends RouteKey>(key: K, ...[input]: InputArgs<K>): string;
export function routeUrl(key: RouteKey, input: AnyInput = {}): string {
  return buildUrl(fillPath(key, input.params), input.query);
}
