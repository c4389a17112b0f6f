import { LESSON_KINDS, type AuthorCourse, type LessonKind } from '@dari/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alerts';
import { ConfirmAction } from '@/components/confirm-action';
import { pickText } from '@/components/course/localized';
import { useLocale } from '@/components/use-locale';
import { isApiError } from '@/lib/api';
import { useCreateLesson } from '../api/create-lesson';
import { useCreateModule } from '../api/create-module';
import { useDeleteLesson } from '../api/delete-lesson';
import { useDeleteModule } from '../api/delete-module';
import { useReorderOutline } from '../api/reorder-outline';
import { useUpdateModule } from '../api/update-module';
import { paths } from '@/config/paths';

type Outline = { id: string; lessonIds: string[] }[];

function outlineOf(course: AuthorCourse): Outline {
  return course.modules.map((m) => ({ id: m.id, lessonIds: m.lessons.map((l) => l.id) }));
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b], next[a]];
  return next;
}

function AddLesson({ courseId, moduleId, moduleName }: { courseId: string; moduleId: string; moduleName: string }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateLesson(courseId);
  const [kind, setKind] = useState<LessonKind>('reading');
  const [title, setTitle] = useState('');
  return (
    <form
      className="add-lesson"
      aria-label={t('outline.addLessonTo', { module: moduleName })}
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim())
          create.mutate({ moduleId, kind, title: { ko: title.trim() } }, { onSuccess: () => setTitle('') });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('outline.newLessonTitle')}</label>
        <input
          id={`${id}-title`}
          type="text"
          lang="ko"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('outline.lessonKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as LessonKind)}>
          {LESSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`lessonKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={!title.trim() || create.isPending}>
        {t('outline.addLesson')}
      </button>
      <ErrorAlert error={create.error} />
    </form>
  );
}

function ModuleTitle({ moduleId, value }: { moduleId: string; value: { ko: string; en?: string; zh?: string } }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateModule();
  const [title, setTitle] = useState(value.ko);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim() && title !== value.ko) update.mutate({ moduleId, title: { ...value, ko: title.trim() } });
      }}
    >
      <div className="field">
        <label htmlFor={id}>{t('outline.moduleTitle')}</label>
        <input id={id} type="text" lang="ko" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button
        type="submit"
        className="button button-secondary"
        disabled={!title.trim() || title === value.ko || update.isPending}
      >
        {t('outline.rename')}
      </button>
      <ErrorAlert error={update.error} />
    </form>
  );
}

/**
 * Modules and their lessons, reordered with buttons (keyboard and screen-reader friendly, no dragging).
 * Every move sends the whole outline with the revision it was made on.
 */
export function OutlineEditor({ course, onStale }: { course: AuthorCourse; onStale: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const reorder = useReorderOutline(course.id);
  const addModule = useCreateModule(course.id);
  const deleteModule = useDeleteModule();
  const deleteLesson = useDeleteLesson(course.id);
  const [moduleTitle, setModuleTitle] = useState('');
  const canEdit = course.canEdit;
  const name = (text: { ko: string; en?: string; zh?: string }) =>
    pickText(text, locale).text || t('authoring.untitled');

  const send = (modules: Outline) =>
    reorder.mutate(
      { revision: course.revision, modules },
      { onError: (error) => (isApiError(error) && error.code === 'stale_revision' ? onStale() : undefined) },
    );
  const moveModule = (index: number, to: number) => send(swap(outlineOf(course), index, to));
  const moveLesson = (m: number, index: number, to: number) => {
    const outline = outlineOf(course);
    outline[m] = { ...outline[m], lessonIds: swap(outline[m].lessonIds, index, to) };
    send(outline);
  };
  const moveLessonToModule = (m: number, index: number, target: number) => {
    const outline = outlineOf(course);
    const [lessonId] = outline[m].lessonIds.splice(index, 1);
    // Into the previous module it goes last; into the next one, first: the lesson keeps its place in the course.
    if (target < m) outline[target].lessonIds.push(lessonId);
    else outline[target].lessonIds.unshift(lessonId);
    send(outline);
  };
  const busy = reorder.isPending;

  return (
    <section className="outline-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('outline.title')}</h2>
      <ErrorAlert error={reorder.error ?? deleteModule.error ?? deleteLesson.error} />
      <p role="status" aria-live="polite" className="visually-hidden">
        {reorder.isSuccess ? t('outline.moved') : null}
      </p>
      {course.modules.length === 0 ? <p className="muted">{t('outline.empty')}</p> : null}
      <ol className="outline-modules">
        {course.modules.map((module, m) => {
          const moduleName = name(module.title);
          return (
            <li key={module.id} className="card outline-module">
              <h3 lang={pickText(module.title, locale).lang}>{moduleName}</h3>
              {canEdit ? (
                <>
                  <ModuleTitle key={module.title.ko} moduleId={module.id} value={module.title} />
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={busy || m === 0}
                      onClick={() => moveModule(m, m - 1)}
                      aria-label={t('outline.moveUp', { name: moduleName })}
                    >
                      {t('outline.up')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={busy || m === course.modules.length - 1}
                      onClick={() => moveModule(m, m + 1)}
                      aria-label={t('outline.moveDown', { name: moduleName })}
                    >
                      {t('outline.down')}
                    </button>
                    <ConfirmAction
                      label={t('outline.deleteModule', { name: moduleName })}
                      question={t('outline.deleteModuleConfirm', { name: moduleName, count: module.lessons.length })}
                      confirmLabel={t('outline.deleteYes')}
                      danger
                      pending={deleteModule.isPending}
                      onConfirm={() => deleteModule.mutate(module.id)}
                    />
                  </div>
                </>
              ) : null}
              {module.lessons.length === 0 ? <p className="muted">{t('outline.noLessons')}</p> : null}
              <ol className="outline-lessons">
                {module.lessons.map((lesson, i) => {
                  const lessonName = name(lesson.title);
                  return (
                    <li key={lesson.id} className="outline-lesson">
                      <p>
                        <Link to={paths.teach.lesson(course.id, lesson.id)} lang={pickText(lesson.title, locale).lang}>
                          {lessonName}
                        </Link>{' '}
                        <span className="muted">
                          {t(`lessonKinds.${lesson.kind}`)} ·{' '}
                          {lesson.required ? t('lesson.required') : t('lesson.optional')} ·{' '}
                          {t('lesson.minutes', { count: lesson.estimatedMinutes })}
                          {lesson.hasContentNote ? ` · ${t('outline.hasContentNote')}` : ''}
                        </span>
                      </p>
                      {canEdit ? (
                        <div className="button-row">
                          <button
                            type="button"
                            className="button button-secondary"
                            disabled={busy || i === 0}
                            onClick={() => moveLesson(m, i, i - 1)}
                            aria-label={t('outline.moveUp', { name: lessonName })}
                          >
                            {t('outline.up')}
                          </button>
                          <button
                            type="button"
                            className="button button-secondary"
                            disabled={busy || i === module.lessons.length - 1}
                            onClick={() => moveLesson(m, i, i + 1)}
                            aria-label={t('outline.moveDown', { name: lessonName })}
                          >
                            {t('outline.down')}
                          </button>
                          {m > 0 ? (
                            <button
                              type="button"
                              className="button button-secondary"
                              disabled={busy}
                              onClick={() => moveLessonToModule(m, i, m - 1)}
                              aria-label={t('outline.toPreviousModule', { name: lessonName })}
                            >
                              {t('outline.previousModule')}
                            </button>
                          ) : null}
                          {m < course.modules.length - 1 ? (
                            <button
                              type="button"
                              className="button button-secondary"
                              disabled={busy}
                              onClick={() => moveLessonToModule(m, i, m + 1)}
                              aria-label={t('outline.toNextModule', { name: lessonName })}
                            >
                              {t('outline.nextModule')}
                            </button>
                          ) : null}
                          <ConfirmAction
                            label={t('outline.deleteLesson', { name: lessonName })}
                            question={t('outline.deleteLessonConfirm', { name: lessonName })}
                            confirmLabel={t('outline.deleteYes')}
                            danger
                            pending={deleteLesson.isPending}
                            onConfirm={() => deleteLesson.mutate(lesson.id)}
                          />
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              {canEdit ? <AddLesson courseId={course.id} moduleId={module.id} moduleName={moduleName} /> : null}
            </li>
          );
        })}
      </ol>
      {canEdit ? (
        <form
          className="inline-form card"
          onSubmit={(e) => {
            e.preventDefault();
            if (moduleTitle.trim())
              addModule.mutate({ ko: moduleTitle.trim() }, { onSuccess: () => setModuleTitle('') });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-module`}>{t('outline.newModuleTitle')}</label>
            <input
              id={`${id}-module`}
              type="text"
              lang="ko"
              maxLength={200}
              value={moduleTitle}
              onChange={(e) => setModuleTitle(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={!moduleTitle.trim() || addModule.isPending}>
            {t('outline.addModule')}
          </button>
          <ErrorAlert error={addModule.error} />
        </form>
      ) : null}
    </section>
  );
}
