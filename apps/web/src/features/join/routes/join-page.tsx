import { LOCALES } from '@dari/contracts';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { FieldMessageText, SelectField, TextField } from '@/components/fields';
import { Loading } from '@/components/loading';
import { NewPasswordFields } from '@/components/new-password-fields';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { LANGUAGE_NAMES, rememberLocale, setLanguage } from '@/i18n';
import { isApiError } from '@/lib/api';
import { HTML_LANG } from '@/lib/format';
import { applyServerFieldErrors, encodeMessage, loadOnce, schemaResolver } from '@/lib/form';
import { isLocale } from '@/lib/locale';
import { ROLE_HOME } from '@/lib/roles';
import { useMe } from '@/lib/session';
import { useJoin } from '../api/join';
import { useJoinPreview } from '../api/preview-join';
import { LearnerJoin } from '../components/learner-join';
import type { JoinFormInput, JoinFormValues } from '../join.schema';
import '../join.css';
import { paths } from '@/config/paths';

const loadSchema = loadOnce(() => import('../join.schema').then((m) => m.joinFormSchema));

/** Codes look like ABCDE-FGHJK; people may type them with spaces, without the dash, in small letters. */
export function normalizeJoinCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-9]{10}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : null;
}

/** Public: a new learner joins a cohort with the code their program gave them. No email, no phone. */
export function JoinPage() {
  const { t } = useTranslation();
  const { code: raw } = useParams();
  const me = useMe();
  const joined = useRef(false);
  const code = raw ? normalizeJoinCode(raw) : null;
  // Only once we know nobody is signed in: a signed-in learner joins with POST /me/cohorts, and every
  // preview look-up counts against the throttle.
  const preview = useJoinPreview(code ?? '', Boolean(code) && !me.isPending && !me.data);

  if (me.isPending) return <Loading />;
  // A learner already signed in joins one more cohort with this account.
  if (me.data && !joined.current && me.data.role === 'learner') {
    if (code) return <LearnerJoin code={code} name={me.data.displayName} codeEntry={<CodeEntry />} />;
    return (
      <Page title={raw ? t('join.cannotTitle') : t('join.enterTitle')} className="page-narrow">
        {raw ? (
          <div className="alert alert-error" role="alert">
            <p>{t('join.badFormat')}</p>
          </div>
        ) : (
          <p>{t('join.existing.enterIntro', { name: me.data.displayName })}</p>
        )}
        <CodeEntry />
      </Page>
    );
  }
  if (me.data && !joined.current) {
    return (
      <Page title={t('join.signedInTitle')} className="page-narrow">
        <p>{t('join.signedInBody', { name: me.data.displayName })}</p>
        <p>
          <Link to={ROLE_HOME[me.data.role]}>{t('common.goHome')}</Link>
        </p>
      </Page>
    );
  }

  if (!raw) {
    return (
      <Page title={t('join.enterTitle')} className="page-narrow">
        <p>{t('join.enterIntro')}</p>
        <CodeEntry />
      </Page>
    );
  }
  if (!code) {
    return (
      <Page title={t('join.cannotTitle')} className="page-narrow">
        <div className="alert alert-error" role="alert">
          <p>{t('join.badFormat')}</p>
        </div>
        <CodeEntry />
      </Page>
    );
  }
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <Page title={t('join.cannotTitle')} className="page-narrow">
        <ErrorAlert error={preview.error} />
        <h2>{t('join.tryAnother')}</h2>
        <CodeEntry />
      </Page>
    );
  }
  return <JoinForm code={code} cohortName={preview.data.cohortName} onJoined={() => (joined.current = true)} />;
}

function CodeEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const code = normalizeJoinCode(value);
    setInvalid(!code);
    if (code) void navigate(paths.join(code));
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <div className={invalid ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{t('join.code')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('join.codeHint')}
        </p>
        <input
          id={id}
          className="input-code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(e) => setValue(e.target.value)}
        />
        {invalid ? (
          <p id={`${id}-error`} className="field-error">
            {t('join.badFormat')}
          </p>
        ) : null}
      </div>
      <p>
        <button type="submit" className="button button-primary">
          {t('join.next')}
        </button>
      </p>
    </form>
  );
}

