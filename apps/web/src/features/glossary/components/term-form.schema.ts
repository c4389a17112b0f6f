import { glossaryTagSchema, glossaryTermEntrySchema, type GlossaryTermEntry } from '@dari/contracts';
import { z } from 'zod';

/** Lists are typed as text, one comma between items (Korean and Chinese commas work too). */
const splitList = (text: string) =>
  text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

const listField = (max: number, key: string) =>
  z.string().superRefine((text, ctx) => {
    const items = splitList(text);
    if (items.length > max || items.some((item) => item.length > 60))
      ctx.addIssue({ code: 'custom', message: key, params: { i18n: key } });
  });

const shape = glossaryTermEntrySchema.shape;
export const termFormSchema = z.object({
  term: shape.term,
  northKorean: listField(5, 'glossary.form.northKoreanInvalid'),
  explanation: shape.explanation,
  glossEn: z.string().trim().min(1).max(200),
  glossZh: z.string().trim().min(1).max(200),
  example: shape.example,
  tags: z.array(glossaryTagSchema).superRefine((tags, ctx) => {
    if (tags.length === 0)
      ctx.addIssue({ code: 'custom', message: 'tags', params: { i18n: 'glossary.form.tagsRequired' } });
    if (tags.length > 4)
      ctx.addIssue({ code: 'custom', message: 'tags', params: { i18n: 'glossary.form.tagsTooMany' } });
  }),
  related: listField(6, 'glossary.form.relatedInvalid'),
});

export type TermFormValues = z.input<typeof termFormSchema>;
export type TermFormOutput = z.output<typeof termFormSchema>;
export const FIELDS = [
  'term',
  'northKorean',
  'explanation',
  'glossEn',
  'glossZh',
  'example',
  'tags',
  'related',
] as const;

export function toFormValues(entry?: Partial<GlossaryTermEntry>): TermFormValues {
  return {
    term: entry?.term ?? '',
    northKorean: (entry?.northKorean ?? []).join(', '),
    explanation: entry?.explanation ?? '',
    glossEn: entry?.gloss?.en ?? '',
    glossZh: entry?.gloss?.zh ?? '',
    example: entry?.example ?? '',
    tags: entry?.tags ?? [],
    related: (entry?.related ?? []).join(', '),
  };
}

export function toEntry(values: TermFormOutput): GlossaryTermEntry {
  return {
    term: values.term.trim(),
    northKorean: splitList(values.northKorean),
    explanation: values.explanation.trim(),
    gloss: { en: values.glossEn.trim(), zh: values.glossZh.trim() },
    example: values.example.trim(),
    tags: values.tags,
    related: splitList(values.related),
  };
}

/** Saves the entry; an ApiError thrown here is shown beside the fields it names. */
export type SaveTerm = (entry: GlossaryTermEntry) => Promise<unknown>;
