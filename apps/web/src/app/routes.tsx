import { useQueryClient } from '@tanstack/react-query';
import { lazy, useEffect } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { LearningShell } from '../features/learning/components/learning-shell';
import { forgetOnSignOut } from '../features/learning/offline/personal-cache';
import { CatalogPage } from '../features/learning/routes/catalog-page';
import { Loading } from '../components/loading';
import { paths, routePatterns } from '@/config/paths';
import { lazyWithAreas } from '../i18n';
import { usePreloaded } from '../lib/lazy-preload';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { Layout } from './layout';
import { LessonGlossary, LessonPage, SignInPage } from './preload-route';
import { NotFoundPage } from './not-found-page';

// Pages a learner rarely or never needs load on demand, so the first page stays small.
const AccountPage = lazyWithAreas(['privacy', 'account'], () =>
  import('../features/account/routes/account-page').then((m) => ({ default: m.AccountPage })),
);
const MyDataPage = lazyWithAreas(['privacy'], () =>
  import('../features/account/routes/my-data-page').then((m) => ({ default: m.MyDataPage })),
);
const InboxPage = lazyWithAreas(['inbox'], () =>
  import('../features/inbox/routes/inbox-page').then((m) => ({ default: m.InboxPage })),
);
const ResetCodePage = lazyWithAreas(['auth'], () =>
  import('../features/auth/routes/reset-code-page').then((m) => ({ default: m.ResetCodePage })),
);
const UsersPage = lazyWithAreas(['admin'], () =>
  import('../features/admin-users/routes/users-page').then((m) => ({ default: m.UsersPage })),
);
const NewUserPage = lazyWithAreas(['admin', 'auth'], () =>
  import('../features/admin-users/routes/new-user-page').then((m) => ({ default: m.NewUserPage })),
);
const UserDetailPage = lazyWithAreas(['admin', 'auth'], () =>
  import('../features/admin-users/routes/user-detail-page').then((m) => ({ default: m.UserDetailPage })),
);
const AuditPage = lazyWithAreas(['admin'], () =>
  import('../features/admin-audit/routes/audit-page').then((m) => ({ default: m.AuditPage })),
);

// The learner's pages beyond the first: the player, quizzes and certificates load when opened.
// Its announcements are in the 'inbox' area.
const CoursePage = lazyWithAreas(['inbox'], () =>
  import('../features/learning/routes/course-page').then((m) => ({ default: m.CoursePage })),
);
const JournalPage = lazy(() =>
  import('../features/learning/routes/journal-page').then((m) => ({ default: m.JournalPage })),
);
// The results page's words are in the 'questions' area.
const ResultsPage = lazyWithAreas(['questions'], () =>
  import('../features/learning/routes/results-page').then((m) => ({ default: m.ResultsPage })),
);
const QuestionsInboxPage = lazyWithAreas(['questions'], () =>
  import('../features/questions/routes/questions-inbox-page').then((m) => ({ default: m.QuestionsInboxPage })),
);
// Each certificate says where its digital credential stands: words of the 'credentials' area.
const CertificatesPage = lazyWithAreas(['credentials'], () =>
  import('../features/learning/routes/certificates-page').then((m) => ({ default: m.CertificatesPage })),
);
// Its words for the credential (download, withdraw) are in the 'credentials' area.
const CertificatePage = lazyWithAreas(['credentials'], () =>
  import('../features/learning/routes/certificate-page').then((m) => ({ default: m.CertificatePage })),
);
const VerifyPage = lazy(() =>
  import('../features/learning/routes/verify-page').then((m) => ({ default: m.VerifyPage })),
);
// Credentials (issue 19): checking a credential file is public; revoking and the issuer are the admin's.
const VerifyFilePage = lazyWithAreas(['credentials'], () =>
  import('../features/credentials/routes/verify-file-page').then((m) => ({ default: m.VerifyFilePage })),
);
const AdminCredentialsPage = lazyWithAreas(['credentials'], () =>
  import('../features/credentials/routes/admin-credentials-page').then((m) => ({ default: m.AdminCredentialsPage })),
);
// Course authoring is for staff only: learners never download it.
const CoursesPage = lazyWithAreas(['authoring', 'glossary'], () =>
  import('../features/authoring/routes/courses-page').then((m) => ({ default: m.CoursesPage })),
);
const NewCoursePage = lazyWithAreas(['authoring', 'glossary'], () =>
  import('../features/authoring/routes/new-course-page').then((m) => ({ default: m.NewCoursePage })),
);
const CourseEditorPage = lazyWithAreas(['authoring', 'glossary', 'inbox'], () =>
  import('../features/authoring/routes/course-editor-page').then((m) => ({ default: m.CourseEditorPage })),
);
const LessonEditorPage = lazyWithAreas(['authoring', 'glossary'], () =>
  import('../features/authoring/routes/lesson-editor-page').then((m) => ({ default: m.LessonEditorPage })),
);
const CoursePreviewPage = lazyWithAreas(['authoring', 'glossary'], () =>
  import('../features/authoring/routes/course-preview-page').then((m) => ({ default: m.CoursePreviewPage })),
);

