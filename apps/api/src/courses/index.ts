/** What other features may use of courses. */
export { CoursesModule } from './courses.module.js';
export { AuthoringService } from './authoring.service.js';
export { CourseAccessService, type CourseAccess } from './course-access.service.js';
export { PublishingService } from './publishing.service.js';
export { AuthorCourseDto } from './authoring.dto.js';
export { CourseEntity } from './course.entity.js';
export { CourseInstructorEntity } from './course-instructor.entity.js';
export { CourseModuleEntity } from './course-module.entity.js';
export { CourseVersionEntity } from './course-version.entity.js';
export { LessonEntity } from './lesson.entity.js';
export {
  RENDER_REVISION,
  learnerCourse,
  learnerRendered,
  quizReview,
  renderLesson,
  renderLessons,
} from './lesson-html.js';
