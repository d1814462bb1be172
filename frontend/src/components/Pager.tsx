import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { PAGE_SIZES } from '../lib/listParams';
import type { PagerState } from '../lib/usePagedList';
import { SelectField } from './form/SelectField';

interface PagerProps {
  pager: PagerState;
  /** What the list holds, in lower case: "licenses" gives "Showing 50 licenses". */
  what: string;
  /** True while another page loads: the links wait for it. */
  updating?: boolean;
}

const SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }));

/** A link to another page, or its text marked unavailable when there is none. */
function PageLink({ to, rel, children }: { to: string | null; rel?: string; children: ReactNode }) {
  return to === null ? (
    <a role="link" aria-disabled="true" className="pager-link pager-link--disabled">
      {children}
    </a>
  ) : (
    <Link to={{ search: to }} rel={rel} className="pager-link">
      {children}
    </Link>
  );
}

/** What a status line can honestly say of a page reached by cursor: its size, and whether it is the first or the last. */
export function pageStatus({ shown, atStart, atEnd }: PagerState, what: string): string {
  if (atStart && atEnd) return `Showing ${shown} ${what}, all there are.`;
  if (atStart) return `Showing the first ${shown} ${what}.`;
  if (atEnd) return `Showing the last ${shown} ${what}.`;
  return `Showing ${shown} ${what}.`;
}

/** The page's status, links to the first, previous and next pages, and how many rows a page shows. */
export function Pager({ pager, what, updating = false }: PagerProps) {
  const navigate = useNavigate();
  // Every row fitting on the smallest page, the page size changes nothing.
  const sizeMatters = !(pager.atStart && pager.atEnd && pager.shown <= PAGE_SIZES[0]);
  return (
    <nav className="pager" aria-label={`Pages of ${what}`}>
      <p role="status" className="status">
        {updating ? `Loading ${what}…` : pageStatus(pager, what)}
      </p>
      {!(pager.atStart && pager.atEnd) && (
        <ul className="pager-links">
          <li>
            <PageLink to={updating ? null : pager.first}>First page</PageLink>
          </li>
          <li>
            <PageLink to={updating ? null : pager.previous} rel="prev">
              Previous page
            </PageLink>
          </li>
          <li>
            <PageLink to={updating ? null : pager.next} rel="next">
              Next page
            </PageLink>
          </li>
        </ul>
      )}
      {sizeMatters && (
        <SelectField
          label="Rows per page"
          options={SIZE_OPTIONS}
          value={String(pager.size)}
          onChange={(value) => {
            const size = PAGE_SIZES.find((choice) => String(choice) === value);
            if (size !== undefined) void navigate({ search: pager.searchForSize(size) });
          }}
        />
      )}
    </nav>
  );
}
