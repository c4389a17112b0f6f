import type { Fact, LearnerLessonContent, Locale, PublishedLesson, RenderedLessonContent } from '@dari/contracts';
import { useContext, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreloaded } from '../../lib/lazy-preload';
import { FactText } from '../markdown/fact-text';
import { FactsContext } from '../markdown/facts-context';
import { MarkdownImpl } from '../markdown/lazy-markdown';
import { useLocale } from '../use-locale';
import { LessonText, LessonTextFormatContext, useLessonTextFormat, type LessonTextFormat } from './lesson-text';
import { pickText } from './localized';
import { mediaUrl } from './media-url';
import { QuizQuestions, QuizTry, type QuizContent } from './quiz-try';

/**
 * What the learner's player adds to a lesson (the preview passes none of it): the recorded quiz and
 * journal instead of the try-it-here ones, what follows a reading or media (the end marker, "I've read
 * this"), the media element for saving the position, and skipping a content-noted lesson.
 */
export interface LessonPlayerSlots {
  quiz?: ReactNode;
  reflection?: ReactNode;
  /** Shown after a reading or a media lesson, once its text is on screen. */
  after?: ReactNode;
  mediaRef?: Ref<HTMLMediaElement>;
  onMediaEnded?: () => void;
  /** A content-noted lesson can be skipped without penalty; `skipped` tells the learner they did. */
  onSkip?: () => void;
  skipped?: ReactNode;
  /**
   * What the learner already chose about this lesson's content note: a finished lesson shows it no more;
   * one they chose to continue (remembered on this phone under `memoryKey`, the learner's and lesson's ids)
   * starts with the lesson and the note folded away.
   */
  contentNote?: { memoryKey: string | null; finished: boolean };
}

const noteStorageKey = (memoryKey: string) => `dari.contentNote.${memoryKey}`;

function rememberedContinue(memoryKey: string | null | undefined): boolean {
  if (!memoryKey) return false;
  try {
    return window.localStorage.getItem(noteStorageKey(memoryKey)) === 'continued';
  } catch {
    return false; // storage can be blocked (private mode): the note shows, as on a first visit
  }
}

function rememberContinue(memoryKey: string | null | undefined): void {
  if (!memoryKey) return;
  try {
    window.localStorage.setItem(noteStorageKey(memoryKey), 'continued');
  } catch {
    // nothing to do: the choice still holds for this visit
  }
}

/**
 * A lesson as the preview has it (with its quiz's answers) or as a learner gets it (a quiz without them:
 * the player's own quiz, from the server's grading, takes its place).
 */
export type ViewLesson = Omit<PublishedLesson, 'content'> & {
  content: PublishedLesson['content'] | LearnerLessonContent | RenderedLessonContent;
};
type AnyQuiz = Extract<ViewLesson['content'], { kind: 'quiz' }>;
/** Whether the quiz carries its answers (the preview's), so it can be tried and checked here. */
const withAnswers = (quiz: AnyQuiz): quiz is QuizContent => quiz.questions.every((q) => 'explanation' in q);

interface LessonViewProps {
  lesson: ViewLesson;
  /** Maps bundle image paths to served media, when the course provides a mapping. */
  resolveImage?: (src: string) => string | null | undefined;
  player?: LessonPlayerSlots;
  /** The page already shows the lesson's title as its h1. */
  hideTitle?: boolean;
  /**
   * The dated facts of the lesson's course (its published version carries them): `{{fact:KEY}}` in the
   * lesson, its quiz and its content note shows the value for today. Without it, an enclosing
   * FactsContext applies, if any.
   */
  facts?: readonly Fact[] | null;
  /**
   * The language the lesson's own texts are read in (the player's lesson-language choice); texts
   * missing in it show in Korean. The words around them (buttons, labels) stay in the interface
   * language. Without it, the interface language.
   */
  lang?: Locale;
  /**
   * What the lesson's texts are: Markdown (the preview, the default) or the HTML the server rendered at
   * publish time (the learner's player, from GET /courses/:slug/lessons/:lessonId: the same shape, each
   * text already HTML, so no Markdown engine on the phone).
   */
  format?: LessonTextFormat;
}

/** What comes after a reading (its end marker) appears only once the text is there, never while "loading" is shown. */
function After({ children }: { children?: ReactNode }) {
  return useLessonTextFormat() === 'html' ? <>{children}</> : <AfterMarkdown>{children}</AfterMarkdown>;
}