function JoinForm({ code, cohortName, onJoined }: { code: string; cohortName: string; onJoined: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const privacyId = useId();
  const join = useJoin();
  const form = useForm<JoinFormInput, unknown, JoinFormValues>({
    resolver: schemaResolver(loadSchema),
    defaultValues: {
      username: '',
      displayName: '',
      newPassword: '',
      confirmPassword: '',
      locale,
      acceptPrivacy: false,
    },
  });
  const { errors } = form.formState;

  // Fetch the validation rules while the person types.
  useEffect(() => {
    loadSchema().catch(() => undefined);
  }, []);

  // The language box follows the interface language (the header's switch changes both).
  useEffect(() => {
    form.setValue('locale', locale);
  }, [form, locale]);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const me = await join.mutateAsync({
        code,
        username: values.username,
        displayName: values.displayName,
        password: values.newPassword,
        locale: values.locale,
      });
      onJoined();
      void navigate(ROLE_HOME[me.role], { replace: true });
    } catch (error) {
      if (!isApiError(error)) return;
      applyServerFieldErrors(error, form.setError, ['username', 'displayName', 'locale']);
      for (const field of error.fields) {
        if (field.path.replace(/^body\./, '') === 'password') {
          form.setError('newPassword', {
            type: 'server',
            message: encodeMessage({ key: 'validation.server', values: { detail: field.message } }),
          });
        }
      }
      if (error.code === 'username_taken')
        form.setError('username', { type: 'server', message: encodeMessage({ key: 'errors.username_taken' }) });
      if (error.code === 'password_too_common')
        form.setError('newPassword', { type: 'server', message: encodeMessage({ key: 'errors.password_too_common' }) });
    }
  });

  const languageField = form.register('locale', {
    // Choosing a language also shows this page in it.
    onChange: (e: { target: { value: string } }) => {
      const value = e.target.value;
      if (isLocale(value)) {
        rememberLocale(value);
        void setLanguage(value);
      }
    },
  });
  const privacyError = errors.acceptPrivacy;

  return (
    <Page title={t('join.title', { name: cohortName })} className="page-narrow">
      <p>{t('join.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorAlert error={join.error} />
        <TextField
          label={t('fields.username')}
          hint={t('join.usernameHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username}
          {...form.register('username')}
        />
        <TextField
          label={t('fields.displayName')}
          hint={t('join.displayNameHint')}
          autoComplete="nickname"
          error={errors.displayName}
          {...form.register('displayName')}
        />
        <NewPasswordFields
          newPassword={form.register('newPassword')}
          confirmPassword={form.register('confirmPassword')}
          errors={errors}
        />
        <SelectField
          label={t('fields.language')}
          hint={t('join.languageHint')}
          error={errors.locale}
          {...languageField}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={HTML_LANG[l]}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>

        <section className="privacy-notice" aria-labelledby={`${privacyId}-title`}>
          <h2 id={`${privacyId}-title`}>{t('join.privacy.title')}</h2>
          <ul>
            <li>{t('join.privacy.records')}</li>
            <li>{t('join.privacy.notAsked')}</li>
            <li>{t('join.privacy.whoSees')}</li>
            <li>{t('join.privacy.journal')}</li>
            <li>{t('join.privacy.yourRights')}</li>
          </ul>
          <div className={privacyError ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
            <input
              id={`${privacyId}-accept`}
              type="checkbox"
              aria-invalid={privacyError ? true : undefined}
              aria-describedby={privacyError ? `${privacyId}-error` : undefined}
              {...form.register('acceptPrivacy')}
            />
            <label htmlFor={`${privacyId}-accept`}>{t('join.privacy.accept')}</label>
            <FieldMessageText id={`${privacyId}-error`} error={privacyError} />
          </div>
        </section>

        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
      <p className="after-form">
        <Link to={paths.signIn}>{t('join.haveAccount')}</Link>
      </p>
    </Page>
  );
}
