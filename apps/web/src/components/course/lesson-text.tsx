import { createContext, useContext } from 'react';
import { LessonHtml } from '../markdown/lesson-html';
import { LazyMarkdown, type MarkdownProps } from '../markdown/lazy-markdown';

/**
 * How a lesson's texts come: Markdown (the editor's preview, which renders it on the phone) or the HTML
 * the server rendered at publish time (the learner's player: GET /courses/:slug/lessons/:lessonId). The
 * learner's route never loads the Markdown chunk: LazyMarkdown's import runs only when it renders.
 */
export type LessonTextFormat = 'markdown' | 'html';

export const LessonTextFormatContext = createContext<LessonTextFormat>('markdown');

export function useLessonTextFormat(): LessonTextFormat {
  return useContext(LessonTextFormatContext);
}

/**
 * One of a lesson's texts (body, prompt, transcript, quiz prompt or explanation) in the format it came in.
 * The server's HTML already has its headings at the player's levels, and its images and links resolved.
 */
export function LessonText(props: MarkdownProps) {
  const format = useLessonTextFormat();
  if (format === 'html') return <LessonHtml html={props.source} lang={props.lang} className={props.className} />;
  return <LazyMarkdown {...props} />;
}
