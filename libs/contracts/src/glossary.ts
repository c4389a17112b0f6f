import { z } from 'zod';

/**
 * The North/South glossary (issue 6). Shipped as libs/curriculum/glossary/terms.json, an array of
 * these, sorted by `term`. Lessons link a term with [[term]] or [[term|shown text]].
 */
export const GLOSSARY_TAGS = ['loanword', 'civic', 'legal', 'human-rights', 'work', 'housing', 'money', 'daily-life', 'digital', 'health', 'education'] as const;
export const glossaryTagSchema = z.enum(GLOSSARY_TAGS);

export const glossaryTermEntrySchema = z.strictObject({
  /** The South Korean word as lessons write it inside [[…]]. */
  term: z.string().trim().min(1).max(60),
  /** Established North Korean equivalents; empty when none is established (never invented). */
  northKorean: z.array(z.string().trim().min(1).max(60)).max(5),
  /** A plain-Korean explanation a newcomer understands (1–3 short sentences). */
  explanation: z.string().trim().min(10).max(400),
  gloss: z.strictObject({ en: z.string().trim().min(1).max(200), zh: z.string().trim().min(1).max(200) }),
  /** One Korean example sentence from daily life. */
  example: z.string().trim().min(5).max(300),
  tags: z.array(glossaryTagSchema).min(1).max(4),
  /** Other terms of this glossary. */
  related: z.array(z.string().trim().min(1).max(60)).max(6),
});
export type GlossaryTermEntry = z.infer<typeof glossaryTermEntrySchema>;
export const glossaryFileSchema = z.array(glossaryTermEntrySchema);
