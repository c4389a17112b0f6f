import { ROLES, roleSchema, uuidSchema, type Role, type UserSummary } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert, LoadError, StatusMessage } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { Loading } from '@/components/loading';
import { OneTimeCode } from '@/components/one-time-code';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { LANGUAGE_NAMES } from '@/i18n';
import { formatKoreaDateTime } from '@/lib/korea-time';
import { useCreateResetCode } from '../api/create-reset-code';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { useEraseUser, useUserOverview } from '../api/user-overview';
import { pickText } from '@/components/course/localized';
import '../../../components/page-wide.css';
import { paths } from '@/config/paths';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const validId = uuidSchema.safeParse(id).success;
  const user = useUser(id, validId);
  // After an erasure the account is gone: say so here instead of loading it again.
  const [erased, setErased] = useState<string | null>(null);

  if (erased) {
    return (
      <Page title={t('userDetail.erasedTitle')}>
        <StatusMessage>{t('userDetail.erased', { name: erased })}</StatusMessage>
        <Link to={paths.admin.users}>{t('adminUsers.backToList')}</Link>
      </Page>
    );
  }

  if (!validId) {
    return (
      <Page title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
        <Link to={paths.admin.users}>{t('adminUsers.backToList')}</Link>
      </Page>
    );
  }
  if (user.isPending) return <Loading />;
  if (user.isError) {
    return (
      <Page title={t('userDetail.loadFailedTitle')}>
        <LoadError error={user.error} onRetry={() => void user.refetch()} />
        <Link to={paths.admin.users}>{t('adminUsers.backToList')}</Link>
      </Page>
    );
  }
  return <UserDetail user={user.data} onErased={setErased} />;
}

