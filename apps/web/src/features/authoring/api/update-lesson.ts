import type { AuthorLesson, UpdateLesson } from '@dari/contracts';
import { api } from '../../../lib/api';

/** Carries the revision it was made on; 409 stale_revision when someone saved in between. */
export function updateLesson(id: string, body: UpdateLesson): Promise<AuthorLesson> {
  return api('authoring.updateLesson', { params: { id }, body });
}