// The language bridge: glossary pages, and the term popovers around lessons (see components/markdown/glossary-context.ts).
const GlossaryPage = lazyWithAreas(['glossary'], () =>
  import('../features/glossary/routes/glossary-page').then((m) => ({ default: m.GlossaryPage })),
);
const TermPage = lazyWithAreas(['glossary'], () =>
  import('../features/glossary/routes/term-page').then((m) => ({ default: m.TermPage })),
);
// The flashcards' words come with the word list page (the 'flashcards' area), not on the first page.
const WordsPage = lazyWithAreas(['glossary', 'flashcards'], () =>
  import('../features/glossary/routes/words-page').then((m) => ({ default: m.WordsPage })),
);
const RequestsPage = lazyWithAreas(['glossary'], () =>
  import('../features/glossary/routes/requests-page').then((m) => ({ default: m.RequestsPage })),
);
const NewTermPage = lazyWithAreas(['glossary'], () =>
  import('../features/glossary/routes/term-form-page').then((m) => ({ default: m.NewTermPage })),
);
const EditTermPage = lazyWithAreas(['glossary'], () =>
  import('../features/glossary/routes/term-form-page').then((m) => ({ default: m.EditTermPage })),
);

// Program management (staff only, with its charts) and joining with a code: each its own chunk,
// arriving with the words of the 'program' area (which also holds the join page's words).
const ProgramHomePage = lazyWithAreas(['program'], () =>
  import('../features/program/routes/program-home-page').then((m) => ({ default: m.ProgramHomePage })),
);
const NewCohortPage = lazyWithAreas(['program'], () =>
  import('../features/program/routes/new-cohort-page').then((m) => ({ default: m.NewCohortPage })),
);
const CohortPage = lazyWithAreas(['program', 'inbox', 'auth'], () =>
  import('../features/program/routes/cohort-page').then((m) => ({ default: m.CohortPage })),
);
const JoinCodePrintPage = lazyWithAreas(['program'], () =>
  import('../features/program/routes/join-code-print-page').then((m) => ({ default: m.JoinCodePrintPage })),
);
const CourseReportPage = lazyWithAreas(['program'], () =>
  import('../features/program/routes/course-report-page').then((m) => ({ default: m.CourseReportPage })),
);
const LearnerReportPage = lazyWithAreas(['program'], () =>
  import('../features/program/routes/learner-report-page').then((m) => ({ default: m.LearnerReportPage })),
);
const PrivacyPage = lazyWithAreas(['privacy'], () =>
  import('../features/privacy/routes/privacy-page').then((m) => ({ default: m.PrivacyPage })),
);
const JoinPage = lazyWithAreas(['program'], () =>
  import('../features/join/routes/join-page').then((m) => ({ default: m.JoinPage })),
);

/**
 * The lesson player names its lesson in the path, not in ?lesson=: the glossary is told which one.
 * Until the player's code is there it shows the loading line itself rather than through Suspense, so
 * the lesson appears as soon as it can (see lib/lazy-preload.ts). The player shows the server's HTML:
 * no Markdown renderer on this route.
 */
function PlayerGlossary() {
  const { lessonId } = useParams();
  const ready = usePreloaded(LessonGlossary, LessonPage);
  if (!ready) return <Loading />;
  return <LessonGlossary lessonId={lessonId} />;
}

