import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublishedCourse, PublishedLesson } from '@dari/contracts';
import { snapshot } from './learning.queries.js';

const MAX = 200;

/**
 * Published versions never change, so each API instance may keep recent ones in memory: a cache
 * that can never be stale, and the same on every instance.
 */
@Injectable()
export class SnapshotCacheService {
  private readonly cache = new Map<string, { course: PublishedCourse; lessons: Map<string, PublishedLesson> }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(courseId: string, version: number, m: EntityManager = this.db.manager) {
    const key = `${courseId}:${version}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const course = await snapshot(m, courseId, version);
    if (!course) return undefined;
    const entry = { course, lessons: new Map(course.modules.flatMap((mod) => mod.lessons).map((l) => [l.id, l])) };
    this.cache.set(key, entry);
    const oldest = this.cache.keys().next();
    if (this.cache.size > MAX && !oldest.done) this.cache.delete(oldest.value);
    return entry;
  }
}
