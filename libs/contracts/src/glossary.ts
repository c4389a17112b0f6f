import { z } from 'zod';

/**
 * The North/South glossary. Shipped as libs/curriculum/glossary/terms.json, an array of
 * these, sorted by `term`. Lessons link a term with [[term]] or [[term|shown text]].
 */
/** `reference`: a term kept for looking up (search, word lists) that no starter lesson links yet. */
export const GLOSSARY_TAGS = [
  'loanword',
  'civic',
  'legal',
  'human-rights',
  'work',
  'housing',
  'money',
  'daily-life',
  'digital',
  'health',
  'education',
  'reference',
] as const;
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

/** A glossary term as the API gives it. */
export const glossaryTermSchema = glossaryTermEntrySchema.extend({
  id: z.uuid(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** For a signed-in learner: the term is in their word list. */
  saved: z.boolean(),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export const glossaryPageSchema = z.object({
  items: z.array(glossaryTermSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const glossaryQuerySchema = z.strictObject({
  /** Matches the South or North Korean word, the English or Chinese gloss; ㅁㅈㅈㅇ-style initials match 민주주의. */
  q: z.string().trim().max(60).optional(),
  tag: glossaryTagSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(30),
});
export type GlossaryQuery = z.infer<typeof glossaryQuerySchema>;

/** The terms a lesson links, by name (a lesson's [[…]] list): unknown ones are simply absent. */
export const glossaryLookupSchema = z.strictObject({
  terms: z.array(z.string().trim().min(1).max(60)).min(1).max(300),
});
export const glossaryLookupResultSchema = z.object({ items: z.array(glossaryTermSchema) });

export const saveGlossaryTermSchema = glossaryTermEntrySchema;
export const updateGlossaryTermSchema = glossaryTermEntrySchema.partial().strict();

export const WORD_REQUEST_STATUSES = ['open', 'answered', 'dismissed'] as const;
export const createWordRequestSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty' })
    .max(60, { error: 'must be at most 60 characters' }),
  lessonId: z.uuid().optional(),
});
export const wordRequestSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  status: z.enum(WORD_REQUEST_STATUSES),
  lessonId: z.uuid().nullable(),
  courseId: z.uuid().nullable(),
  /** Staff only: who asked (display name), never more. */
  askedBy: z.string().nullable(),
  term: glossaryTermSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type WordRequest = z.infer<typeof wordRequestSchema>;
export const wordRequestListSchema = z.object({ items: z.array(wordRequestSchema) });
export const wordRequestQuerySchema = z.strictObject({ status: z.enum(WORD_REQUEST_STATUSES).optional() });
/** Answer with an existing term, or create one. */
export const answerWordRequestSchema = z
  .strictObject({ termId: z.uuid().optional(), newTerm: glossaryTermEntrySchema.optional() })
  .refine((v) => (v.termId === undefined) !== (v.newTerm === undefined), { error: 'give either termId or newTerm' });
export const dismissWordRequestSchema = z.strictObject({});

// The type of every schema above that has no type beside it.
export type GlossaryTag = z.infer<typeof glossaryTagSchema>;
export type GlossaryFile = z.infer<typeof glossaryFileSchema>;
export type GlossaryPage = z.infer<typeof glossaryPageSchema>;
export type GlossaryLookup = z.infer<typeof glossaryLookupSchema>;
export type GlossaryLookupResult = z.infer<typeof glossaryLookupResultSchema>;
export type SaveGlossaryTerm = z.infer<typeof saveGlossaryTermSchema>;
export type UpdateGlossaryTerm = z.infer<typeof updateGlossaryTermSchema>;
export type CreateWordRequest = z.infer<typeof createWordRequestSchema>;
export type WordRequestList = z.infer<typeof wordRequestListSchema>;
export type WordRequestQuery = z.infer<typeof wordRequestQuerySchema>;
export type AnswerWordRequest = z.infer<typeof answerWordRequestSchema>;
export type DismissWordRequest = z.infer<typeof dismissWordRequestSchema>;
