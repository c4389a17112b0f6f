import type { PublishedCourse } from '@dari/contracts';
import { routeUrl } from '../../../lib/route-table';

const KEY = 'dari.offline';

type Saved = Record<string, number>; // "<user id>:<slug>" → the version saved

function read(): Saved {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Saved) : {};
  } catch {
    return {};
  }
}

/** The version of the course saved for offline on this phone by this person, if any. */
export function savedVersion(userId: string, slug: string): number | null {
  return read()[`${userId}:${slug}`] ?? null;
}

/** Offline copies need the service worker (the installed app); it is not there in development. */
export function canSaveOffline(): boolean {
  return (
    typeof navigator !== 'undefined' && 'serviceWorker' in navigator && Boolean(navigator.serviceWorker.controller)
  );
}

/**
 * Fetches everything a course needs through the service worker, which keeps a copy: the course (what
 * the course page shows), its outline (the lesson page's list of lessons and locks), the learner's
 * progress, each lesson's answer (its text as the server's HTML: what the player shows) and the
 * course's media files. The pages' code is
 * already kept by the service worker when it installs.
 */
export async function saveForOffline(userId: string, course: PublishedCourse): Promise<void> {
  // The same addresses the pages ask for, so the service worker's copies answer them offline.
  const params = { slug: course.slug };
  const urls = [
    routeUrl('catalog.get', { params }),
    routeUrl('catalog.outline', { params }),
    routeUrl('learning.progress', { params }),
  ];
  for (const lesson of course.modules.flatMap((m) => m.lessons)) {
    urls.push(routeUrl('catalog.lesson', { params: { slug: course.slug, lessonId: lesson.id } }));
    if (lesson.content.kind === 'media' && lesson.content.mediaId)
      urls.push(routeUrl('media.get', { params: { id: lesson.content.mediaId } }));
  }
  for (const url of urls) {
    const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json, */*' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    await res.arrayBuffer(); // read to the end, so the whole file is kept
  }
  const saved = read();
  saved[`${userId}:${course.slug}`] = course.version ?? 0;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // storage full or blocked: the copy is still kept, only the note is missing
  }
}
