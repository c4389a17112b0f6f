/**
 * Every address of the web app, in one place: `paths.x` builds a link (`<Link to={paths.teach.course(id)}>`),
 * `routePatterns.x` is the pattern routes.tsx matches. A page that moves changes here only.
 * Ids and slugs are URL-encoded (a slug may hold any letter; ids are UUIDs and come out unchanged).
 */
const seg = (value: string | number) => encodeURIComponent(String(value));
const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const text = Object.entries(query)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return text ? `${path}?${text}` : path;
};

export const paths = {
  home: '/',
  signIn: '/sign-in',
  resetCode: '/reset-code',
  privacy: '/privacy',
  account: '/account',
  /** My data as a page to read and print (the same as the JSON download). */
  accountData: '/account/data',
  /** The person's notifications and the announcements addressed to them. */
  inbox: '/inbox',
  join: (code?: string) => (code ? `/join/${seg(code)}` : '/join'),
  verify: (code?: string) => (code ? `/verify/${seg(code)}` : '/verify'),
  /** Check a credential file (a .json or a baked badge image); public. */
  verifyFile: '/verify/file',
  learn: {
    home: '/learn',
    course: (slug: string) => `/learn/courses/${seg(slug)}`,
    lesson: (slug: string, lessonId: string) => `/learn/courses/${seg(slug)}/lessons/${seg(lessonId)}`,
    journal: '/learn/journal',
    /** My results; with a course id, that course comes first. */
    results: (courseId?: string) => (courseId ? `/learn/results#course-${seg(courseId)}` : '/learn/results'),
    /** The certificates list; with a course id, that course's certificate is asked for. */
    certificates: (courseId?: string) => withQuery('/learn/certificates', { course: courseId }),
    certificate: (id: string) => `/learn/certificates/${seg(id)}`,
  },
  teach: {
    home: '/teach',
    newCourse: '/teach/new',
    course: (id: string) => `/teach/courses/${seg(id)}`,
    preview: (id: string) => `/teach/courses/${seg(id)}/preview`,
    version: (id: string, version: number) => `/teach/courses/${seg(id)}/versions/${seg(version)}`,
    lesson: (id: string, lessonId: string) => `/teach/courses/${seg(id)}/lessons/${seg(lessonId)}`,
    questions: '/teach/questions',
  },
  glossary: {
    home: '/glossary',
    search: (query: { q?: string; tag?: string }) => withQuery('/glossary', query),
    words: '/glossary/words',
    requests: '/glossary/requests',
    newTerm: '/glossary/new',
    term: (id: string) => `/glossary/${seg(id)}`,
    editTerm: (id: string) => `/glossary/${seg(id)}/edit`,
  },
  program: {
    home: '/program',
    newCohort: '/program/cohorts/new',
    cohort: (id: string) => `/program/cohorts/${seg(id)}`,
    joinCodePrint: (cohortId: string, codeId: string) => `/program/cohorts/${seg(cohortId)}/codes/${seg(codeId)}`,
    courseReport: (id: string) => `/program/courses/${seg(id)}`,
    learnerReport: (id: string) => `/program/learners/${seg(id)}`,
  },
  admin: {
    home: '/admin',
    users: '/admin/users',
    newUser: '/admin/users/new',
    user: (id: string) => `/admin/users/${seg(id)}`,
    audit: '/admin/audit',
    credentials: '/admin/credentials',
  },
} as const;

/** The patterns routes.tsx matches, absolute (react-router accepts them nested under a parent with the same start). */
export const routePatterns = {
  signIn: paths.signIn,
  resetCode: paths.resetCode,
  join: paths.join(),
  joinCode: '/join/:code',
  verify: paths.verify(),
  verifyCode: '/verify/:code',
  verifyFile: paths.verifyFile,
  privacy: paths.privacy,
  account: paths.account,
  accountData: paths.accountData,
  inbox: paths.inbox,
  learn: paths.learn.home,
  learnCourse: '/learn/courses/:slug',
  learnLesson: '/learn/courses/:slug/lessons/:lessonId',
  learnJournal: paths.learn.journal,
  learnResults: paths.learn.results(),
  learnCertificates: paths.learn.certificates(),
  learnCertificate: '/learn/certificates/:id',
  teach: paths.teach.home,
  teachNewCourse: paths.teach.newCourse,
  teachCourse: '/teach/courses/:id',
  teachPreview: '/teach/courses/:id/preview',
  teachVersion: '/teach/courses/:id/versions/:version',
  teachLesson: '/teach/courses/:id/lessons/:lessonId',
  teachQuestions: paths.teach.questions,
  glossary: paths.glossary.home,
  glossaryWords: paths.glossary.words,
  glossaryRequests: paths.glossary.requests,
  glossaryNewTerm: paths.glossary.newTerm,
  glossaryTerm: '/glossary/:id',
  glossaryEditTerm: '/glossary/:id/edit',
  program: paths.program.home,
  programNewCohort: paths.program.newCohort,
  programCohort: '/program/cohorts/:id',
  programJoinCodePrint: '/program/cohorts/:id/codes/:codeId',
  programCourseReport: '/program/courses/:id',
  programLearnerReport: '/program/learners/:id',
  admin: paths.admin.home,
  adminUsers: paths.admin.users,
  adminNewUser: paths.admin.newUser,
  adminUser: '/admin/users/:id',
  adminAudit: paths.admin.audit,
  adminCredentials: paths.admin.credentials,
} as const;
