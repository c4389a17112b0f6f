import type { AuthorCourse, AuthorLesson, LessonContent } from '@dari/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError } from '@/components/alerts';
import { pickText } from '@/components/course/localized';
import { CheckboxField } from '@/components/fields';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useLocale } from '@/components/use-locale';
import { authorCourseQueryKey, useAuthorCourse } from '../api/get-course';
import { lessonQueryKey, useLesson } from '../api/get-lesson';
import { updateLesson } from '../api/update-lesson';
import { cleanText, LocalizedFields, type Text } from '../components/localized-fields';
import { MarkdownEditor } from '../components/markdown-editor';
import { MediaEditor } from '../components/media-editor';
import { QuizEditor, questionsWithoutAnswer } from '../components/quiz-editor';
import { SaveStatus } from '../components/save-status';
import { useAutosave } from '../hooks/use-autosave';
import { paths } from '@/config/paths';

interface LessonDraft {
  title: Text;
  required: boolean;
  estimatedMinutes: number;
  contentNote: { ko: string; en?: string };
  content: LessonContent;
}

/** Every {ko, en?, zh?} inside the content loses its empty optional languages. */
function cleanDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, cleanDeep(v)] as const);
    const obj = Object.fromEntries(entries) as Record<string, unknown>;
    if (typeof obj['ko'] === 'string') return cleanText(obj as Text) as T;
    return obj as T;
  }
  return value;
}

function toDraft(lesson: AuthorLesson): LessonDraft {
  return {
    title: lesson.title,
    required: lesson.required,
    estimatedMinutes: lesson.estimatedMinutes,
    contentNote: lesson.contentNote ?? { ko: '' },
    content: lesson.content,
  };
}

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function LessonEditorPage() {
  const { t } = useTranslation();
  const { id = '', lessonId = '' } = useParams();
  const course = useAuthorCourse(id);
  const lesson = useLesson(lessonId);
  const [loads, setLoads] = useState(0);

  if (course.isPending || lesson.isPending) return <Loading />;
  if (course.isError || lesson.isError) {
    return (
      <Page title={t('errorPage.loadTitle')}>
        <LoadError
          error={course.error ?? lesson.error}
          onRetry={() => void Promise.all([course.refetch(), lesson.refetch()])}
        />
        <Link to={paths.teach.home}>{t('authoring.backToCourses')}</Link>
      </Page>
    );
  }
  const reload = async () => {
    await Promise.all([lesson.refetch(), course.refetch()]);
    setLoads((n) => n + 1);
  };
  return (
    <LessonEditor
      key={`${lessonId}-${loads}`}
      course={course.data}
      lesson={lesson.data}
      onReload={() => void reload()}
    />
  );
}

function LessonEditor({
  course,
  lesson,
  onReload,
}: {
  course: AuthorCourse;
  lesson: AuthorLesson;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const client = useQueryClient();
  const [draft, setDraft] = useState<LessonDraft>(() => toDraft(lesson));
  const readOnly = !course.canEdit;

  const autosave = useAutosave({
    revision: lesson.revision,
    enabled: !readOnly,
    canSave: () => {
      if (!draft.title.ko.trim()) return false;
      if (draft.content.kind === 'media' && draft.content.url !== null && !isHttpsUrl(draft.content.url)) return false;
      return true;
    },
    send: async (revision) => {
      const note = draft.contentNote.ko.trim() || draft.contentNote.en?.trim() ? cleanText(draft.contentNote) : null;
      const saved = await updateLesson(lesson.id, {
        revision,
        title: cleanText(draft.title),
        required: draft.required,
        estimatedMinutes: draft.estimatedMinutes,
        contentNote: note,
        content: cleanDeep(draft.content),
      });
      client.setQueryData(lessonQueryKey(lesson.id), saved);
      // The outline shows titles and minutes: let it fetch again when next shown.
      void client.invalidateQueries({ queryKey: authorCourseQueryKey(course.id), refetchType: 'none' });
      return saved.revision;
    },
  });

  const update = (patch: Partial<LessonDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    autosave.changed();
  };
  const setContent = (content: LessonContent) => update({ content });
  const title = pickText(draft.title, locale).text || t('authoring.untitled');
  const content = draft.content;
  const unanswered = content.kind === 'quiz' ? questionsWithoutAnswer(content.questions) : [];
  const warning = unanswered.length
    ? t('lessonEditor.questionsWithoutAnswer', { questions: unanswered.join(', '), count: unanswered.length })
    : null;

  return (
    <Page title={t('lessonEditor.title', { title })}>
      <p>
        <Link to={paths.teach.course(course.id)}>
          {t('lessonEditor.backToCourse', { course: pickText(course.title, locale).text })}
        </Link>
      </p>
      <p className="muted">{t(`lessonKinds.${lesson.content.kind}`)}</p>
      {readOnly ? <p className="alert alert-info">{t('authoring.readOnly')}</p> : null}
      {!readOnly ? (
        <SaveStatus
          state={autosave.state}
          error={autosave.error}
          onRetry={autosave.retry}
          onReload={onReload}
          warning={warning}
        />
      ) : null}
      <form
        className="form lesson-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          autosave.flush();
        }}
        onBlur={() => autosave.flush()}
      >
        <fieldset disabled={readOnly || autosave.state === 'stale'} className="plain-fieldset">
          <legend className="visually-hidden">{t('lessonEditor.title', { title })}</legend>
          <LocalizedFields
            label={t('lessonEditor.lessonTitle')}
            value={draft.title}
            maxLength={200}
            koreanMissing={!draft.title.ko.trim()}
            onChange={(v) => update({ title: v })}
          />
          <CheckboxField
            label={t('lessonEditor.required')}
            hint={t('lessonEditor.requiredHint')}
            checked={draft.required}
            onChange={(e) => update({ required: e.target.checked })}
          />
          <div className="field">
            <label htmlFor={`${id}-minutes`}>{t('lessonEditor.minutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="numeric"
              min={1}
              max={240}
              value={draft.estimatedMinutes}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (Number.isFinite(n) && n >= 1 && n <= 240) update({ estimatedMinutes: n });
              }}
            />
          </div>
          <LocalizedFields
            label={t('lessonEditor.contentNote')}
            value={draft.contentNote}
            languages={['ko', 'en']}
            multiline
            maxLength={500}
            onChange={(v) => update({ contentNote: { ko: v.ko, ...(v.en !== undefined ? { en: v.en } : {}) } })}
          />
          <p className="field-hint">{t('lessonEditor.contentNoteHint')}</p>

          {content.kind === 'reading' ? (
            <MarkdownEditor
              label={t('lessonEditor.body')}
              value={content.body}
              courseId={course.id}
              images
              disabled={readOnly}
              onChange={(body) => setContent({ ...content, body })}
            />
          ) : null}
          {content.kind === 'reflection' ? (
            <MarkdownEditor
              label={t('lessonEditor.prompt')}
              value={content.prompt}
              courseId={course.id}
              disabled={readOnly}
              onChange={(prompt) => setContent({ ...content, prompt })}
            />
          ) : null}
          {content.kind === 'media' ? (
            <MediaEditor value={content} courseId={course.id} disabled={readOnly} onChange={setContent} />
          ) : null}
          {content.kind === 'quiz' ? <QuizEditor value={content} disabled={readOnly} onChange={setContent} /> : null}
        </fieldset>
        {!readOnly ? (
          <button type="submit" className="button button-primary" disabled={autosave.state === 'stale'}>
            {t('autosave.saveNow')}
          </button>
        ) : null}
      </form>
    </Page>
  );
}
