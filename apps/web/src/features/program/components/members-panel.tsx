import { COHORT_ROLES, type Cohort, type ResetCode } from '@dari/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, LoadError, StatusMessage } from '../../../components/alerts';
import { ConfirmAction } from '../../../components/confirm-action';
import { Loading } from '../../../components/loading';
import { OneTimeCode } from '../../../components/one-time-code';
import { useLocale } from '../../../components/use-locale';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { AddAccount } from './add-account';
import { RenameMember } from './rename-member';
import {
  useMemberResetCode,
  useMembers,
  useRemoveMember,
  type CohortMember,
  type CohortRole,
  type MembersFilter,
} from '../api/members';

const PAGE_SIZE = 50;

/** Who is in the cohort. New learners come through join codes or the CSV import; existing accounts by exact username. */
export function MembersPanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const id = useId();
  const { data: me } = useMe();
  const [filter, setFilter] = useState<MembersFilter>({ page: 1, pageSize: PAGE_SIZE });
  const members = useMembers(cohort.id, filter);
  const remove = useRemoveMember(cohort.id);
  const resetCode = useMemberResetCode(cohort.id);
  const [codeFor, setCodeFor] = useState<{ member: CohortMember; code: ResetCode } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const pages = members.data ? Math.max(1, Math.ceil(members.data.total / members.data.pageSize)) : 1;

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const q = String(data.get('q') ?? '').trim();
    const role = String(data.get('role') ?? '');
    setFilter({
      page: 1,
      pageSize: PAGE_SIZE,
      q: q || undefined,
      role: (COHORT_ROLES as readonly string[]).includes(role) ? (role as CohortRole) : undefined,
    });
  };

  return (
    <>
      <p>{t('program.members.intro')}</p>
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={remove.error ?? resetCode.error} />
      {codeFor ? (
        <div className="card">
          <OneTimeCode code={codeFor.code} forName={codeFor.member.displayName} />
          <button type="button" className="button button-secondary" onClick={() => setCodeFor(null)}>
            {t('program.members.closeCode')}
          </button>
        </div>
      ) : null}

      <AddAccount cohortId={cohort.id} />

      <form
        onSubmit={onSearch}
        role="search"
        className="filters filters-members"
        aria-label={t('program.members.filtersLabel')}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('program.members.search')}</label>
          <input id={`${id}-q`} name="q" type="search" maxLength={100} defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('program.members.role')}</label>
          <select id={`${id}-role`} name="role" defaultValue={filter.role ?? ''}>
            <option value="">{t('program.members.allRoles')}</option>
            {COHORT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('program.members.searchSubmit')}
        </button>
      </form>

      {members.isPending ? <Loading /> : null}
      {members.isError ? <LoadError error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data ? (
        <>
          <p role="status" className="muted">
            {t('program.members.count', { count: members.data.total })}
          </p>
          {members.data.items.length > 0 ? (
            <MembersTable
              cohortId={cohort.id}
              members={members.data.items}
              meId={me?.id}
              pending={remove.isPending || resetCode.isPending}
              onRemove={(m) => {
                setDone(null);
                remove.mutate(m.userId, {
                  onSuccess: () => setDone(t('program.members.removed', { name: m.displayName })),
                });
              }}
              onResetCode={(m) => {
                setCodeFor(null);
                resetCode.mutate(m.userId, { onSuccess: (code) => setCodeFor({ member: m, code }) });
              }}
              onRenamed={(from, to) => setDone(t('program.members.renamed', { from, to }))}
            />
          ) : (
            <p>{t('program.members.empty')}</p>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label={t('program.pagesLabel')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page <= 1}
                onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
              >
                {t('common.previous')}
              </button>
              <span>{t('program.pageOf', { page: filter.page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={filter.page >= pages}
                onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
              >
                {t('common.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}

interface MembersTableProps {
  cohortId: string;
  members: CohortMember[];
  meId: string | undefined;
  pending: boolean;
  onRemove: (member: CohortMember) => void;
  onResetCode: (member: CohortMember) => void;
  onRenamed: (from: string, to: string) => void;
}

function MembersTable({ cohortId, members, meId, pending, onRemove, onResetCode, onRenamed }: MembersTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The learner whose name is being corrected (one at a time).
  const [renaming, setRenaming] = useState<string | null>(null);
  const columns = {
    name: t('fields.displayName'),
    role: t('program.members.role'),
    added: t('program.members.addedAt'),
    actions: t('program.columns.actions'),
  };
  return (
    <div className="table-wrap">
      <table className="table-cards">
        <caption className="visually-hidden">{t('program.members.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.role}</th>
            <th scope="col">{columns.added}</th>
            <th scope="col">{columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row" data-label={columns.name}>
                {m.role === 'learner' ? (
                  <Link to={`/program/learners/${m.userId}`}>{m.displayName}</Link>
                ) : (
                  m.displayName
                )}
              </th>
              <td data-label={columns.role}>{t(`roles.${m.role}`)}</td>
              <td data-label={columns.added}>{formatDate(m.addedAt, locale)}</td>
              <td data-label={columns.actions}>
                {m.userId === meId ? (
                  <span className="muted">{t('program.members.you')}</span>
                ) : (
                  <div className="button-row">
                    {/* Renaming follows the reset-code rule (a learner wholly in the caller's care): the same flag. */}
                    {m.canResetPassword && renaming !== m.userId ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        disabled={pending}
                        onClick={() => setRenaming(m.userId)}
                      >
                        {t('program.members.rename')}
                      </button>
                    ) : null}
                    {m.canResetPassword ? (
                      <ConfirmAction
                        label={t('program.members.resetCode')}
                        question={t('program.members.resetConfirm', { name: m.displayName })}
                        confirmLabel={t('program.members.resetYes')}
                        pending={pending}
                        onConfirm={() => onResetCode(m)}
                      />
                    ) : m.role === 'learner' ? (
                      // The API refuses a manager a code for a learner who is also in a cohort they do not manage: say so instead of offering a button that fails.
                      <span className="muted">{t('program.members.resetOnlyAdmin')}</span>
                    ) : null}
                    <ConfirmAction
                      label={t('program.members.remove')}
                      question={t('program.members.removeConfirm', { name: m.displayName })}
                      confirmLabel={t('program.members.removeYes')}
                      pending={pending}
                      danger
                      onConfirm={() => onRemove(m)}
                    />
                  </div>
                )}
                {renaming === m.userId ? (
                  <RenameMember
                    cohortId={cohortId}
                    member={m}
                    onCancel={() => setRenaming(null)}
                    onDone={(from, to) => {
                      setRenaming(null);
                      onRenamed(from, to);
                    }}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
