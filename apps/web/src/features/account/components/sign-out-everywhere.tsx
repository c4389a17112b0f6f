import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/alerts';
import { ConfirmAction } from '../../../components/confirm-action';
import { useLogoutAll } from '../api/logout-all';

export function SignOutEverywhere() {
  const { t } = useTranslation();
  const logoutAll = useLogoutAll();
  return (
    <section className="card" aria-labelledby="sign-out-everywhere-title">
      <h2 id="sign-out-everywhere-title">{t('account.everywhereTitle')}</h2>
      <p>{t('account.everywhereExplain')}</p>
      <ErrorAlert error={logoutAll.error} />
      <ConfirmAction
        label={t('account.everywhereButton')}
        question={t('account.everywhereConfirm')}
        confirmLabel={t('account.everywhereYes')}
        onConfirm={() => logoutAll.mutate()}
        pending={logoutAll.isPending}
        danger
      />
    </section>
  );
}
