/** What other features may use of questions. */
export { QuestionsModule } from './questions.module.js';
export { LessonQaEntity, LessonQuestionEntity } from './questions.entities.js';
