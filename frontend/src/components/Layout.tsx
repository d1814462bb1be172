import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';

const NAVIGATION = [
  { to: '/', label: 'Dashboard' },
  { to: '/shop', label: 'Shop' },
  { to: '/cart', label: 'Cart' },
  { to: '/licenses', label: 'Licenses' },
  { to: '/customers', label: 'Customers' },
  { to: '/invoices', label: 'Invoices' },
  { to: '/account', label: 'Account' },
] as const;

interface LayoutProps {
  children: ReactNode;
}

/** The shell around every page: skip link, header with the main navigation, and the main region. */
export function Layout({ children }: LayoutProps) {
  const main = useMoveFocusToMainOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <p className="brand">Partner Portal</p>
        <nav aria-label="Main">
          <ul>
            {NAVIGATION.map(({ to, label }) => (
              <li key={to}>
                {/* NavLink sets aria-current="page" on the link of the current page. */}
                <NavLink to={to} end={to === '/'}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
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
