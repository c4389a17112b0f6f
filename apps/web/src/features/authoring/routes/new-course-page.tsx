import { COURSE_TAGS, ENROLMENT_POLICIES, LOCALES, type CreateCourse } from '@dari/contracts';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { FieldMessageText, SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/page';
import { LANGUAGE_NAMES } from '@/i18n';
import { isApiError } from '@/lib/api';
import { HTML_LANG } from '@/lib/format';
import { applyServerFieldErrors, encodeMessage, schemaResolver } from '@/lib/form';
import { useCreateCourse } from '../api/create-course';
import { newCourseFormSchema, randomSlug, slugForTitles, type NewCourseValues } from '../new-course.schema';
import { paths } from '@/config/paths';

type NewCourseForm = {
  titleKo: string;
  titleEn: string;
  slug: string;
  language: string;
  tags: string[];
  enrolmentPolicy: string;
};
const EMPTY: NewCourseForm = { titleKo: '', titleEn: '', slug: '', language: 'ko', tags: [], enrolmentPolicy: 'open' };

export function NewCoursePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCourse();
  // Until the instructor types a slug, it follows the English title, or else the Korean one romanised.
  const slugTyped = useRef(false);
  const form = useForm<NewCourseForm, unknown, NewCourseValues>({
    resolver: schemaResolver(newCourseFormSchema as unknown as import('zod').ZodType<NewCourseValues, NewCourseForm>),
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;
  const titleKo = form.register('titleKo');
  const titleEn = form.register('titleEn');
  const slug = form.register('slug');
  const followTitles = () => {
    if (!slugTyped.current) form.setValue('slug', slugForTitles(form.getValues('titleKo'), form.getValues('titleEn')));
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const body: CreateCourse = {
      slug: values.slug,
      title: { ko: values.titleKo, ...(values.titleEn ? { en: values.titleEn } : {}) },
      language: values.language,
      tags: values.tags,
      enrolmentPolicy: values.enrolmentPolicy,
    };
    try {
      const course = await create.mutateAsync(body);
      void navigate(paths.teach.course(course.id));
    } catch (error) {
      if (!isApiError(error)) return;
      applyServerFieldErrors(error, form.setError, ['slug', 'language', 'tags', 'enrolmentPolicy']);
      if (error.code === 'slug_taken') {
        // Offer the free name the API suggests, so one more press is enough.
        if (error.suggestedSlug) {
          slugTyped.current = true;
          form.setValue('slug', error.suggestedSlug);
        }
        const key = error.suggestedSlug ? 'newCourse.slugTakenFilled' : 'errors.slug_taken';
        form.setError('slug', { type: 'server', message: encodeMessage({ key }) }, { shouldFocus: true });
      }
    }
  });

  return (
    <Page title={t('newCourse.title')}>
      <p>
        <Link to={paths.teach.home}>{t('authoring.backToCourses')}</Link>
      </p>
      <form
        className="form card"
        noValidate
        onSubmit={(e) => {
          // A title alone is enough: one that gives no usable address name (only Chinese, say) gets a short random one.
          if (!form.getValues('slug').trim() && form.getValues('titleKo').trim()) form.setValue('slug', randomSlug());
          void onSubmit(e);
        }}
      >
        <ErrorAlert error={create.error} />
        <TextField
          label={t('newCourse.titleKo')}
          lang="ko"
          autoComplete="off"
          error={errors.titleKo}
          {...titleKo}
          onChange={(e) => {
            void titleKo.onChange(e);
            followTitles();
          }}
        />
        <TextField
          label={t('newCourse.titleEn')}
          hint={t('newCourse.titleEnHint')}
          lang="en"
          autoComplete="off"
          error={errors.titleEn}
          {...titleEn}
          onChange={(e) => {
            void titleEn.onChange(e);
            followTitles();
          }}
        />
        <TextField
          label={t('newCourse.slug')}
          hint={t('newCourse.slugHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          translate="no"
          error={errors.slug}
          {...slug}
          onChange={(e) => {
            slugTyped.current = e.target.value !== '';
            void slug.onChange(e);
          }}
        />
        <SelectField
          label={t('newCourse.language')}
          hint={t('newCourse.languageHint')}
          error={errors.language}
          {...form.register('language')}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={HTML_LANG[locale]}>
              {LANGUAGE_NAMES[locale]}
            </option>
          ))}
        </SelectField>
        <fieldset className="checkbox-group">
          <legend>{t('newCourse.tags')}</legend>
          {COURSE_TAGS.map((tag) => (
            <div key={tag} className="field field-checkbox">
              <input id={`tag-${tag}`} type="checkbox" value={tag} {...form.register('tags')} />
              <label htmlFor={`tag-${tag}`}>{t(`courseTags.${tag}`)}</label>
            </div>
          ))}
          <FieldMessageText id="tags-error" error={errors.tags as never} />
        </fieldset>
        <SelectField
          label={t('newCourse.enrolmentPolicy')}
          error={errors.enrolmentPolicy}
          {...form.register('enrolmentPolicy')}
        >
          {ENROLMENT_POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {t(`enrolmentPolicies.${policy}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('newCourse.submit')}
        </button>
      </form>
    </Page>
  );
}
