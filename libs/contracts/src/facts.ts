import { z } from 'zod';

/**
 * A dated fact (libs/curriculum/facts/README.md): a figure that changes by law or by year, kept as data
 * with its value per period and the primary source of each value. Lessons, quiz texts and glossary
 * entries write `{{fact:KEY}}`; the renderer (facts-render.ts) shows the value that holds on the day.
 */
export const FACT_KINDS = ['money', 'number', 'age', 'days', 'months', 'years', 'percent', 'text'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A fact key: lower-case words joined by dashes ("minimum-wage-hourly"). */
export const factKeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by dashes' })
  .max(64);

const isoDateSchema = z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' });
const factTextSchema = z.strictObject({
  ko: z.string().trim().min(1, { error: 'must not be empty' }),
  en: z.string().trim().min(1, { error: 'must not be empty' }),
  zh: z.string().trim().min(1, { error: 'must not be empty' }),
});

export const factValueSchema = z.strictObject({
  from: isoDateSchema,
  /** null: until changed by law (the fact's reviewBy says when to look again). */
  to: isoDateSchema.nullable(),
  /** A number for every kind but `text`, whose value is a text per language. */
  value: z.union([z.number(), factTextSchema]),
  /** The primary source: a notice (고시), a statute and article. Never empty. */
  source: z.string().trim().min(1, { error: 'every value needs its primary source' }),
});
export type FactValue = z.infer<typeof factValueSchema>;

export const factSchema = z
  .strictObject({
    key: factKeySchema,
    kind: z.enum(FACT_KINDS),
    /** What the number counts ("KRW/hour"); informative, not shown. */
    unit: z.string().max(40).optional(),
    label: factTextSchema,
    /** Oldest first; periods never overlap. */
    values: z.array(factValueSchema).min(1, { error: 'needs at least one value' }),
    /** When someone must look for a newer value (e.g. the day the next notice is due). */
    reviewBy: isoDateSchema.nullable(),
    /** Where a learner finds the current value (an office, its phone line, its 누리집), per language. */
    checkAt: factTextSchema,
  })
  .superRefine((fact, ctx) => {
    fact.values.forEach((v, i) => {
      if (fact.kind === 'text' ? typeof v.value !== 'object' : typeof v.value !== 'number')
        ctx.addIssue({
          code: 'custom',
          path: ['values', i, 'value'],
          message: fact.kind === 'text' ? 'a text fact needs { ko, en, zh }' : 'must be a number',
        });
      if (v.to !== null && v.to < v.from)
        ctx.addIssue({ code: 'custom', path: ['values', i, 'to'], message: 'ends before it starts' });
      if (v.to === null && i < fact.values.length - 1)
        ctx.addIssue({ code: 'custom', path: ['values', i, 'to'], message: 'only the last value may be open-ended' });
      const prev = i > 0 ? fact.values[i - 1] : null;
      if (prev && (prev.to === null || prev.to >= v.from))
        ctx.addIssue({
          code: 'custom',
          path: ['values', i, 'from'],
          message: 'values must be in order and must not overlap',
        });
    });
  });
export type Fact = z.infer<typeof factSchema>;

/** One file of libs/curriculum/facts. */
export const factFileSchema = z.array(factSchema);

/** GET /facts/review: the facts someone must look at again (reviewBy reached, or the last period over). */
export const factReviewItemSchema = z.object({
  key: z.string(),
  label: factTextSchema,
  kind: z.enum(FACT_KINDS),
  /** The last known value and the year it is for. */
  lastValue: z.union([z.number(), factTextSchema]),
  lastYear: z.number().int(),
  /** Its end, when it has one. */
  lastTo: z.string().nullable(),
  source: z.string(),
  reviewBy: z.string().nullable(),
  checkAt: factTextSchema,
  /** Why: the review date has come, and/or the last period has ended. */
  reviewDue: z.boolean(),
  expired: z.boolean(),
});
export type FactReviewItem = z.infer<typeof factReviewItemSchema>;
export const factReviewListSchema = z.object({ today: z.string(), items: z.array(factReviewItemSchema) });
export type FactReviewList = z.infer<typeof factReviewListSchema>;

// The type of every schema above that has no type beside it.
export type FactKey = z.infer<typeof factKeySchema>;
export type FactFile = z.infer<typeof factFileSchema>;
/** GET /facts: the whole registry. */
export const factListSchema = z.array(factSchema);
export type FactList = z.infer<typeof factListSchema>;
