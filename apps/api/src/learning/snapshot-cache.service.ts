import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PublishedCourse, PublishedLesson, QuizReview } from '@dari/contracts';
import { quizReview } from '../courses/index.js';
import { snapshot } from './learning.queries.js';

const MAX = 200;

/**
 * Published versions never change, so each API instance may keep recent ones in memory: a cache
 * that can never be stale, and the same on every instance.
 */
@Injectable()
export class SnapshotCacheService {
  private readonly cache = new Map<
    string,
    { course: PublishedCourse; lessons: Map<string, PublishedLesson>; reviews: Map<string, QuizReview> }
  >();

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
    const entry = {
      course,
      lessons: new Map(course.modules.flatMap((mod) => mod.lessons).map((l) => [l.id, l])),
      reviews: new Map<string, QuizReview>(),
    };
    this.cache.set(key, entry);
    const oldest = this.cache.keys().next();
    if (this.cache.size > MAX && !oldest.done) this.cache.delete(oldest.value);
    return entry;
  }

  /**
   * The right answers and explanations (as HTML) of quiz `lessonId` in this version, for a learner who has
   * answered it; rendered once per version and lesson. Empty when the version has no such quiz.
   */
  async review(courseId: string, version: number, lessonId: string, m?: EntityManager): Promise<QuizReview> {
    const entry = await this.get(courseId, version, m);
    const lesson = entry?.lessons.get(lessonId);
    if (!entry || !lesson) return {};
    let review = entry.reviews.get(lessonId);
    if (!review) {
      review = quizReview(lesson);
      entry.reviews.set(lessonId, review);
    }
    return review;
  }
}
