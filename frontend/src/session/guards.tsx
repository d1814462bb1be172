import { useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { NotAvailablePage } from '../components/NotAvailablePage';
import { ROLE_LABELS } from '../lib/labels';
import { isServerPage, loginPathFor, safeNextPath } from '../lib/redirect';
import { canUse, type Area } from './access';
import type { SessionViewer } from './queries';
import { useViewer } from './ViewerContext';

interface ViewerGateProps {
  viewer: SessionViewer | null;
}

/** Pages behind the login: a signed-out visitor goes to the login page, which brings them back. */
export function RequireViewer({ viewer }: ViewerGateProps) {
  const { pathname, search, hash } = useLocation();
  if (viewer === null) {
    return <Navigate to={loginPathFor(`${pathname}${search}${hash}`)} replace />;
  }
  return <Outlet />;
}

/** Pages for signed-out visitors only (the login page): a signed-in user goes on to where they were going. */
export function RequireNoViewer({ viewer }: ViewerGateProps) {
  const [searchParams] = useSearchParams();
  if (viewer !== null) {
    const next = safeNextPath(searchParams.get('next'));
    return isServerPage(next) ? <LoadPage path={next} /> : <Navigate to={next} replace />;
  }
  return <Outlet />;
}

/** Goes on to a page of the server's (GraphiQL), which the router cannot show, by loading it. */
function LoadPage({ path }: { path: string }) {
  useEffect(() => {
    window.location.replace(path);
  }, [path]);
  return null;
}

interface RequireAccessProps {
  area: Area;
  children: ReactNode;
}

/** A page only some roles may use; the others read that it is not for their role. */
export function RequireAccess({ area, children }: RequireAccessProps) {
  const viewer = useViewer();
  if (!canUse(viewer, area)) {
    return <NotAvailablePage roleLabel={ROLE_LABELS[viewer.role]} />;
  }
  return children;
}
