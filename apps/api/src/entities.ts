import { AuditEventEntity } from './audit/audit-event.entity.js';
import { AppSecretEntity } from './auth/app-secret.entity.js';
import { LoginThrottleEntity } from './auth/login-throttle.entity.js';
import { SessionEntity } from './auth/session.entity.js';
import { ResetCodeEntity } from './auth/reset-code.entity.js';
import { CourseInstructorEntity } from './courses/course-instructor.entity.js';
import { CourseModuleEntity } from './courses/course-module.entity.js';
import { CourseVersionEntity } from './courses/course-version.entity.js';
import { CourseEntity } from './courses/course.entity.js';
import { LessonEntity } from './courses/lesson.entity.js';
import {
  CertificateEntity,
  EnrolmentEntity,
  JournalEntryEntity,
  LearningEventEntity,
  LessonProgressEntity,
  PublishedLessonEntity,
  QuizAttemptEntity,
} from './learning/learning.entities.js';
import { GlossaryTermEntity, WordListEntryEntity, WordRequestEntity } from './glossary/glossary.entities.js';
import { MediaEntity } from './media/media.entity.js';
import {
  CohortCourseEntity,
  CohortEntity,
  CohortMemberEntity,
  CohortSessionEntity,
  DueNoticeEntity,
} from './cohorts/cohorts.entities.js';
import { JoinCodeEntity } from './join/join.entities.js';
import {
  CohortActivityWeekEntity,
  CohortCompletionWeekEntity,
  CohortCourseStatEntity,
  CourseStatEntity,
  LessonStatEntity,
  QuestionStatEntity,
} from './reports/reports.entities.js';
import { NotificationEntity } from './notifications/notifications.entities.js';
import { LessonQaEntity, LessonQuestionEntity } from './questions/questions.entities.js';
import {
  AnnouncementEntity,
  AnnouncementReadEntity,
  AnnouncementRecipientEntity,
} from './announcements/announcements.entities.js';
import {
  CredentialEntity,
  CredentialIssuerEntity,
  CredentialKeyEntity,
  CredentialStatusListEntity,
} from './credentials/credentials.entities.js';
import { UserEntity } from './users/user.entity.js';

/**
 * Every entity, listed by hand: no globs, so the build, vitest and the CLI see the same set. The list
 * lives here, beside app.module.ts (the composition root), not in database/: infrastructure does not
 * know the features.
 */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  ResetCodeEntity,
  LoginThrottleEntity,
  AppSecretEntity,
  AuditEventEntity,
  CourseEntity,
  CourseInstructorEntity,
  CourseModuleEntity,
  LessonEntity,
  CourseVersionEntity,
  MediaEntity,
  EnrolmentEntity,
  LearningEventEntity,
  LessonProgressEntity,
  QuizAttemptEntity,
  JournalEntryEntity,
  CertificateEntity,
  PublishedLessonEntity,
  GlossaryTermEntity,
  WordListEntryEntity,
  WordRequestEntity,
  CohortEntity,
  CohortMemberEntity,
  JoinCodeEntity,
  CohortCourseEntity,
  CohortSessionEntity,
  DueNoticeEntity,
  LessonStatEntity,
  QuestionStatEntity,
  CourseStatEntity,
  CohortCourseStatEntity,
  CohortActivityWeekEntity,
  CohortCompletionWeekEntity,
  NotificationEntity,
  AnnouncementEntity,
  AnnouncementRecipientEntity,
  AnnouncementReadEntity,
  LessonQuestionEntity,
  LessonQaEntity,
  CredentialKeyEntity,
  CredentialStatusListEntity,
  CredentialEntity,
  CredentialIssuerEntity,
];