function AfterMarkdown({ children }: { children?: ReactNode }) {
  const markdownReady = usePreloaded(MarkdownImpl);
  if (!children || !markdownReady) return null;
  return <>{children}</>;
}

function LessonBody({ lesson, resolveImage, player, hideTitle, lang }: LessonViewProps) {
  const { t } = useTranslation();
  const interfaceLocale = useLocale();
  const locale = lang ?? interfaceLocale;
  const content = lesson.content;
  // The author's headings go under the lesson title: the page's h1 in the player, an h2 in a course preview.
  const headingLevel = hideTitle ? 2 : 3;

  switch (content.kind) {
    case 'reading': {
      const body = pickText(content.body, locale);
      return (
        <>
          <LessonText source={body.text} lang={body.lang} resolveImage={resolveImage} headingLevel={headingLevel} />
          <After>{player?.after}</After>
        </>
      );
    }
    case 'reflection': {
      const prompt = pickText(content.prompt, locale);
      return (
        <div className="reflection">
          <LessonText source={prompt.text} lang={prompt.lang} resolveImage={resolveImage} headingLevel={headingLevel} />
          {player?.reflection ?? <p className="muted">{t('lesson.reflectionPrivate')}</p>}
        </div>
      );
    }
    case 'media': {
      const transcript = pickText(content.transcript, locale);
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
                ref={player?.mediaRef}
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
              {hideTitle ? <h2>{t('lesson.transcript')}</h2> : <h3>{t('lesson.transcript')}</h3>}
              <LessonText
                source={transcript.text}
                lang={transcript.lang}
                resolveImage={resolveImage}
                headingLevel={hideTitle ? 3 : 4}
              />
            </section>
          ) : null}
          <After>{player?.after}</After>
        </div>
      );
    }
    case 'quiz':
      if (player?.quiz) return player.quiz;
      // The preview's quiz has its answers and is checked here; a learner's has none (not joined: just the questions).
      return withAnswers(content) ? (
        <QuizTry key={lesson.id} content={content} locale={locale} />
      ) : (
        <QuizQuestions key={lesson.id} content={content} locale={locale} />
      );
  }
}

/** One lesson as a learner sees it; a content note comes first and the learner chooses to go on (or skip). */
export function LessonView({ lesson, resolveImage, player, hideTitle, facts, lang, format }: LessonViewProps) {
  const outerFacts = useContext(FactsContext);
  return (
    <LessonTextFormatContext.Provider value={format ?? 'markdown'}>
      <FactsContext.Provider value={facts ?? outerFacts}>
        <LessonArticle lesson={lesson} resolveImage={resolveImage} player={player} hideTitle={hideTitle} lang={lang} />
      </FactsContext.Provider>
    </LessonTextFormatContext.Provider>
  );
}

function LessonArticle({ lesson, resolveImage, player, hideTitle, lang }: LessonViewProps) {
  const { t } = useTranslation();
  const interfaceLocale = useLocale();
  const locale = lang ?? interfaceLocale;
  const memory = player?.contentNote;
  const [noteAccepted, setNoteAccepted] = useState(() => rememberedContinue(memory?.memoryKey));
  const title = pickText(lesson.title, locale);
  const note = lesson.contentNote && !memory?.finished ? pickText(lesson.contentNote, locale) : null;
  const hasNote = Boolean(note?.text.trim());
  const showNote = note && hasNote && !noteAccepted;

  return (
    <article
      className="lesson"
      aria-labelledby={hideTitle ? undefined : `lesson-${lesson.id}`}
      aria-label={hideTitle ? title.text : undefined}
    >
      {hideTitle ? null : (
        <h2 id={`lesson-${lesson.id}`} lang={title.lang}>
          {title.text}
        </h2>
      )}
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
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                rememberContinue(memory?.memoryKey);
                setNoteAccepted(true);
              }}
            >
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
        <>
          {note && hasNote ? (
            // Chosen once already: the note stays at hand, folded, without standing in the way.
            <details className="content-note content-note-folded">
              <summary>{t('learning.player.contentNoteAgain')}</summary>
              <p lang={note.lang}>
                <FactText text={note.text} lang={note.lang} />
              </p>
            </details>
          ) : null}
          <LessonBody lesson={lesson} resolveImage={resolveImage} player={player} hideTitle={hideTitle} lang={lang} />
        </>
      )}
    </article>
  );
}
