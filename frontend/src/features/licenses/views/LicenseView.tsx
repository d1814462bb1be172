import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { LicenseSummary } from '../components/LicenseSummary';
import { LicenseAssignment } from '../../reselling/views/LicenseAssignment';
import { licenseQuery, type LicenseDetails } from '../queries';
import { LicenseInstallations } from './LicenseInstallations';
import { ModifyLicensePanel } from './ModifyLicensePanel';

/** One license by its key: all its details and the key to copy. */
export default function LicenseView() {
  const { licenseKey = '' } = useParams();
  const query = useRetryableQuery({ query: licenseQuery, variables: { key: licenseKey } });
  return (
    <QueryContent query={query} what="the license">
      {({ license }) => (license ? <License license={license} /> : <LicenseNotFound licenseKey={licenseKey} />)}
    </QueryContent>
  );
}

function License({ license }: { license: LicenseDetails }) {
  const viewer = useViewer();
  return (
    <Page title={`License ${license.key}`}>
      <p>
        <Link to="/licenses">Back to licenses</Link>
      </p>
      <LicenseSummary
        license={license}
        linkOrder={hasPermission(viewer, 'ORDERS_READ')}
        showReseller={hasPermission(viewer, 'RESELLERS_MANAGE')}
      />
      <Panel title="Assignment and changes">
        <LicenseAssignment license={license} />
        <ModifyLicensePanel license={license} />
      </Panel>
      <Panel title="Installations">
        <LicenseInstallations license={license} />
      </Panel>
    </Page>
  );
}

function LicenseNotFound({ licenseKey }: { licenseKey: string }) {
  return (
    <Page title="License not found">
      <p>
        Your account has no license with the key <code>{licenseKey}</code>.
      </p>
      <p>
        <Link to="/licenses">Back to licenses</Link>
      </p>
    </Page>
  );
}
