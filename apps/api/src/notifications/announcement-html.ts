import { markdownToHtml } from '@dari/contracts/markdown';

export interface LocalizedText {
  ko: string;
  en?: string;
  zh?: string;
}

/**
 * An announcement's Markdown as sanitised HTML in every language it has, with the lessons' rules
 * (@dari/contracts/markdown): the one path by which the inbox, the course page and the cohort card show an
 * announcement, so none of them loads a Markdown engine. `headingLevel` is where its own headings start under
 * the page's headings.
 */
export function announcementHtml(text: LocalizedText, headingLevel: number): LocalizedText {
  const html: LocalizedText = { ko: markdownToHtml(text.ko, { headingLevel }) };
  if (text.en !== undefined) html.en = markdownToHtml(text.en, { headingLevel });
  if (text.zh !== undefined) html.zh = markdownToHtml(text.zh, { headingLevel });
  return html;
}
