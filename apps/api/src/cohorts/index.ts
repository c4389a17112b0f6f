/** What other features may use of cohorts. */
export { CohortsModule } from './cohorts.module.js';
export { CohortsService } from './cohorts.service.js';
export { DueService } from './due.service.js';
export { CohortCourseEntity, CohortEntity, CohortMemberEntity } from './cohorts.entities.js';
