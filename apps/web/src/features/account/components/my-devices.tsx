import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadError, StatusMessage } from '../../../components/alerts';
import { ConfirmAction } from '../../../components/confirm-action';
import { useLocale } from '../../../components/use-locale';
import { formatKoreaDateTime } from '../../../lib/korea-time';
import { useDevices, useEndDevice, useEndOtherDevices, type Device } from '../api/sessions';
import '../devices.css';

/** "Chrome on Linux" (as the API summarises a browser) in the reader's language. */
export function deviceName(t: TFunction, userAgent: string | null): string {
  const parts = userAgent ? /^(.+) on (.+)$/.exec(userAgent) : null;
  if (!parts) return userAgent ?? t('privacy.devices.unknown');
  const os = parts[2] === 'unknown system' ? t('privacy.devices.unknownSystem') : parts[2];
  return t('privacy.devices.name', { browser: parts[1], os });
}

/**
 * The person's signed-in devices: this one first and marked, each named by browser and system with
 * when it signed in and when it was last used (Korea time, to the minute), so that nine "Chrome on
 * Linux" rows can be told apart. Any other one can be ended, or all the others at once.
 */
export function MyDevices() {
  const { t } = useTranslation();
  const locale = useLocale();
  const devices = useDevices();
  const end = useEndDevice();
  const endOthers = useEndOtherDevices();
  const [done, setDone] = useState<string | null>(null);
  const items = [...(devices.data?.items ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const others = items.filter((d) => !d.current).length;

  const when = (d: Device) => ({
    signedIn: formatKoreaDateTime(d.createdAt, locale),
    lastUsed: formatKoreaDateTime(d.lastSeenAt, locale),
  });

  return (
    <section className="card" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('privacy.devices.title')}</h2>
      <p>{t('privacy.devices.explain')}</p>
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={end.error ?? endOthers.error} />
      {devices.isError ? <LoadError error={devices.error} onRetry={() => void devices.refetch()} /> : null}
      <ul className="device-list">
        {items.map((d) => {
          const name = deviceName(t, d.userAgent);
          const times = when(d);
          return (
            <li key={d.id} className={d.current ? 'device-current' : undefined} data-testid="device">
              <p className="device-name">
                <strong>{name}</strong>
                {d.current ? <span className="badge badge-this-device">{t('privacy.devices.thisOne')}</span> : null}
                {d.sharedDevice ? <span className="badge">{t('privacy.devices.shared')}</span> : null}
              </p>
              <p className="muted device-times">
                <span>{t('privacy.devices.signedIn', { date: times.signedIn })}</span>
                <span>{t('privacy.devices.lastSeen', { date: times.lastUsed })}</span>
              </p>
              {!d.current ? (
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('privacy.devices.endNamed', { name, date: times.signedIn })}
                  onClick={() => {
                    setDone(null);
                    end.mutate(d.id, { onSuccess: () => setDone(t('privacy.devices.ended', { name })) });
                  }}
                  disabled={end.isPending}
                >
                  {t('privacy.devices.end')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <ConfirmAction
          label={t('privacy.devices.endOthers', { count: others })}
          question={t('privacy.devices.endOthersConfirm', { count: others })}
          confirmLabel={t('privacy.devices.endOthersYes')}
          pending={endOthers.isPending}
          danger
          onConfirm={() => {
            setDone(null);
            endOthers.mutate(undefined, {
              onSuccess: (r) => setDone(t('privacy.devices.endedOthers', { count: r.ended })),
            });
          }}
        />
      ) : devices.data ? (
        <p className="muted">{t('privacy.devices.onlyThisOne')}</p>
      ) : null}
    </section>
  );
}
