import { z } from 'zod';

/**
 * Flashcard review of a learner's saved words (spaced repetition, docs/decisions.md): a Leitner box per
 * word, kept on the server with the saved word so two devices agree. Box 0 is a word never reviewed;
 * "알았어요" moves it up one box (at most 5), "다시 볼래요" back to box 1; the next review is
 * LEITNER_DAYS[box - 1] days later.
 */
export const LEITNER_DAYS = [1, 2, 4, 8, 16] as const;
export const MAX_REVIEW_BOX = LEITNER_DAYS.length;

/** The box after a review: known → one up (at most 5), not known → 1. */
export function nextReviewBox(box: number, known: boolean): number {
  return known ? Math.min(Math.max(box, 0) + 1, MAX_REVIEW_BOX) : 1;
}

/** When a word in `box` (1–5) is due again, counted from `from`. */
export function nextReviewAt(box: number, from: Date): Date {
  const days = LEITNER_DAYS[Math.min(Math.max(box, 1), MAX_REVIEW_BOX) - 1];
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}

/** POST /me/words/:id/review: did the learner know the word? */
export const wordReviewSchema = z.strictObject({ known: z.boolean() });
export type WordReviewBody = z.infer<typeof wordReviewSchema>;

export const wordReviewStateSchema = z.object({
  termId: z.uuid(),
  /** 0 = not reviewed yet; 1–5 = the Leitner box. */
  box: z.number().int().min(0).max(MAX_REVIEW_BOX),
  /** null: never reviewed (due now). */
  nextReviewAt: z.iso.datetime({ offset: true }).nullable(),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type WordReviewState = z.infer<typeof wordReviewStateSchema>;
export const wordReviewListSchema = z.object({ items: z.array(wordReviewStateSchema) });