export function AppRoutes() {
  const client = useQueryClient();
  // Lessons kept for offline use include the person's own answers: they go when the session ends.
  useEffect(() => forgetOnSignOut(client), [client]);
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomeRedirect />} />
        <Route path={routePatterns.signIn} element={<SignInPage />} />
        <Route path={routePatterns.resetCode} element={<ResetCodePage />} />
        <Route path={routePatterns.join} element={<JoinPage />} />
        <Route path={routePatterns.joinCode} element={<JoinPage />} />
        <Route path={routePatterns.verify} element={<VerifyPage />} />
        <Route path={routePatterns.verifyCode} element={<VerifyPage />} />
        <Route path={routePatterns.verifyFile} element={<VerifyFilePage />} />
        <Route path={routePatterns.privacy} element={<PrivacyPage />} />
        <Route element={<RequireAuth />}>
          <Route path={routePatterns.account} element={<AccountPage />} />
          <Route path={routePatterns.accountData} element={<MyDataPage />} />
          <Route path={routePatterns.inbox} element={<InboxPage />} />
          <Route element={<RequireRole roles={['learner']} />}>
            <Route element={<LearningShell />}>
              <Route path={routePatterns.learn} element={<CatalogPage />} />
              <Route element={<LessonGlossary />}>
                <Route path={routePatterns.learnCourse} element={<CoursePage />} />
              </Route>
              <Route element={<PlayerGlossary />}>
                <Route path={routePatterns.learnLesson} element={<LessonPage />} />
              </Route>
              <Route path={routePatterns.learnJournal} element={<JournalPage />} />
              <Route path={routePatterns.learnResults} element={<ResultsPage />} />
              <Route path={routePatterns.learnCertificates} element={<CertificatesPage />} />
              <Route path={routePatterns.learnCertificate} element={<CertificatePage />} />
            </Route>
          </Route>
          <Route path={routePatterns.teach} element={<RequireRole roles={['instructor', 'manager', 'admin']} />}>
            <Route index element={<CoursesPage />} />
            <Route path={routePatterns.teachCourse} element={<CourseEditorPage />} />
            <Route element={<LessonGlossary />}>
              <Route path={routePatterns.teachPreview} element={<CoursePreviewPage />} />
              <Route path={routePatterns.teachVersion} element={<CoursePreviewPage />} />
            </Route>
            <Route path={routePatterns.teachLesson} element={<LessonEditorPage />} />
          </Route>
          <Route path={routePatterns.teachQuestions} element={<RequireRole roles={['instructor']} />}>
            <Route index element={<QuestionsInboxPage />} />
          </Route>
          <Route path={routePatterns.teachNewCourse} element={<RequireRole roles={['instructor', 'admin']} />}>
            <Route index element={<NewCoursePage />} />
          </Route>
          <Route path={routePatterns.glossary}>
            <Route index element={<GlossaryPage />} />
            <Route path={routePatterns.glossaryWords} element={<WordsPage />} />
            <Route path={routePatterns.glossaryTerm} element={<TermPage />} />
            <Route element={<RequireRole roles={['instructor', 'manager', 'admin']} />}>
              <Route path={routePatterns.glossaryRequests} element={<RequestsPage />} />
              <Route path={routePatterns.glossaryNewTerm} element={<NewTermPage />} />
              <Route path={routePatterns.glossaryEditTerm} element={<EditTermPage />} />
            </Route>
          </Route>
          <Route path={routePatterns.program} element={<RequireRole roles={['manager', 'admin']} />}>
            <Route index element={<ProgramHomePage />} />
            <Route path={routePatterns.programNewCohort} element={<NewCohortPage />} />
            <Route path={routePatterns.programCohort} element={<CohortPage />} />
            <Route path={routePatterns.programJoinCodePrint} element={<JoinCodePrintPage />} />
          </Route>
          <Route path={routePatterns.program} element={<RequireRole roles={['instructor', 'manager', 'admin']} />}>
            <Route path={routePatterns.programCourseReport} element={<CourseReportPage />} />
            <Route path={routePatterns.programLearnerReport} element={<LearnerReportPage />} />
          </Route>
          <Route path={routePatterns.admin} element={<RequireRole roles={['admin']} />}>
            <Route index element={<Navigate replace to={paths.admin.users} />} />
            <Route path={routePatterns.adminUsers} element={<UsersPage />} />
            <Route path={routePatterns.adminNewUser} element={<NewUserPage />} />
            <Route path={routePatterns.adminUser} element={<UserDetailPage />} />
            <Route path={routePatterns.adminAudit} element={<AuditPage />} />
            <Route path={routePatterns.adminCredentials} element={<AdminCredentialsPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
