import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/routes/sign-in-page';
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
            <Route path="learn" element={<RoleHomePage kind="learn" />} />
          </Route>
          <Route element={<RequireRole roles={['instructor']} />}>
            <Route path="teach" element={<RoleHomePage kind="teach" />} />
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
