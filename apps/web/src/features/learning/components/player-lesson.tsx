import type { Fact, Locale, PublishedLesson } from '@dari/contracts';
import { useContext, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonPlayerSlots } from '../../../components/course/lesson-view';
import { mediaUrl, pickText } from '../../../components/course/localized';
import { QuizTry } from '../../../components/course/quiz-try';
import { FactText } from '../../../components/markdown/fact-text';
import { FactsContext } from '../../../components/markdown/facts-context';
import { LazyMarkdown, MarkdownImpl } from '../../../components/markdown/lazy-markdown';
import { usePreloaded } from '../../../lib/lazy-preload';

interface PlayerLessonProps {
  lesson: PublishedLesson;
  /** The language the learner reads the lesson in (lessonLanguage); texts missing in it show in Korean. */
  lang: Locale;
  player?: LessonPlayerSlots;
  /** The dated facts the course carries: `{{fact:KEY}}` in the lesson shows the value for today (offline too). */
  facts?: readonly Fact[] | null;
}

/** What follows a reading (its end marker) appears only once the text is there, never while "loading" is shown. */
function After({ children }: { children?: ReactNode }) {
  const markdownReady = usePreloaded(MarkdownImpl);
  if (!children || !markdownReady) return null;
  return <>{children}</>;
}

function Body({ lesson, lang, player }: PlayerLessonProps) {
  const { t } = useTranslation();
  const content = lesson.content;
  switch (content.kind) {
    case 'reading': {
      const body = pickText(content.body, lang);
      return (
        <>
          <LazyMarkdown source={body.text} lang={body.lang} headingLevel={2} />
          <After>{player?.after}</After>
        </>
      );
    }
    case 'reflection': {
      const prompt = pickText(content.prompt, lang);
      return (
        <div className="reflection">
          <LazyMarkdown source={prompt.text} lang={prompt.lang} headingLevel={2} />
          {player?.reflection ?? <p className="muted">{t('lesson.reflectionPrivate')}</p>}
        </div>
      );
    }
    case 'media': {
      const transcript = pickText(content.transcript, lang);
      return (
        <div className="media-lesson">
          {content.mediaId ? (
            content.mediaType === 'video' ? (
              <video
                ref={player?.mediaRef as Ref<HTMLVideoElement> | undefined}
                controls
                preload="metadata"
                src={mediaUrl(content.mediaId)}
                className="media-player"
                aria-label={t('lesson.mediaVideo')}
                onEnded={player?.onMediaEnded}
              />
            ) : (
              <audio
                ref={player?.mediaRef as Ref<HTMLAudioElement> | undefined}
                controls
                preload="metadata"
                src={mediaUrl(content.mediaId)}
                aria-label={t('lesson.mediaAudio')}
                onEnded={player?.onMediaEnded}
              />
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
              <h2>{t('lesson.transcript')}</h2>
              <LazyMarkdown source={transcript.text} lang={transcript.lang} headingLevel={3} />
            </section>
          ) : null}
          <After>{player?.after}</After>
        </div>
      );
    }
    case 'quiz':
      // Not enrolled yet: the quiz to try, not recorded.
      return player?.quiz ?? <QuizTry key={lesson.id} content={content} locale={lang} />;
  }
}

/**
 * One lesson in the learner's player, in the language the learner reads it in (`lang`), which may differ
 * from the interface's: the lesson's own texts follow `lang`, the words around them (buttons, labels) stay
 * in the interface language. The page shows the title as its h1; a content note comes first and the
 * learner chooses to go on or skip. Markup as LessonView's (components/course/lesson-view.tsx, which the
 * editor's preview uses, always in the interface language): keep the two in step.
 */
export function PlayerLesson({ lesson, lang, player, facts }: PlayerLessonProps) {
  const outerFacts = useContext(FactsContext);
  return (
    <FactsContext.Provider value={facts ?? outerFacts}>
      <PlayerArticle lesson={lesson} lang={lang} player={player} />
    </FactsContext.Provider>
  );
}

function PlayerArticle({ lesson, lang, player }: PlayerLessonProps) {
  const { t } = useTranslation();
  const [noteAccepted, setNoteAccepted] = useState(false);
  const title = pickText(lesson.title, lang);
  const note = lesson.contentNote ? pickText(lesson.contentNote, lang) : null;
  const showNote = note && note.text.trim() && !noteAccepted;

  return (
    <article className="lesson" aria-label={title.text}>
      <p className="muted">
        {t(`lessonKinds.${lesson.kind}`)} · {t('lesson.minutes', { count: lesson.estimatedMinutes })} ·{' '}
        {lesson.required ? t('lesson.required') : t('lesson.optional')}
      </p>
      {showNote && player?.skipped ? (
        player.skipped
      ) : showNote ? (
        <div className="content-note" role="note">
          <p>
            <strong>{t('lesson.contentNote')}</strong>
          </p>
          <p lang={note.lang}>
            <FactText text={note.text} lang={note.lang} />
          </p>
          <p>{t('lesson.contentNoteChoice')}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={() => setNoteAccepted(true)}>
              {t('lesson.contentNoteContinue')}
            </button>
            {player?.onSkip ? (
              <button type="button" className="button button-secondary" onClick={player.onSkip}>
                {t('learning.player.skip')}
              </button>
            ) : null}
          </div>
        </div>
      ) : (
        <Body lesson={lesson} lang={lang} player={player} />
      )}
    </article>
  );
}
