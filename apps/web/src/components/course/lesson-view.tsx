import type { PublishedLesson } from '@dari/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyMarkdown } from '../markdown/lazy-markdown';
import { useLocale } from '../use-locale';
import { mediaUrl, pickText } from './localized';
import { QuizTry } from './quiz-try';

interface LessonViewProps {
  lesson: PublishedLesson;
  /** Maps bundle image paths to served media, when the course provides a mapping. */
  resolveImage?: (src: string) => string | null | undefined;
}

function LessonBody({ lesson, resolveImage }: LessonViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const content = lesson.content;

  switch (content.kind) {
    case 'reading': {
      const body = pickText(content.body, locale);
      return <LazyMarkdown source={body.text} lang={body.lang} resolveImage={resolveImage} />;
    }
    case 'reflection': {
      const prompt = pickText(content.prompt, locale);
      return (
        <div className="reflection">
          <LazyMarkdown source={prompt.text} lang={prompt.lang} resolveImage={resolveImage} />
          <p className="muted">{t('lesson.reflectionPrivate')}</p>
        </div>
      );
    }
    case 'media': {
      const transcript = pickText(content.transcript, locale);
      return (
        <div className="media-lesson">
          {content.mediaId ? (
            content.mediaType === 'video' ? (
              <video controls preload="metadata" src={mediaUrl(content.mediaId)} className="media-player" aria-label={t('lesson.mediaVideo')} />
            ) : (
              <audio controls preload="metadata" src={mediaUrl(content.mediaId)} aria-label={t('lesson.mediaAudio')} />
            )
          ) : null}
          {/* A video elsewhere opens only when the learner chooses: nothing loads from another site by itself. */}
          {!content.mediaId && content.url ? (
            <p>
              <a href={content.url} rel="noopener noreferrer" target="_blank">
                {content.mediaType === 'video' ? t('lesson.openVideoElsewhere') : t('lesson.openAudioElsewhere')}
              </a>
            </p>
          ) : null}
          {!content.mediaId && !content.url ? <p className="muted">{t('lesson.mediaMissing')}</p> : null}
          {transcript.text.trim() ? (
            <section className="transcript" aria-label={t('lesson.transcript')}>
              <h3>{t('lesson.transcript')}</h3>
              <LazyMarkdown source={transcript.text} lang={transcript.lang} resolveImage={resolveImage} />
            </section>
          ) : null}
        </div>
      );
    }
    case 'quiz':
      return <QuizTry key={lesson.id} content={content} locale={locale} />;
  }
}

/** One lesson as a learner sees it; a content note comes first and the learner chooses to go on. */
export function LessonView({ lesson, resolveImage }: LessonViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [noteAccepted, setNoteAccepted] = useState(false);
  const title = pickText(lesson.title, locale);
  const note = lesson.contentNote ? pickText(lesson.contentNote, locale) : null;

  return (
    <article className="lesson" aria-labelledby={`lesson-${lesson.id}`}>
      <h2 id={`lesson-${lesson.id}`} lang={title.lang}>
        {title.text}
      </h2>
      <p className="muted">
        {t(`lessonKinds.${lesson.kind}`)} · {t('lesson.minutes', { count: lesson.estimatedMinutes })} ·{' '}
        {lesson.required ? t('lesson.required') : t('lesson.optional')}
      </p>
      {note && note.text.trim() && !noteAccepted ? (
        <div className="content-note" role="note">
          <p>
            <strong>{t('lesson.contentNote')}</strong>
          </p>
          <p lang={note.lang}>{note.text}</p>
          <p>{t('lesson.contentNoteChoice')}</p>
          <button type="button" className="button" onClick={() => setNoteAccepted(true)}>
            {t('lesson.contentNoteContinue')}
          </button>
        </div>
      ) : (
        <LessonBody lesson={lesson} resolveImage={resolveImage} />
      )}
    </article>
  );
}
