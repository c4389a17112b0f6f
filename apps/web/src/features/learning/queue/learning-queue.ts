import type { EventBatchResult, LearningEvent } from '@dari/contracts';
import { useSyncExternalStore } from 'react';
import { api } from '../../../lib/api';
import { EventQueue } from './event-queue';
import { deviceStore } from './event-store';

export function sendEvents(events: LearningEvent[]): Promise<EventBatchResult> {
  return api('learning.events', { body: { events } });
}

// One queue per page load, shared by every learning page (the store underneath is shared by tabs).
let queue = new EventQueue(deviceStore(), sendEvents);

export function learningQueue(): EventQueue {
  return queue;
}

/** For tests: a fresh queue (and store) so that nothing waits over from an earlier test. */
export function replaceLearningQueue(next: EventQueue): void {
  queue = next;
}

/** The signed-in person's events still waiting on this device. */
export function usePendingEvents() {
  const q = learningQueue();
  return useSyncExternalStore(q.subscribe, q.pending, q.pending);
}

/** A new event with an id made on this device and the time it happened. */
export function newEvent<T extends LearningEvent['type']>(
  type: T,
  lessonId: string,
  extra: Omit<Extract<LearningEvent, { type: T }>, 'id' | 'lessonId' | 'occurredAt' | 'type'>,
): Extract<LearningEvent, { type: T }> {
  return { id: crypto.randomUUID(), lessonId, occurredAt: new Date().toISOString(), type, ...extra } as Extract<
    LearningEvent,
    { type: T }
  >;
}

/** The signed-in person's events the server refused, held on this device with their reason. */
export function useHeldEvents() {
  const q = learningQueue();
  return useSyncExternalStore(q.subscribe, q.held, q.held);
}
