import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { useLocale } from '../../../components/use-locale';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { ChangePasswordForm } from '../components/change-password-form';
import { DisplayNameForm } from '../components/display-name-form';
import { LanguageForm } from '../components/language-form';
import { SignOutEverywhere } from '../components/sign-out-everywhere';
import { MyData } from '../components/my-data';
import { MyDevices } from '../components/my-devices';

export function AccountPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: me } = useMe();
  if (!me) return <Loading />;

  return (
    <Page title={t('account.title')}>
      <section className="card" aria-labelledby="account-about-title">
        <h2 id="account-about-title">{t('account.aboutTitle')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('fields.username')}</dt>
            <dd translate="no">{me.username}</dd>
          </div>
          <div>
            <dt>{t('fields.role')}</dt>
            <dd>{t(`roles.${me.role}`)}</dd>
          </div>
          <div>
            <dt>{t('account.createdAt')}</dt>
            <dd>{formatDate(me.createdAt, locale)}</dd>
          </div>
        </dl>
        {me.sharedDevice ? <p className="muted">{t('account.sharedDeviceNote')}</p> : null}
      </section>
      <DisplayNameForm me={me} />
      <LanguageForm />
      <ChangePasswordForm />
      <MyDevices />
      <SignOutEverywhere />
      <MyData />
    </Page>
  );
}
