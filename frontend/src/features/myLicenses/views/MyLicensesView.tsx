import { ConnectionContent } from '../../../components/ConnectionContent';
import { Page } from '../../../components/Page';
import { useConnection } from '../../../lib/useConnection';
import { LicenseInstallations } from '../../licenses/views/LicenseInstallations';
import { MyLicenseCard } from '../components/MyLicenseCard';
import { myLicensesQuery } from '../queries';

/** A customer's home: its own licenses, each with its key, M&S, who sold it and where it is activated. */
export default function MyLicensesView() {
  const licenses = useConnection(myLicensesQuery, {}, (data) => data.licenses);
  return (
    <Page title="My licenses">
      <p className="lead">
        The licenses assigned to you: the keys to activate your products, and their Maintenance &amp; Support.
      </p>
      <ConnectionContent
        connection={licenses}
        what="licenses"
        empty={
          <p>
            You have no licenses yet. When your reseller assigns a license to you, it appears here with its key, and
            you get an email.
          </p>
        }
      >
        {(nodes) =>
          nodes.map((license) => (
            <MyLicenseCard
              key={license.id}
              license={license}
              installations={<LicenseInstallations license={license} />}
            />
          ))
        }
      </ConnectionContent>
    </Page>
  );
}
