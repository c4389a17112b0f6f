import type { Cohort } from '@dari/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, LoadError, StatusMessage } from '../../../components/alerts';
import { ConfirmAction } from '../../../components/confirm-action';
import { Loading } from '../../../components/loading';
import { useLocale } from '../../../components/use-locale';
import { formatDateTime } from '../../../lib/format';
import {
  joinCodeState,
  joinUrl,
  useCreateJoinCode,
  useJoinCodes,
  useRevokeJoinCode,
  type JoinCode,
} from '../api/join-codes';
import { endOfDayIso } from '../format';
import { CopyButton } from './copy-button';

/** Codes a new learner types (or opens as /join/<code>) to make an account in this cohort. */
export function JoinCodesPanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const codes = useJoinCodes(cohort.id);
  const revoke = useRevokeJoinCode(cohort.id);
  const [done, setDone] = useState<string | null>(null);

  return (
    <>
      <p>{t('program.codes.intro')}</p>
      <NewJoinCode
        cohortId={cohort.id}
        onCreated={(code) => setDone(t('program.codes.created', { code: code.code }))}
      />
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={revoke.error} />
      {codes.isPending ? <Loading /> : null}
      {codes.isError ? <LoadError error={codes.error} onRetry={() => void codes.refetch()} /> : null}
      {codes.data ? (
        codes.data.items.length === 0 ? (
          <p className="card empty-state">{t('program.codes.none')}</p>
        ) : (
          <CodesTable
            cohortId={cohort.id}
            codes={codes.data.items}
            revoking={revoke.isPending}
            onRevoke={(code) => {
              setDone(null);
              revoke.mutate(code.id, { onSuccess: () => setDone(t('program.codes.revoked', { code: code.code })) });
            }}
          />
        )
      ) : null}
    </>
  );
}

function NewJoinCode({ cohortId, onCreated }: { cohortId: string; onCreated: (code: JoinCode) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateJoinCode(cohortId);
  const [expiresOn, setExpiresOn] = useState('');
  const [maxUses, setMaxUses] = useState('');
  const today = new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in local time

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const uses = maxUses.trim() ? Number.parseInt(maxUses, 10) : null;
    create.mutate(
      {
        expiresAt: expiresOn ? endOfDayIso(expiresOn) : null,
        maxUses: uses !== null && Number.isFinite(uses) ? uses : null,
      },
      {
        onSuccess: (code) => {
          setExpiresOn('');
          setMaxUses('');
          onCreated(code);
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('program.codes.newTitle')}</h3>
      <ErrorAlert error={create.error} />
      <div className="form-pair">
        <div className="field">
          <label htmlFor={`${id}-expires`}>{t('program.codes.expiresOn')}</label>
          <p id={`${id}-expires-hint`} className="field-hint">
            {t('program.codes.expiresHint')}
          </p>
          <input
            id={`${id}-expires`}
            type="date"
            min={today}
            value={expiresOn}
            aria-describedby={`${id}-expires-hint`}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-uses`}>{t('program.codes.maxUses')}</label>
          <p id={`${id}-uses-hint`} className="field-hint">
            {t('program.codes.maxUsesHint')}
          </p>
          <input
            id={`${id}-uses`}
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            value={maxUses}
            aria-describedby={`${id}-uses-hint`}
            onChange={(e) => setMaxUses(e.target.value)}
          />
        </div>
      </div>
      <p>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('program.codes.create')}
        </button>
      </p>
    </form>
  );
}

function CodesTable({
  cohortId,
  codes,
  revoking,
  onRevoke,
}: {
  cohortId: string;
  codes: JoinCode[];
  revoking: boolean;
  onRevoke: (code: JoinCode) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns = {
    code: t('program.columns.code'),
    state: t('program.columns.state'),
    uses: t('program.columns.uses'),
    expires: t('program.columns.expires'),
    actions: t('program.columns.actions'),
  };
  return (
    <div className="table-wrap">
      <table className="table-cards">
        <caption className="visually-hidden">{t('program.codes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{columns.code}</th>
            <th scope="col">{columns.state}</th>
            <th scope="col">{columns.uses}</th>
            <th scope="col">{columns.expires}</th>
            <th scope="col">{columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => {
            const state = joinCodeState(code);
            return (
              <tr key={code.id}>
                <th scope="row" data-label={columns.code}>
                  <span className="join-code" translate="no">
                    {code.code}
                  </span>
                </th>
                <td data-label={columns.state}>
                  <span className={`badge badge-code-${state}`}>{t(`program.codes.states.${state}`)}</span>
                </td>
                <td data-label={columns.uses}>
                  {code.maxUses === null
                    ? t('program.codes.usesNoLimit', { uses: code.uses })
                    : t('program.codes.usesOf', { uses: code.uses, max: code.maxUses })}
                </td>
                <td data-label={columns.expires}>
                  {code.expiresAt ? formatDateTime(code.expiresAt, locale) : t('program.codes.noExpiry')}
                </td>
                <td data-label={columns.actions}>
                  {state === 'usable' ? (
                    <div className="button-row">
                      <CopyButton text={joinUrl(code.code)} label={t('program.codes.copyLink')} />
                      <Link to={`/program/cohorts/${cohortId}/codes/${code.id}`} className="button button-secondary">
                        {t('program.codes.print')}
                      </Link>
                      <ConfirmAction
                        label={t('program.codes.revoke')}
                        question={t('program.codes.revokeConfirm', { code: code.code })}
                        confirmLabel={t('program.codes.revokeYes')}
                        pending={revoking}
                        danger
                        onConfirm={() => onRevoke(code)}
                      />
                    </div>
                  ) : (
                    <span className="muted">{t('program.codes.noActions')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
