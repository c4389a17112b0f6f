import type { Cohort } from '@dari/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, StatusMessage } from '@/components/alerts';
import { CardTable, type Column } from '@/components/card-table';
import { ConfirmAction } from '@/components/confirm-action';
import { QueryState } from '@/components/query-state';
import { useLocale } from '@/components/use-locale';
import { paths } from '@/config/paths';
import { formatKoreaDateTime } from '@/lib/korea-time';
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
      <QueryState
        query={codes}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="card empty-state">{t('program.codes.none')}</p>}
      >
        {(data) => (
          <CodesTable
            cohortId={cohort.id}
            codes={data.items}
            revoking={revoke.isPending}
            onRevoke={(code) => {
              setDone(null);
              revoke.mutate(code.id, { onSuccess: () => setDone(t('program.codes.revoked', { code: code.code })) });
            }}
          />
        )}
      </QueryState>
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

  const onSubmit = (event: SubmitEvent) => {
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
  const columns: Column<JoinCode>[] = [
    {
      key: 'code',
      header: t('program.columns.code'),
      cell: (code) => (
        <span className="join-code" translate="no">
          {code.code}
        </span>
      ),
    },
    {
      key: 'state',
      header: t('program.columns.state'),
      cell: (code) => {
        const state = joinCodeState(code);
        return <span className={`badge badge-code-${state}`}>{t(`program.codes.states.${state}`)}</span>;
      },
    },
    {
      key: 'uses',
      header: t('program.columns.uses'),
      cell: (code) =>
        code.maxUses === null
          ? t('program.codes.usesNoLimit', { uses: code.uses })
          : t('program.codes.usesOf', { uses: code.uses, max: code.maxUses }),
    },
    {
      key: 'expires',
      header: t('program.columns.expires'),
      cell: (code) => (code.expiresAt ? formatKoreaDateTime(code.expiresAt, locale) : t('program.codes.noExpiry')),
    },
    {
      key: 'actions',
      header: t('program.columns.actions'),
      cell: (code) =>
        joinCodeState(code) === 'usable' ? (
          <div className="button-row">
            <CopyButton text={joinUrl(code.code)} label={t('program.codes.copyLink')} />
            <Link to={paths.program.joinCodePrint(cohortId, code.id)} className="button button-secondary">
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
        ),
    },
  ];
  return <CardTable caption={t('program.codes.caption')} columns={columns} rows={codes} rowKey={(code) => code.id} />;
}
