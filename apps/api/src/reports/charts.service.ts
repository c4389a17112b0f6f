import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CohortCharts } from '@dari/contracts';
import { CohortsService } from '../cohorts/index.js';
import type { AuthContext } from '../common/http/request.js';
import * as sql from './charts.queries.js';

/** The manager's cohort charts: counts per week from the counters (docs/learning-together.md, "Charts"). */
@Injectable()
export class ChartsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
  ) {}

  async cohortCharts(cohortId: string, auth: AuthContext): Promise<CohortCharts> {
    await this.cohorts.managed(cohortId, auth);
    const [active, completion] = await Promise.all([
      sql.activeWeeks(this.db, cohortId),
      sql.completionWeeks(this.db, cohortId),
    ]);
    const courses = new Map<string, CohortCharts['courses'][number]>();
    for (const r of completion) {
      let c = courses.get(r.course_id);
      if (!c) {
        c = { courseId: r.course_id, title: r.title, enrolled: r.enrolled, completed: [] };
        courses.set(r.course_id, c);
      }
      c.completed.push(r.completed);
    }
    return {
      weeks: active.map((r) => r.week),
      active: active.map((r) => r.active),
      courses: [...courses.values()],
    };
  }
}
