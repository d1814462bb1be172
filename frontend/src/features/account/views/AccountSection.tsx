import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { LoadingStatus } from '../../../components/LoadingStatus';
import { SectionNav } from '../../../components/SectionNav';
import { accountNavigationFor } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';

/** The account pages, with the section's own navigation beside them. */
export default function AccountSection() {
  const viewer = useViewer();
  return (
    <div className="section-layout">
      <SectionNav label="Account" items={accountNavigationFor(viewer)} className="section-nav" />
      <div className="section-content">
        <Suspense fallback={<LoadingStatus label="Loading page…" />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}
