import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/routes/sign-in-page';
import { CatalogPage } from '../features/catalog/routes/catalog-page';
import { RoleHomePage } from '../features/home/routes/role-home-page';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

// Pages a learner rarely or never needs load on demand, so the first page stays small.
const AccountPage = lazy(() => import('../features/account/routes/account-page').then((m) => ({ default: m.AccountPage })));
const ResetCodePage = lazy(() =>
  import('../features/auth/routes/reset-code-page').then((m) => ({ default: m.ResetCodePage })),
);
const UsersPage = lazy(() => import('../features/admin-users/routes/users-page').then((m) => ({ default: m.UsersPage })));
const NewUserPage = lazy(() =>
  import('../features/admin-users/routes/new-user-page').then((m) => ({ default: m.NewUserPage })),
);
const UserDetailPage = lazy(() =>
  import('../features/admin-users/routes/user-detail-page').then((m) => ({ default: m.UserDetailPage })),
);

const CoursePage = lazy(() => import('../features/catalog/routes/course-page').then((m) => ({ default: m.CoursePage })));
// Course authoring is for staff only: learners never download it.
const CoursesPage = lazy(() => import('../features/authoring/routes/courses-page').then((m) => ({ default: m.CoursesPage })));
const NewCoursePage = lazy(() => import('../features/authoring/routes/new-course-page').then((m) => ({ default: m.NewCoursePage })));
const CourseEditorPage = lazy(() =>
  import('../features/authoring/routes/course-editor-page').then((m) => ({ default: m.CourseEditorPage })),
);
const LessonEditorPage = lazy(() =>
  import('../features/authoring/routes/lesson-editor-page').then((m) => ({ default: m.LessonEditorPage })),
);
const CoursePreviewPage = lazy(() =>
  import('../features/authoring/routes/course-preview-page').then((m) => ({ default: m.CoursePreviewPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomeRedirect />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="reset-code" element={<ResetCodePage />} />
        <Route element={<RequireAuth />}>
          <Route path="account" element={<AccountPage />} />
          <Route element={<RequireRole roles={['learner']} />}>
            <Route path="learn" element={<CatalogPage />} />
            <Route path="learn/courses/:slug" element={<CoursePage />} />
          </Route>
          <Route path="teach" element={<RequireRole roles={['instructor', 'manager', 'admin']} />}>
            <Route index element={<CoursesPage />} />
            <Route path="courses/:id" element={<CourseEditorPage />} />
            <Route path="courses/:id/preview" element={<CoursePreviewPage />} />
            <Route path="courses/:id/versions/:version" element={<CoursePreviewPage />} />
            <Route path="courses/:id/lessons/:lessonId" element={<LessonEditorPage />} />
          </Route>
          <Route path="teach/new" element={<RequireRole roles={['instructor', 'admin']} />}>
            <Route index element={<NewCoursePage />} />
          </Route>
          <Route element={<RequireRole roles={['manager']} />}>
            <Route path="program" element={<RoleHomePage kind="program" />} />
          </Route>
          <Route path="admin" element={<RequireRole roles={['admin']} />}>
            <Route index element={<Navigate replace to="/admin/users" />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="users/new" element={<NewUserPage />} />
            <Route path="users/:id" element={<UserDetailPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
