import { DetailsList, type Detail } from '../../../components/DetailsList';
import { ROLE_LABELS } from '../../../lib/labels';
import type { SessionViewer } from '../../../session/queries';

interface ProfileSummaryProps {
  viewer: SessionViewer;
}

/** Who is signed in: name, email, role and the company they work for. */
export function ProfileSummary({ viewer }: ProfileSummaryProps) {
  const company = viewer.reseller?.name ?? (viewer.role === 'VENDOR_ADMIN' ? 'The vendor' : null);
  const details: Detail[] = [
    ['Name', viewer.name],
    ['Email', viewer.email ?? '—'],
    ['Role', ROLE_LABELS[viewer.role]],
  ];
  if (company !== null) details.push(['Company', company]);
  return <DetailsList details={details} />;
}
