import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception.js';
import type { AuthContext } from '../common/http/request.js';
import { CourseEntity } from './course.entity.js';
import { isCoInstructor } from './courses.queries.js';

export type CourseAccess = 'read' | 'edit' | 'own';

/**
 * Who may do what with a course's draft: admins everything; managers read; the owner and
 * co-instructors edit; only the owner (or an admin) names co-instructors. Anyone else is told the
 * course does not exist — the same answer as for a missing id.
 */
@Injectable()
export class CourseAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isCoInstructor(courseId: string, userId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    return isCoInstructor(m, courseId, userId);
  }

  /** Loads the course for this purpose, or throws 404/403. With `lock`, the row is locked for the transaction. */
  async course(
    courseId: string,
    auth: AuthContext,
    access: CourseAccess,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<CourseEntity> {
    const course = await m.findOne(CourseEntity, {
      where: { id: courseId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!course) throw AppException.notFound('course');
    if (auth.role === 'admin') return course;
    if (auth.role === 'manager') {
      if (access === 'read') return course;
      throw AppException.forbidden('Program managers can read courses but not change them.');
    }
    if (auth.role === 'instructor') {
      if (course.ownerId === auth.userId) return course;
      if (await this.isCoInstructor(course.id, auth.userId, m)) {
        if (access === 'own') throw AppException.forbidden('Only the course owner or an admin can change this.');
        return course;
      }
    }
    throw AppException.notFound('course');
  }

  async canEdit(course: CourseEntity, auth: AuthContext, m: EntityManager = this.db.manager): Promise<boolean> {
    if (auth.role === 'admin') return true;
    if (auth.role !== 'instructor') return false;
    return course.ownerId === auth.userId || (await this.isCoInstructor(course.id, auth.userId, m));
  }
}
