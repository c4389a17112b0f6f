import { ROLES, type Role } from './constants.js';

/**
 * Where each route of the API is and who may call it: the part of the route table (routes.ts) that
 * the web client needs at run time. It imports no zod, so the first page's JavaScript stays small;
 * routes.ts adds the schemas of each route under the same key. Paths are relative to /api/v1.
 */
export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export interface RoutePath {
  method: RouteMethod;
  path: `/${string}`;
  /** 'public': no sign-in needed; otherwise the roles that may call it (the API still checks ownership). */
  roles: 'public' | readonly Role[];
}

const ANY = ROLES;
const STAFF = ['instructor', 'manager', 'admin'] as const;
const AUTHORS = ['instructor', 'admin'] as const;
/** A course's own instructors only: learners' private questions reach nobody else. */
const INSTRUCTORS = ['instructor'] as const;
const MANAGERS = ['manager', 'admin'] as const;
const ADMIN = ['admin'] as const;

export const ROUTE_PATHS = {
  // health
  'health.get': { method: 'GET', path: '/health', roles: 'public' },
  'health.ready': { method: 'GET', path: '/health/ready', roles: 'public' },
  // sign-in
  'auth.login': { method: 'POST', path: '/auth/login', roles: 'public' },
  'auth.logout': { method: 'POST', path: '/auth/logout', roles: ANY },
  'auth.logoutAll': { method: 'POST', path: '/auth/logout-all', roles: ANY },
  'auth.redeemResetCode': { method: 'POST', path: '/auth/redeem-reset-code', roles: 'public' },
  // my account
  'me.get': { method: 'GET', path: '/me', roles: ANY },
  'me.update': { method: 'PATCH', path: '/me', roles: ANY },
  'me.changePassword': { method: 'POST', path: '/me/password', roles: ANY },
  'me.sessions': { method: 'GET', path: '/me/sessions', roles: ANY },
  'me.endSession': { method: 'DELETE', path: '/me/sessions/:id', roles: ANY },
  'me.endOtherSessions': { method: 'POST', path: '/me/sessions/end-others', roles: ANY },
  'me.export': { method: 'GET', path: '/me/export', roles: ANY },
  'me.erase': { method: 'POST', path: '/me/erase', roles: ANY },
  'me.joinCohort': { method: 'POST', path: '/me/cohorts', roles: ['learner'] },
  'me.todo': { method: 'GET', path: '/me/todo', roles: ['learner'] },
  // admin
  'adminUsers.list': { method: 'GET', path: '/admin/users', roles: ADMIN },
  'adminUsers.create': { method: 'POST', path: '/admin/users', roles: ADMIN },
  'adminUsers.get': { method: 'GET', path: '/admin/users/:id', roles: ADMIN },
  'adminUsers.update': { method: 'PATCH', path: '/admin/users/:id', roles: ADMIN },
  'adminUsers.resetCode': { method: 'POST', path: '/admin/users/:id/reset-code', roles: ADMIN },
  'adminUsers.overview': { method: 'GET', path: '/admin/users/:id/overview', roles: ADMIN },
  'admin.audit': { method: 'GET', path: '/admin/audit', roles: ADMIN },
  'users.erase': { method: 'POST', path: '/users/:id/erase', roles: MANAGERS },
  // authoring
  'authoring.listCourses': { method: 'GET', path: '/authoring/courses', roles: STAFF },
  'authoring.createCourse': { method: 'POST', path: '/authoring/courses', roles: AUTHORS },
  'authoring.importBundle': { method: 'POST', path: '/authoring/courses/import', roles: AUTHORS },
  'authoring.instructors': { method: 'GET', path: '/authoring/instructors', roles: STAFF },
  'authoring.getCourse': { method: 'GET', path: '/authoring/courses/:id', roles: STAFF },
  'authoring.updateCourse': { method: 'PATCH', path: '/authoring/courses/:id', roles: AUTHORS },
  'authoring.duplicateCourse': { method: 'POST', path: '/authoring/courses/:id/duplicate', roles: AUTHORS },
  'authoring.archiveCourse': { method: 'POST', path: '/authoring/courses/:id/archive', roles: AUTHORS },
  'authoring.unarchiveCourse': { method: 'POST', path: '/authoring/courses/:id/unarchive', roles: AUTHORS },
  'authoring.setCoInstructors': { method: 'PUT', path: '/authoring/courses/:id/co-instructors', roles: AUTHORS },
  'authoring.createModule': { method: 'POST', path: '/authoring/courses/:id/modules', roles: AUTHORS },
  'authoring.reorderOutline': { method: 'PUT', path: '/authoring/courses/:id/outline', roles: AUTHORS },
  'authoring.publish': { method: 'POST', path: '/authoring/courses/:id/publish', roles: AUTHORS },
  'authoring.versions': { method: 'GET', path: '/authoring/courses/:id/versions', roles: STAFF },
  'authoring.changes': { method: 'GET', path: '/authoring/courses/:id/changes', roles: STAFF },
  'authoring.version': { method: 'GET', path: '/authoring/courses/:id/versions/:version', roles: STAFF },
  'authoring.preview': { method: 'GET', path: '/authoring/courses/:id/preview', roles: STAFF },
  'authoring.listMedia': { method: 'GET', path: '/authoring/courses/:id/media', roles: STAFF },
  'authoring.uploadMedia': { method: 'POST', path: '/authoring/courses/:id/media', roles: AUTHORS },
  'authoring.bundle': { method: 'GET', path: '/authoring/courses/:id/bundle', roles: STAFF },
  'authoring.updateModule': { method: 'PATCH', path: '/authoring/modules/:id', roles: AUTHORS },
  'authoring.deleteModule': { method: 'DELETE', path: '/authoring/modules/:id', roles: AUTHORS },
  'authoring.createLesson': { method: 'POST', path: '/authoring/modules/:id/lessons', roles: AUTHORS },
  'authoring.getLesson': { method: 'GET', path: '/authoring/lessons/:id', roles: STAFF },
  'authoring.updateLesson': { method: 'PATCH', path: '/authoring/lessons/:id', roles: AUTHORS },
  'authoring.deleteLesson': { method: 'DELETE', path: '/authoring/lessons/:id', roles: AUTHORS },
  'media.get': { method: 'GET', path: '/media/:id', roles: ANY },
  // facts
  'facts.list': { method: 'GET', path: '/facts', roles: ANY },
  'facts.review': { method: 'GET', path: '/facts/review', roles: AUTHORS },
  // catalogue and learning
  'catalog.list': { method: 'GET', path: '/courses', roles: ANY },
  'catalog.get': { method: 'GET', path: '/courses/:slug', roles: ANY },
  'catalog.outline': { method: 'GET', path: '/courses/:slug/outline', roles: ANY },
  'catalog.lesson': { method: 'GET', path: '/courses/:slug/lessons/:lessonId', roles: ANY },
  'learning.enrol': { method: 'POST', path: '/courses/:slug/enrol', roles: ANY },
  'learning.progress': { method: 'GET', path: '/courses/:slug/progress', roles: ANY },
  'learning.withdraw': { method: 'POST', path: '/enrolments/:id/withdraw', roles: ANY },
  'learning.mine': { method: 'GET', path: '/me/learning', roles: ANY },
  'learning.events': { method: 'POST', path: '/progress/events', roles: ANY },
  'learning.journal': { method: 'GET', path: '/me/journal', roles: ANY },
  'learning.quizAttempts': { method: 'GET', path: '/me/quiz-attempts', roles: ANY },
  'learning.results': { method: 'GET', path: '/me/results', roles: ANY },
  'certificates.mine': { method: 'GET', path: '/me/certificates', roles: ANY },
  'certificates.rename': { method: 'PATCH', path: '/me/certificates/:id', roles: ANY },
  'certificates.verify': { method: 'GET', path: '/certificates/verify/:code', roles: 'public' },
  // Open Badges 3.0 credentials (issue 19; shapes in credentials.ts). /.well-known/did.json answers as credentials.did.
  'credentials.get': { method: 'GET', path: '/certificates/:id/credential', roles: ANY },
  'credentials.issue': { method: 'POST', path: '/certificates/:id/credential', roles: ANY },
  'credentials.withdraw': { method: 'DELETE', path: '/certificates/:id/credential', roles: ANY },
  'credentials.badgeSvg': { method: 'GET', path: '/certificates/:id/badge.svg', roles: ANY },
  'credentials.badgePng': { method: 'GET', path: '/certificates/:id/badge.png', roles: ANY },
  'credentials.verify': { method: 'POST', path: '/credentials/verify', roles: 'public' },
  'credentials.statusList': { method: 'GET', path: '/credentials/status/:list', roles: 'public' },
  'credentials.did': { method: 'GET', path: '/credentials/did.json', roles: 'public' },
  'credentials.adminRevoke': { method: 'POST', path: '/admin/credentials/revoke', roles: ADMIN },
  'credentials.issuer': { method: 'GET', path: '/admin/issuer', roles: ADMIN },
  'credentials.updateIssuer': { method: 'PUT', path: '/admin/issuer', roles: ADMIN },
  // glossary and word requests
  'glossary.search': { method: 'GET', path: '/glossary', roles: ANY },
  'glossary.lookup': { method: 'POST', path: '/glossary/lookup', roles: ANY },
  'glossary.get': { method: 'GET', path: '/glossary/:id', roles: ANY },
  'glossary.create': { method: 'POST', path: '/glossary', roles: STAFF },
  'glossary.update': { method: 'PATCH', path: '/glossary/:id', roles: STAFF },
  'glossary.remove': { method: 'DELETE', path: '/glossary/:id', roles: MANAGERS },
  'words.list': { method: 'GET', path: '/me/words', roles: ANY },
  'words.save': { method: 'PUT', path: '/me/words/:id', roles: ANY },
  'words.unsave': { method: 'DELETE', path: '/me/words/:id', roles: ANY },
  'words.reviews': { method: 'GET', path: '/me/word-reviews', roles: ANY },
  'words.review': { method: 'POST', path: '/me/words/:id/review', roles: ANY },
  'wordRequests.ask': { method: 'POST', path: '/word-requests', roles: ANY },
  'wordRequests.mine': { method: 'GET', path: '/me/word-requests', roles: ANY },
  'wordRequests.list': { method: 'GET', path: '/word-requests', roles: STAFF },
  'wordRequests.answer': { method: 'POST', path: '/word-requests/:id/answer', roles: STAFF },
  'wordRequests.dismiss': { method: 'POST', path: '/word-requests/:id/dismiss', roles: STAFF },
  // questions to the instructor
  'questions.ask': { method: 'POST', path: '/lessons/:id/questions', roles: ANY },
  'questions.lessonQa': { method: 'GET', path: '/lessons/:id/qa', roles: ANY },
  'questions.mine': { method: 'GET', path: '/me/questions', roles: ANY },
  'questions.inbox': { method: 'GET', path: '/questions', roles: INSTRUCTORS },
  'questions.answer': { method: 'POST', path: '/questions/:id/answer', roles: INSTRUCTORS },
  'questions.publish': { method: 'POST', path: '/questions/:id/publish', roles: INSTRUCTORS },
  'questions.unpublish': { method: 'POST', path: '/qa/:id/unpublish', roles: STAFF },
  // cohorts
  'cohorts.list': { method: 'GET', path: '/cohorts', roles: MANAGERS },
  'cohorts.create': { method: 'POST', path: '/cohorts', roles: MANAGERS },
  'cohorts.get': { method: 'GET', path: '/cohorts/:id', roles: MANAGERS },
  'cohorts.update': { method: 'PATCH', path: '/cohorts/:id', roles: MANAGERS },
  'cohorts.members': { method: 'GET', path: '/cohorts/:id/members', roles: MANAGERS },
  'cohorts.addMembers': { method: 'POST', path: '/cohorts/:id/members', roles: MANAGERS },
  'cohorts.lookupMember': { method: 'POST', path: '/cohorts/:id/members/lookup', roles: MANAGERS },
  'cohorts.removeMember': { method: 'DELETE', path: '/cohorts/:id/members/:userId', roles: MANAGERS },
  'cohorts.renameMember': { method: 'PATCH', path: '/cohorts/:id/members/:userId', roles: MANAGERS },
  'cohorts.memberResetCode': { method: 'POST', path: '/cohorts/:id/members/:userId/reset-code', roles: MANAGERS },
  'cohorts.importLearners': { method: 'POST', path: '/cohorts/:id/learners/import', roles: MANAGERS },
  'cohorts.assignCourse': { method: 'PUT', path: '/cohorts/:id/courses', roles: MANAGERS },
  'cohorts.unassignCourse': { method: 'DELETE', path: '/cohorts/:id/courses/:courseId', roles: MANAGERS },
  'cohorts.joinCodes': { method: 'GET', path: '/cohorts/:id/join-codes', roles: MANAGERS },
  'cohorts.createJoinCode': { method: 'POST', path: '/cohorts/:id/join-codes', roles: MANAGERS },
  'cohorts.revokeJoinCode': { method: 'POST', path: '/cohorts/:id/join-codes/:codeId/revoke', roles: MANAGERS },
  'cohorts.sessions': { method: 'GET', path: '/cohorts/:id/sessions', roles: MANAGERS },
  'cohorts.createSession': { method: 'POST', path: '/cohorts/:id/sessions', roles: MANAGERS },
  'cohorts.updateSession': { method: 'PATCH', path: '/cohorts/:id/sessions/:sessionId', roles: MANAGERS },
  'cohorts.deleteSession': { method: 'DELETE', path: '/cohorts/:id/sessions/:sessionId', roles: MANAGERS },
  'cohorts.dueCounts': { method: 'GET', path: '/cohorts/:id/due', roles: MANAGERS },
  // joining with a code
  'join.preview': { method: 'GET', path: '/join/:code', roles: 'public' },
  'join.join': { method: 'POST', path: '/join', roles: 'public' },
  // reports
  'reports.program': { method: 'GET', path: '/reports/program', roles: MANAGERS },
  'reports.programExport': { method: 'GET', path: '/reports/program/export', roles: MANAGERS },
  'reports.cohort': { method: 'GET', path: '/reports/cohorts/:id', roles: MANAGERS },
  'reports.cohortCharts': { method: 'GET', path: '/reports/cohorts/:id/charts', roles: MANAGERS },
  'reports.cohortExport': { method: 'GET', path: '/reports/cohorts/:id/export', roles: MANAGERS },
  'reports.course': { method: 'GET', path: '/reports/courses/:id', roles: STAFF },
  'reports.courseExport': { method: 'GET', path: '/reports/courses/:id/export', roles: STAFF },
  'reports.reflections': { method: 'GET', path: '/reports/courses/:id/reflections', roles: AUTHORS },
  'reports.learner': { method: 'GET', path: '/reports/learners/:id', roles: STAFF },
  // the inbox and announcements (issue 17)
  'notifications.list': { method: 'GET', path: '/me/notifications', roles: ANY },
  'notifications.unreadCount': { method: 'GET', path: '/me/notifications/unread-count', roles: ANY },
  'notifications.readAll': { method: 'POST', path: '/me/notifications/read-all', roles: ANY },
  'notifications.read': { method: 'POST', path: '/me/notifications/:id/read', roles: ANY },
  'announcements.cohortList': { method: 'GET', path: '/cohorts/:id/announcements', roles: MANAGERS },
  'announcements.toCohort': { method: 'POST', path: '/cohorts/:id/announcements', roles: MANAGERS },
  'announcements.courseList': { method: 'GET', path: '/authoring/courses/:id/announcements', roles: AUTHORS },
  'announcements.toCourse': { method: 'POST', path: '/authoring/courses/:id/announcements', roles: AUTHORS },
  'announcements.myCourse': { method: 'GET', path: '/me/courses/:id/announcements', roles: ['learner'] },
  'announcements.myCohort': { method: 'GET', path: '/me/cohorts/:id/announcements', roles: ['learner'] },
} as const satisfies Record<string, RoutePath>;

export type RouteKey = keyof typeof ROUTE_PATHS;
