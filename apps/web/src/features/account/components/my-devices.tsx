import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadError } from '../../../components/alerts';
import { useLocale } from '../../../components/use-locale';
import { formatDate } from '../../../lib/format';
import { useDevices, useEndDevice } from '../api/sessions';

/** The person's signed-in devices; any other one can be ended. */
export function MyDevices() {
  const { t } = useTranslation();
  const locale = useLocale();
  const devices = useDevices();
  const end = useEndDevice();
  return (
    <section className="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('privacy.devices.title')}</h2>
      <p>{t('privacy.devices.explain')}</p>
      <ErrorAlert error={end.error} />
      {devices.isError ? <LoadError error={devices.error} onRetry={() => void devices.refetch()} /> : null}
      <ul className="device-list">
        {(devices.data?.items ?? []).map((d) => (
          <li key={d.id}>
            <p>
              <strong>{d.userAgent ?? t('privacy.devices.unknown')}</strong>
              {d.current ? <span className="badge badge-active">{t('privacy.devices.thisOne')}</span> : null}
              {d.sharedDevice ? <span className="badge">{t('privacy.devices.shared')}</span> : null}
            </p>
            <p className="muted">{t('privacy.devices.lastSeen', { date: formatDate(d.lastSeenAt, locale) })}</p>
            {!d.current ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => end.mutate(d.id)}
                disabled={end.isPending}
              >
                {t('privacy.devices.end')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
