import { routeUrl } from '../../lib/route-table';

/**
 * The address of an uploaded image, audio or video file. Apart from pickText (localized.ts, on the
 * learner's first page), so the route table it reads loads with the lesson pages, on demand.
 */
export function mediaUrl(mediaId: string): string {
  return routeUrl('media.get', { params: { id: mediaId } });
}
