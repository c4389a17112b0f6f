import { routes, type RouteKey } from '@dari/contracts';

/**
 * Development only (`vite dev`; never in a build, never in tests): says in the console when an answer
 * does not match its route's response schema, so drift between the API and the contracts shows at
 * once. The app itself only types answers from the schemas: zod stays out of the first page.
 */
export function checkAnswer(key: RouteKey, json: unknown): void {
  const response = routes[key].response;
  if (typeof response === 'string') return;
  const result = response.safeParse(json);
  if (!result.success) console.warn(`api('${key}'): the answer does not match the contracts`, result.error.issues);
}