function UserDetail({ user, onErased }: { user: UserSummary; onErased: (name: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleSelectId = useId();
  const update = useUpdateUser(user.id);
  const resetCode = useCreateResetCode(user.id);
  const erase = useEraseUser(user.id);
  const [role, setRole] = useState<Role>(user.role);
  const [saved, setSaved] = useState<string | null>(null);

  const save = (body: { role: Role } | { status: 'active' | 'disabled' }, message: string) => {
    setSaved(null);
    update.mutate(body, { onSuccess: () => setSaved(message) });
  };

  return (
    <Page title={t('userDetail.title', { name: user.displayName })} className="page-wide">
      <p>
        <Link to={paths.admin.users}>{t('adminUsers.backToList')}</Link>
      </p>
      <StatusMessage>{saved}</StatusMessage>
      <ErrorAlert error={update.error} />

      <section className="card" aria-labelledby="user-facts-title">
        <h2 id="user-facts-title">{t('userDetail.factsTitle')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('fields.username')}</dt>
            <dd translate="no">{user.username}</dd>
          </div>
          <div>
            <dt>{t('fields.displayName')}</dt>
            <dd>{user.displayName}</dd>
          </div>
          <div>
            <dt>{t('fields.role')}</dt>
            <dd>{t(`roles.${user.role}`)}</dd>
          </div>
          <div>
            <dt>{t('fields.status')}</dt>
            <dd>
              <span className={`badge badge-${user.status}`}>{t(`statuses.${user.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('fields.language')}</dt>
            <dd>{LANGUAGE_NAMES[user.locale]}</dd>
          </div>
          <div>
            <dt>{t('userDetail.createdAt')}</dt>
            <dd>{formatKoreaDateTime(user.createdAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('adminUsers.lastLogin')}</dt>
            <dd>{user.lastLoginAt ? formatKoreaDateTime(user.lastLoginAt, locale) : t('adminUsers.never')}</dd>
          </div>
        </dl>
      </section>

      <UserPlaces userId={user.id} />

      <section className="card" aria-labelledby="user-role-title">
        <h2 id="user-role-title">{t('userDetail.roleTitle')}</h2>
        <div className="field">
          <label htmlFor={roleSelectId}>{t('fields.role')}</label>
          <select
            id={roleSelectId}
            value={role}
            onChange={(e) => {
              const parsed = roleSchema.safeParse(e.target.value);
              if (parsed.success) setRole(parsed.data);
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <ConfirmAction
          label={t('userDetail.roleSave')}
          question={t('userDetail.roleConfirm', { name: user.displayName, role: t(`roles.${role}`) })}
          confirmLabel={t('userDetail.roleYes')}
          disabled={role === user.role}
          pending={update.isPending}
          onConfirm={() => save({ role }, t('userDetail.roleSaved', { role: t(`roles.${role}`) }))}
        />
      </section>

      <section className="card" aria-labelledby="user-status-title">
        <h2 id="user-status-title">{t('userDetail.statusTitle')}</h2>
        {user.status === 'active' ? (
          <>
            <p>{t('userDetail.disableExplain')}</p>
            <ConfirmAction
              label={t('userDetail.disable')}
              question={t('userDetail.disableConfirm', { name: user.displayName })}
              confirmLabel={t('userDetail.disableYes')}
              pending={update.isPending}
              danger
              onConfirm={() => save({ status: 'disabled' }, t('userDetail.disabled'))}
            />
          </>
        ) : (
          <>
            <p>{t('userDetail.enableExplain')}</p>
            <ConfirmAction
              label={t('userDetail.enable')}
              question={t('userDetail.enableConfirm', { name: user.displayName })}
              confirmLabel={t('userDetail.enableYes')}
              pending={update.isPending}
              onConfirm={() => save({ status: 'active' }, t('userDetail.enabled'))}
            />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="user-reset-title">
        <h2 id="user-reset-title">{t('userDetail.resetTitle')}</h2>
        <p>{t('userDetail.resetExplain')}</p>
        <ErrorAlert error={resetCode.error} />
        {resetCode.data ? (
          <OneTimeCode code={resetCode.data} forName={user.displayName} username={user.username} />
        ) : (
          <ConfirmAction
            label={t('userDetail.resetMake')}
            question={t('userDetail.resetConfirm', { name: user.displayName })}
            confirmLabel={t('userDetail.resetYes')}
            pending={resetCode.isPending}
            onConfirm={() => resetCode.mutate()}
          />
        )}
      </section>

      <section className="card" aria-labelledby="user-erase-title">
        <h2 id="user-erase-title">{t('userDetail.eraseTitle')}</h2>
        <p>{t('userDetail.eraseExplain')}</p>
        <ErrorAlert error={erase.error} />
        <ConfirmAction
          label={t('userDetail.erase')}
          question={t('userDetail.eraseConfirm', { name: user.displayName, username: user.username })}
          confirmLabel={t('userDetail.eraseYes')}
          pending={erase.isPending}
          danger
          onConfirm={() => erase.mutate(undefined, { onSuccess: () => onErased(user.displayName) })}
        />
      </section>
    </Page>
  );
}

/** The account's cohorts and courses (status and percent), so the admin sees where the person takes part. */
function UserPlaces({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const overview = useUserOverview(userId);
  return (
    <section className="card" aria-labelledby="user-places-title">
      <h2 id="user-places-title">{t('userDetail.placesTitle')}</h2>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <LoadError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <>
          <h3>{t('userDetail.cohortsTitle')}</h3>
          {overview.data.cohorts.length === 0 ? (
            <p className="muted">{t('userDetail.noCohorts')}</p>
          ) : (
            <ul className="user-places" data-testid="user-cohorts">
              {overview.data.cohorts.map((k) => (
                <li key={k.id}>
                  <Link to={paths.program.cohort(k.id)}>{k.name}</Link>{' '}
                  <span className="muted">({t(`userDetail.cohortRoles.${k.role}`)})</span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('userDetail.coursesTitle')}</h3>
          {overview.data.enrolments.length === 0 ? (
            <p className="muted">{t('userDetail.noCourses')}</p>
          ) : (
            <ul className="user-places" data-testid="user-courses">
              {overview.data.enrolments.map((e) => {
                const title = pickText(e.title, locale);
                return (
                  <li key={e.courseId}>
                    <span lang={title.lang}>{title.text}</span> — {t(`userDetail.enrolmentStatus.${e.status}`)},{' '}
                    {t('userDetail.percent', { percent: e.percent })}
                    {e.lastActivityAt ? (
                      <span className="muted">
                        {' '}
                        · {t('userDetail.lastActivity', { date: formatKoreaDateTime(e.lastActivityAt, locale) })}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
