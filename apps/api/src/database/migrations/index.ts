import { CreateAccounts1764288000000 } from './1764288000000-CreateAccounts.js';
import { CreateCourses1764300000000 } from './1764300000000-CreateCourses.js';
import { CreateLearning1764310000000 } from './1764310000000-CreateLearning.js';
import { CreateGlossary1764320000000 } from './1764320000000-CreateGlossary.js';
import { CreatePrograms1764330000000 } from './1764330000000-CreatePrograms.js';
import { AddUserErasure1764340000000 } from './1764340000000-AddUserErasure.js';
import { AddVersionMeta1764350000000 } from './1764350000000-AddVersionMeta.js';
import { AddProgramCounters1764361000000 } from './1764361000000-AddProgramCounters.js';
import { AddAtRiskCourses1764371000000 } from './1764371000000-AddAtRiskCourses.js';
import { AddVerifyThrottle1764381000000 } from './1764381000000-AddVerifyThrottle.js';
import { AddDeviceCookies1764392000000 } from './1764392000000-AddDeviceCookies.js';
import { LessonCounterTriggers1764402000000 } from './1764402000000-LessonCounterTriggers.js';
import { AddWordReviews1764412000000 } from './1764412000000-AddWordReviews.js';
import { CreateNotifications1764421000000 } from './1764421000000-CreateNotifications.js';
import { AddLessonQuestions1764432000000 } from './1764432000000-AddLessonQuestions.js';
import { CreateAnnouncements1764441000000 } from './1764441000000-CreateAnnouncements.js';
import { SessionRevocationNotify1764451000000 } from './1764451000000-SessionRevocationNotify.js';
import { AddCohortSessions1764463000000 } from './1764463000000-AddCohortSessions.js';
import { AddCohortChartCounters1764474000000 } from './1764474000000-AddCohortChartCounters.js';
import { AddCredentials1764484000000 } from './1764484000000-AddCredentials.js';
import { AddQuestionInboxIndex1764494000000 } from './1764494000000-AddQuestionInboxIndex.js';
import { AddAnnouncementRecipientFill1764504000000 } from './1764504000000-AddAnnouncementRecipientFill.js';

/** Every migration in order. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  CreateAccounts1764288000000,
  CreateCourses1764300000000,
  CreateLearning1764310000000,
  CreateGlossary1764320000000,
  CreatePrograms1764330000000,
  AddUserErasure1764340000000,
  AddVersionMeta1764350000000,
  AddProgramCounters1764361000000,
  AddAtRiskCourses1764371000000,
  AddVerifyThrottle1764381000000,
  AddDeviceCookies1764392000000,
  LessonCounterTriggers1764402000000,
  AddWordReviews1764412000000,
  CreateNotifications1764421000000,
  AddLessonQuestions1764432000000,
  CreateAnnouncements1764441000000,
  SessionRevocationNotify1764451000000,
  AddCohortSessions1764463000000,
  AddCohortChartCounters1764474000000,
  AddCredentials1764484000000,
  AddQuestionInboxIndex1764494000000,
  AddAnnouncementRecipientFill1764504000000,
];
