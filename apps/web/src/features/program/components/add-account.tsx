import type { MemberLookupResult } from '@dari/contracts';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../../components/alerts';
import { isApiError } from '../../../lib/api';
import { formText } from '../../../lib/form';
import { useMe } from '../../../lib/session';
import { useAddMember, useLookupAccount, type CohortRole } from '../api/members';

/**
 * Adds an account that already exists: the manager types its exact username (there is no list to
 * browse and no partial match — learners' identities are sensitive), checks the name that comes
 * back, and chooses the role in the cohort.
 */
export function AddAccount({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const lookup = useLookupAccount(cohortId);
  const add = useAddMember(cohortId);
  const [found, setFound] = useState<MemberLookupResult | null>(null);
  const [role, setRole] = useState<CohortRole>('learner');
  const [notice, setNotice] = useState<string | null>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const notFound = isApiError(lookup.error) && lookup.error.status === 404;
  // A manager's "not found" also covers accounts out of their reach (Manager scope): say so, for every miss alike.
  const isManager = useMe().data?.role === 'manager';

  const onLookup = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const username = formText(new FormData(event.currentTarget), 'username').trim();
    if (!username) return;
    setFound(null);
    setNotice(null);
    add.reset();
    lookup.mutate(username, {
      onSuccess: (result) => {
        setFound(result);
        setRole(result.allowedRoles[0] ?? 'learner');
      },
    });
  };

  const onAdd = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!found) return;
    add.mutate(
      { userId: found.userId, role },
      {
        onSuccess: () => {
          setNotice(t('program.addAccount.added', { name: found.displayName, role: t(`roles.${role}`) }));
          setFound(null);
          lookup.reset();
          if (usernameRef.current) usernameRef.current.value = '';
          usernameRef.current?.focus();
        },
      },
    );
  };

  return (
    <section className="card add-account" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('program.addAccount.title')}</h3>
      <p className="muted" id={`${id}-help`}>
        {t('program.addAccount.help')}
      </p>
      <form onSubmit={onLookup} className="filters">
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('program.addAccount.username')}</label>
          <input
            ref={usernameRef}
            id={`${id}-username`}
            name="username"
            type="text"
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            aria-describedby={`${id}-help`}
          />
        </div>
        <button type="submit" className="button" disabled={lookup.isPending}>
          {t('program.addAccount.find')}
        </button>
      </form>
      <StatusMessage>{notice}</StatusMessage>
      <div role="status" aria-live="polite" className="status-region">
        {notFound ? (
          <>
            <p>{t('program.addAccount.notFound')}</p>
            {isManager ? <p className="muted">{t('program.addAccount.notFoundWhy')}</p> : null}
          </>
        ) : null}
      </div>
      {notFound ? null : <ErrorAlert error={lookup.error} />}
      <ErrorAlert error={add.error} />
      {found ? (
        <form onSubmit={onAdd} className="add-account-confirm" aria-labelledby={`${id}-found`}>
          <p id={`${id}-found`}>
            {t('program.addAccount.found', { name: found.displayName, role: t(`roles.${found.accountRole}`) })}
          </p>
          {found.member ? (
            <p>{t('program.addAccount.alreadyMember', { role: t(`roles.${found.member}`) })}</p>
          ) : found.allowedRoles.length === 0 ? (
            <p>{t('program.addAccount.noRole')}</p>
          ) : (
            <>
              <fieldset>
                <legend>{t('program.addAccount.addAs')}</legend>
                {found.allowedRoles.map((r) => (
                  <div className="field field-checkbox" key={r}>
                    <input
                      id={`${id}-role-${r}`}
                      type="radio"
                      name="role"
                      value={r}
                      checked={role === r}
                      onChange={() => setRole(r)}
                    />
                    <label htmlFor={`${id}-role-${r}`}>{t(`roles.${r}`)}</label>
                  </div>
                ))}
              </fieldset>
              <div className="button-row">
                <button type="submit" className="button" disabled={add.isPending}>
                  {t('program.addAccount.confirm', { name: found.displayName })}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setFound(null);
                    lookup.reset();
                    usernameRef.current?.focus();
                  }}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </>
          )}
        </form>
      ) : null}
    </section>
  );
}
