/** What other features may use of reports. */
export { ReportsModule } from './reports.module.js';
export {
  CohortActivityWeekEntity,
  CohortCompletionWeekEntity,
  CohortCourseStatEntity,
  CourseStatEntity,
  LessonStatEntity,
  QuestionStatEntity,
} from './reports.entities.js';
export { atRiskSql } from './report-sql.js';
