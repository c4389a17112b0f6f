import type { HoldReason, QueuedEvent } from './event-store';

/** What the learner can do about one cause: join the course, finish the lessons before, or let the work go. */
export type HeldRemedy = 'join' | 'unlock' | 'let_go';

/** One message for the learner: every held event with the same cause (and course, where the fix is per course). */
export interface HeldGroup {
  /** Stable across renders and reloads, e.g. `not_enrolled:rights-at-work` or `lesson_not_found`. */
  key: string;
  reason: HoldReason;
  remedy: HeldRemedy;
  /** The course, for causes fixed course by course (joining it, opening its lessons). */
  slug: string | null;
  items: QueuedEvent[];
}

const REMEDY: Record<HoldReason, HeldRemedy> = {
  not_enrolled: 'join',
  locked: 'unlock',
  // The lesson is gone, or changed by a republish so that this work no longer fits it: it can't count.
  lesson_not_found: 'let_go',
  no_content_note: 'let_go',
  wrong_kind: 'let_go',
  invalid_answers: 'let_go',
  unknown: 'let_go',
};

/** Held events grouped into one message per cause (per course for joining and locks), oldest first. */
export function groupHeld(held: readonly QueuedEvent[]): HeldGroup[] {
  const groups = new Map<string, HeldGroup>();
  for (const item of held) {
    if (!item.held) continue;
    const { reason } = item.held;
    const remedy: HeldRemedy = (REMEDY as Partial<Record<string, HeldRemedy>>)[reason] ?? 'let_go';
    const slug = remedy === 'let_go' ? null : item.slug;
    const key = slug === null ? reason : `${reason}:${slug}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { key, reason, remedy, slug, items: [item] });
  }
  return [...groups.values()];
}
