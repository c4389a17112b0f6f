import { uuidSchema } from '@dari/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../components/alerts';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { QrCode } from '../../../components/qr-code';
import { useLocale } from '../../../components/use-locale';
import { formatDateTime } from '../../../lib/format';
import { useCohort } from '../api/get-cohort';
import { joinUrl, useJoinCodes } from '../api/join-codes';
import '../program.css';

/** One join code on a sheet of paper: to pin on a wall or hand out in class. */
export function JoinCodePrintPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '', codeId = '' } = useParams();
  const validId = uuidSchema.safeParse(id).success;
  const cohort = useCohort(id, validId);
  const codes = useJoinCodes(id, validId);
  const code = codes.data?.items.find((c) => c.id === codeId);
  const back = `/program/cohorts/${id}?tab=codes`;

  if (validId && (cohort.isPending || codes.isPending)) return <Loading />;
  if (!validId || cohort.isError || codes.isError || !code || !cohort.data) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        {cohort.isError || codes.isError ? (
          <LoadError error={cohort.error ?? codes.error} />
        ) : (
          <p>{t('notFound.body')}</p>
        )}
        <Link to={back}>{t('program.codes.backToCodes')}</Link>
      </Page>
    );
  }
  const url = joinUrl(code.code);
  return (
    <Page title={t('program.printCode.title', { name: cohort.data.name })}>
      <div className="no-print button-row">
        <Link to={back}>{t('program.codes.backToCodes')}</Link>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('program.printCode.print')}
        </button>
      </div>
      <div className="print-sheet code-sheet">
        <p className="code-sheet-cohort">{cohort.data.name}</p>
        <ol className="code-sheet-steps">
          <li>
            {t('program.printCode.step1')}
            <span className="code-sheet-url" translate="no">
              {url}
            </span>
          </li>
          <li>
            {t('program.printCode.step2')}
            <span className="code-value" translate="no">
              {code.code}
            </span>
          </li>
          <li>{t('program.printCode.step3')}</li>
        </ol>
        <div className="code-sheet-qr">
          <QrCode value={url} label={t('program.printCode.qrLabel')} />
          <p>{t('program.printCode.scan')}</p>
        </div>
        <p className="muted">{t('program.printCode.noEmail')}</p>
        {code.expiresAt ? (
          <p>{t('program.printCode.expires', { date: formatDateTime(code.expiresAt, locale) })}</p>
        ) : null}
      </div>
    </Page>
  );
}
