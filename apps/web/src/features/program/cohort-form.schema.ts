import { z } from 'zod';

// Date boxes give '' when left empty: that means "no date".
const optionalDay = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.iso.date().nullable());

export const cohortFormSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000),
    startsOn: optionalDay,
    endsOn: optionalDay,
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, {
    path: ['endsOn'],
    params: { i18n: 'program.cohortForm.endBeforeStart' },
  });

export type CohortFormInput = { name: string; description: string; startsOn: string; endsOn: string };
export type CohortFormValues = z.output<typeof cohortFormSchema>;
