import type { CatalogCourse, CourseProgress, PublishedCourse } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { isApiError } from '@/lib/api';
import { useEnrol } from '../api/enrol';
import { useWithdraw } from '../api/withdraw';
import { lessonPath } from '../lesson-path';
import { PercentBar } from './percent-bar';
import { paths } from '@/config/paths';

interface EnrolPanelProps {
  course: PublishedCourse;
  progress: CourseProgress;
  policy: CatalogCourse['enrolmentPolicy'] | undefined;
}

/** Enrol (one tap, or with the course code), continue where the learner left off, or withdraw. */
export function EnrolPanel({ course, progress, policy }: EnrolPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const enrol = useEnrol(course.slug);
  const withdraw = useWithdraw();
  const [code, setCode] = useState('');
  const wrongCode = isApiError(enrol.error) && enrol.error.code === 'wrong_course_code';
  const needsCode = policy === 'code' || wrongCode;
  const enrolment = progress.enrolment;
  const lessons = course.modules.flatMap((m) => m.lessons);

  if (!enrolment) {
    return (
      <section className="card enrol-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('learning.enrol.title')}</h2>
        <p>{needsCode ? t('learning.enrol.codeIntro') : t('learning.enrol.intro')}</p>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            enrol.mutate(needsCode ? code : undefined);
          }}
        >
          {needsCode ? (
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('learning.enrol.code')}</label>
              <input
                id={`${id}-code`}
                className="input-code"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                aria-invalid={wrongCode || undefined}
                aria-describedby={wrongCode ? `${id}-code-error` : undefined}
              />
              {wrongCode ? (
                <p id={`${id}-code-error`} className="field-error">
                  {t('errors.wrong_course_code')}
                </p>
              ) : null}
            </div>
          ) : null}
          {enrol.error && !wrongCode ? <ErrorAlert error={enrol.error} /> : null}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={enrol.isPending}>
              {t('learning.enrol.submit')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  const next = enrolment.next;
  const nextIndex = next ? lessons.findIndex((l) => l.id === next.lessonId) : -1;
  return (
    <section className="card enrol-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {enrolment.status === 'completed' ? t('learning.enrol.finishedTitle') : t('learning.enrol.enrolledTitle')}
      </h2>
      {enrolment.status === 'completed' ? (
        <p className="state-done">
          <span aria-hidden="true">✓ </span>
          {t('learning.enrol.finished')}
        </p>
      ) : (
        <PercentBar percent={enrolment.percent} />
      )}
      <div className="button-row">
        {next && nextIndex >= 0 ? (
          <Link className="button button-primary" to={lessonPath(course.slug, next.lessonId)}>
            {enrolment.percent > 0 || enrolment.lastActivityAt ? t('learning.mine.continue') : t('learning.mine.start')}
          </Link>
        ) : null}
        {enrolment.status === 'completed' ? (
          <Link className="button" to={paths.learn.certificates(course.courseId)}>
            {t('learning.mine.certificate')}
          </Link>
        ) : null}
      </div>
      {enrolment.status === 'active' ? (
        <div className="withdraw">
          <ConfirmAction
            label={t('learning.enrol.withdraw')}
            question={t('learning.enrol.withdrawQuestion')}
            confirmLabel={t('learning.enrol.withdrawConfirm')}
            pending={withdraw.isPending}
            onConfirm={() => withdraw.mutate(enrolment.id)}
          />
          {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
        </div>
      ) : null}
    </section>
  );
}
