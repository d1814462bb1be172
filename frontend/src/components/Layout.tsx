import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { SectionNav, type NavItem } from './SectionNav';

/** Who is signed in, as the header shows it. */
export interface SignedInUser {
  name: string;
  email: string | null;
  roleLabel: string;
  /** The reseller the user works for, if any. */
  company: string | null;
}

interface LayoutProps {
  children: ReactNode;
  /** The main navigation; none before signing in. */
  navigation?: readonly NavItem[];
  user?: SignedInUser | null;
  onSignOut?: () => void;
  signingOut?: boolean;
  /** The header's search, for signed-in users who have one. */
  search?: ReactNode;
}

/** The shell around every page: skip link, header with the main navigation, the search and the user, and the main region. */
export function Layout({
  children,
  navigation = [],
  user = null,
  onSignOut,
  signingOut = false,
  search = null,
}: LayoutProps) {
  const main = useMoveFocusToMainOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <p className="brand">Partner Portal</p>
        {search}
        {navigation.length > 0 && <SectionNav label="Main" items={navigation} className="main-nav" />}
        {user && (
          <div className="user-menu">
            <p>
              <NavLink to="/profile" className="user-name">
                {user.name}
                <span className="visually-hidden"> (your profile)</span>
              </NavLink>
              <span className="user-detail">
                {user.email && <span>{user.email}</span>}
                <span>
                  {user.roleLabel}
                  {user.company && ` · ${user.company}`}
                </span>
              </span>
            </p>
            {onSignOut && (
              <button
                type="button"
                className="button-secondary"
                aria-disabled={signingOut}
                onClick={() => {
                  if (!signingOut) onSignOut();
                }}
              >
                {signingOut ? 'Signing out…' : 'Sign out'}
              </button>
            )}
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/**
 * After a client-side navigation, moves focus to the main region so keyboard
 * and screen reader users start at the new page, as they would after a full
 * page load. The first render keeps the browser's own focus.
 */
function useMoveFocusToMainOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current !== pathname) {
      previousPathname.current = pathname;
      main.current?.focus();
    }
  }, [pathname]);
  return main;
}
