import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCatalogues } from '../../i18n/locales/all';
import type { Tree } from '../../i18n/locales/index';
import { actionKey, AUDIT_ACTIONS } from './audit-actions';

/**
 * Every action the API can write to the audit log: the members of its `AuditAction` type (every
 * AuditService.record call is checked against it by the compiler), read from the API's source.
 */
function apiAuditActions(): string[] {
  const source = readFileSync(join(__dirname, '../../../../api/src/audit/audit.service.ts'), 'utf8');
  const union = /export type AuditAction =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([a-z_.]+)'/g)].map((m) => m[1]);
}

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe('audit actions on the admin page', () => {
  const actions = apiAuditActions();

  it('finds the API’s list of actions', () => {
    expect(actions).toContain('login.succeeded');
    expect(actions).toContain('announcement.sent');
    expect(actions.length).toBeGreaterThan(20);
  });

  it('offers every action the API can log in the filter', () => {
    expect(actions.filter((a) => !AUDIT_ACTIONS.includes(a))).toEqual([]);
  });

  it.each(['ko', 'en', 'zh'] as const)('has a label for every action the API can log, in %s', (lng) => {
    const tree = allCatalogues()[lng];
    const missing = actions.filter((a) => {
      const label = lookup(tree, actionKey(a));
      return typeof label !== 'string' || label.trim() === '';
    });
    expect(missing).toEqual([]);
  });
});
