import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Role } from '@hotline/contracts';
import { ForcedPasswordChangePage } from '../auth/ForcedPasswordChangePage';
import { LoginPage } from '../auth/LoginPage';
import { useSession } from '../auth/session';
import { useT } from '../i18n/i18n';
import { AppShell } from './AppShell';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { SCREENS } from './screens';

/** The citizens' lookup: public, outside the session routes (the api serves the SPA for it without a token). */
const PublicLookupPage = lazy(() => import('../features/public/PublicLookupPage'));

export function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
      <Spin size="large" />
    </div>
  );
}

/** Everything past the login needs a session; the requested page is kept for after the login. */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** After an admin reset, the user picks a new password before anything else. */
function RequirePasswordOk() {
  const session = useSession();
  if (session?.user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const t = useT();
  const navigate = useNavigate();
  if (!session || !roles.includes(session.user.role)) {
    return (
      <Result
        status="403"
        title={t('page.forbidden.title')}
        subTitle={t('page.forbidden.text')}
        extra={<Button onClick={() => navigate('/')}>{t('page.backHome')}</Button>}
      />
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('page.notFound')}
      extra={<Button onClick={() => navigate('/')}>{t('page.backHome')}</Button>}
    />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/tra-cuu"
        element={
          <RouteErrorBoundary resetKey="public-lookup">
            <Suspense fallback={<PageSpinner />}>
              <PublicLookupPage />
            </Suspense>
          </RouteErrorBoundary>
        }
      />
      <Route element={<RequireSession />}>
        <Route path="/change-password" element={<ForcedPasswordChangePage />} />
        <Route element={<RequirePasswordOk />}>
          <Route element={<AppShell />}>
            {SCREENS.map(({ key, path, roles, component: Screen }) => (
              <Route
                key={key}
                path={path}
                element={
                  <RoleGate roles={roles}>
                    <RouteErrorBoundary resetKey={key}>
                      <Suspense fallback={<PageSpinner />}>
                        <Screen />
                      </Suspense>
                    </RouteErrorBoundary>
                  </RoleGate>
                }
              />
            ))}
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
