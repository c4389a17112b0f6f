import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../components/use-locale';
import { formatKoreaDateTime } from '../../../lib/korea-time';
import type { ImportedLearner } from '../api/import-learners';

/**
 * One slip per new learner, to cut out and hand over in class: name, username, one-time code and
 * where to use it. Printed eight to an A4 page (see program.css); the codes are shown only now.
 */
export function ImportSlips({
  cohortName,
  learners,
  onClose,
}: {
  cohortName: string;
  learners: ImportedLearner[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const resetUrl = `${window.location.origin}/reset-code`;
  return (
    <section aria-labelledby="slips-title">
      <h3 id="slips-title">{t('program.slips.title')}</h3>
      <div className="no-print">
        <p>
          <strong>{t('program.slips.onlyOnce')}</strong> {t('program.slips.explain')}
        </p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('program.slips.print')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('program.slips.importMore')}
          </button>
        </div>
      </div>
      <ul className="print-sheet slips">
        {learners.map((l) => (
          <li key={l.userId} className="slip" data-testid="slip">
            <p className="slip-cohort">{cohortName}</p>
            <p className="slip-name">{t('program.slips.hello', { name: l.displayName })}</p>
            <dl className="slip-facts">
              <div>
                <dt>{t('fields.username')}</dt>
                <dd translate="no">{l.username}</dd>
              </div>
              <div>
                <dt>{t('program.slips.code')}</dt>
                <dd className="slip-code" translate="no">
                  {l.code}
                </dd>
              </div>
            </dl>
            <p className="slip-where">
              {t('program.slips.where')}{' '}
              <span className="slip-url" translate="no">
                {resetUrl}
              </span>
            </p>
            <p className="slip-expires">
              {t('program.slips.expires', { date: formatKoreaDateTime(l.expiresAt, locale) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
