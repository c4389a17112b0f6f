import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { useEraseMe } from '../api/erase-me';
import { paths } from '@/config/paths';
import { routeUrl } from '@/lib/route-table';

/** Download everything Dari holds about me; erase my account (after my password). */
export function MyData() {
  const { t } = useTranslation();
  const erase = useEraseMe();
  const [asking, setAsking] = useState(false);
  const [password, setPassword] = useState('');
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (password) erase.mutate(password);
  };
  return (
    <section className="card" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('privacy.data.title')}</h2>
      <p>{t('privacy.data.explain')}</p>
      <p>
        <a className="button button-secondary" href={routeUrl('me.export')} download>
          {t('privacy.data.download')}
        </a>
      </p>
      <p>
        <Link to={paths.accountData}>{t('privacy.readable.link')}</Link>
      </p>
      <p>
        <Link to={paths.privacy}>{t('privacy.data.readNotice')}</Link>
      </p>
      <h3>{t('privacy.erase.title')}</h3>
      <p>{t('privacy.erase.explain')}</p>
      {!asking ? (
        <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
          {t('privacy.erase.start')}
        </button>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <ErrorAlert error={erase.error} />
          <div className="field">
            <label htmlFor="erase-password">{t('privacy.erase.password')}</label>
            <input
              id="erase-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={!password || erase.isPending}>
              {t('privacy.erase.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
