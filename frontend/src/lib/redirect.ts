/**
 * The in-app path to go to after signing in, from a `next` parameter; the
 * dashboard for anything that is not a path of this site (an open redirect
 * would let another site send users anywhere from our login page).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** The login page's address that comes back to `path` after signing in. */
export function loginPathFor(path: string): string {
  return path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}

/** Pages the server serves rather than the app (GraphiQL at /graphql): reached by loading them. */
const SERVER_PAGES = ['/graphql'];

/** Whether the in-app path `path` is one of the server's pages, which the router cannot show. */
export function isServerPage(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0];
  return SERVER_PAGES.includes(pathname ?? path);
}
