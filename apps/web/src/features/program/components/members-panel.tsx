import { COHORT_ROLES, type Cohort, type ResetCode } from '@dari/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { CardTable, type Column } from '@/components/card-table';
import { ConfirmAction } from '@/components/confirm-action';
import { OneTimeCode } from '@/components/one-time-code';
import { Pager, pageCount } from '@/components/pager';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatKoreaDate } from '@/lib/korea-time';
import { useMe } from '@/lib/session';
import { formText } from '@/lib/form';
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
  const pages = pageCount(members.data);

  const onSearch = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const q = formText(data, 'q').trim();
    const role = formText(data, 'role');
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

      <QueryState query={members}>
        {(data) => (
          <>
            <p role="status" className="muted">
              {t('program.members.count', { count: data.total })}
            </p>
            {data.items.length > 0 ? (
              <MembersTable
                cohortId={cohort.id}
                members={data.items}
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
            <Pager
              label={t('program.pagesLabel')}
              page={filter.page}
              pages={pages}
              status={t('program.pageOf', { page: filter.page, pages })}
              onPage={(page) => setFilter({ ...filter, page })}
            />
          </>
        )}
      </QueryState>
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
  const columns: Column<CohortMember>[] = [
    {
      key: 'name',
      header: t('fields.displayName'),
      cell: (m) =>
        m.role === 'learner' ? <Link to={paths.program.learnerReport(m.userId)}>{m.displayName}</Link> : m.displayName,
    },
    { key: 'role', header: t('program.members.role'), cell: (m) => t(`roles.${m.role}`) },
    { key: 'added', header: t('program.members.addedAt'), cell: (m) => formatKoreaDate(m.addedAt, locale) },
    {
      key: 'actions',
      header: t('program.columns.actions'),
      cell: (m) => (
        <>
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
        </>
      ),
    },
  ];
  return <CardTable caption={t('program.members.caption')} columns={columns} rows={members} rowKey={(m) => m.userId} />;
}
