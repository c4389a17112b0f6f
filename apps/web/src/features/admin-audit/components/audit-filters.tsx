import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/alerts';
import { findPersonId } from '../api/find-person';
import type { AuditFilter } from '../api/list-audit';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, actionKey, type AuditActionGroup } from '../audit-actions';
import { endOfKoreanDay, koreanToday, startOfKoreanDay } from '../format-time';

export type AuditCriteria = Omit<AuditFilter, 'page' | 'pageSize'>;

type FieldName = 'actor' | 'target' | 'to';
type Problems = Partial<Record<FieldName, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Who (the person who acted, or the person it concerned: a username or an account id), what, and
 * when. Usernames are turned into ids here and kept out of the address bar.
 */
export function AuditFilters({
  onApply,
  onNotApplied,
}: {
  onApply: (criteria: AuditCriteria) => void;
  /** The search did not run (a lookup failed or a field is wrong); the earlier results are still shown. */
  onNotApplied?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [problems, setProblems] = useState<Problems>({});
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const today = koreanToday();

  const focusField = (name: FieldName) =>
    (formRef.current?.elements.namedItem(name) as HTMLInputElement | null)?.focus();

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const [actor, target, action, from, to] = ['actor', 'target', 'action', 'from', 'to'].map(text) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const found: Problems = {};
    if (from && to && DAY.test(from) && DAY.test(to) && to < from) found.to = t('adminAudit.filters.toBeforeFrom');
    setLookupError(null);
    setBusy(true);
    let actorId: string | null = null;
    let targetUserId: string | null = null;
    try {
      if (actor) {
        actorId = await findPersonId(actor);
        if (!actorId) found.actor = t('adminAudit.filters.noSuchPerson', { name: actor });
      }
      if (target) {
        targetUserId = await findPersonId(target);
        if (!targetUserId) found.target = t('adminAudit.filters.noSuchPerson', { name: target });
      }
    } catch (error) {
      setLookupError(error);
      onNotApplied?.();
      return;
    } finally {
      setBusy(false);
    }
    setProblems(found);
    const first = (['actor', 'target', 'to'] as const).find((name) => found[name]);
    if (first) {
      onNotApplied?.();
      focusField(first);
      return;
    }
    onApply({
      actorId: actorId ?? undefined,
      targetUserId: targetUserId ?? undefined,
      action: AUDIT_ACTIONS.includes(action) ? action : undefined,
      from: DAY.test(from) ? startOfKoreanDay(from) : undefined,
      to: DAY.test(to) ? endOfKoreanDay(to) : undefined,
    });
  };

  const onReset = () => {
    setProblems({});
    setLookupError(null);
    onApply({});
  };

  const field = (name: FieldName) => ({
    id: `${id}-${name}`,
    name,
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby':
      [
        name === 'actor' || name === 'target' ? `${id}-people-hint` : null,
        problems[name] ? `${id}-${name}-error` : null,
      ]
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const errorText = (name: FieldName) =>
    problems[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {problems[name]}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void onSubmit(e)}
      onReset={onReset}
      role="search"
      className="audit-filters"
      aria-label={t('adminAudit.filters.label')}
      noValidate
    >
      <fieldset className="audit-group">
        <legend>{t('adminAudit.filters.people')}</legend>
        <p id={`${id}-people-hint`} className="field-hint">
          {t('adminAudit.filters.personHint')}
        </p>
        <div className={problems.actor ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-actor`}>{t('adminAudit.filters.actor')}</label>
          <input
            {...field('actor')}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
          />
          {errorText('actor')}
        </div>
        <div className={problems.target ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-target`}>{t('adminAudit.filters.target')}</label>
          <input
            {...field('target')}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
          />
          {errorText('target')}
        </div>
      </fieldset>
      <div className="field audit-action">
        <label htmlFor={`${id}-action`}>{t('adminAudit.filters.action')}</label>
        <select id={`${id}-action`} name="action" defaultValue="">
          <option value="">{t('adminAudit.filters.allActions')}</option>
          {(Object.keys(AUDIT_ACTION_GROUPS) as AuditActionGroup[]).map((group) => (
            <optgroup key={group} label={t(`adminAudit.groups.${group}`)}>
              {AUDIT_ACTION_GROUPS[group].map((action) => (
                <option key={action} value={action}>
                  {t(actionKey(action))}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset className="audit-group">
        <legend>{t('adminAudit.filters.dates')}</legend>
        <p className="field-hint">{t('adminAudit.filters.datesHint')}</p>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('adminAudit.filters.from')}</label>
          <input id={`${id}-from`} name="from" type="date" max={today} />
        </div>
        <div className={problems.to ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-to`}>{t('adminAudit.filters.to')}</label>
          <input {...field('to')} type="date" max={today} />
          {errorText('to')}
        </div>
      </fieldset>
      <div className="audit-filter-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('adminAudit.filters.looking') : t('adminAudit.filters.apply')}
        </button>
        <button type="reset" className="button button-secondary">
          {t('adminAudit.filters.clear')}
        </button>
      </div>
      {lookupError ? <ErrorAlert error={lookupError} /> : null}
    </form>
  );
}
