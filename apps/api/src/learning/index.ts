/** What other features may use of learning. */
export { LearningModule } from './learning.module.js';
export {
  CertificateEntity,
  EnrolmentEntity,
  JournalEntryEntity,
  LearningEventEntity,
  LessonProgressEntity,
  PublishedLessonEntity,
  QuizAttemptEntity,
} from './learning.entities.js';
