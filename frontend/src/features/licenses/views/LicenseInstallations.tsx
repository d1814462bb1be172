import { useState } from 'react';
import { FormErrors } from '../../../components/form/FormErrors';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { DeactivateInstallationMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { InstallationsTable } from '../components/InstallationsTable';
import { deactivateInstallationMutation, type LicenseInstallations as Installations } from '../modificationQueries';

const payloadOf = (data: DeactivateInstallationMutation) => data.deactivateInstallation;

/**
 * Where a license is activated: its installations, newest first, and for
 * those who may manage installations a way to deactivate the active one so
 * that the key can move to another server.
 */
export function LicenseInstallations({ license }: { license: Installations }) {
  const canDeactivate = hasPermission(useViewer(), 'INSTALLATIONS_MANAGE');
  const deactivating = useFormMutation(deactivateInstallationMutation, payloadOf);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <SuccessMessage message={message} />
      <FormErrors errors={deactivating.errors} shownFields={[]} />
      {license.reactivationRequired && (
        <p className="warning">
          The license changed since its server activated it: that server must activate again to get the change.
        </p>
      )}
      {license.activations.length === 0 ? (
        <p>Not activated on any server yet. The license activates with its key from the installed product.</p>
      ) : (
        <InstallationsTable
          licenseKey={license.key}
          installations={license.activations}
          canDeactivate={canDeactivate}
          busyId={busyId}
          onDeactivate={(installation) => {
            setMessage(null);
            setBusyId(installation.id);
            void deactivating.submit({ input: { installationId: installation.id } }).then((payload) => {
              setBusyId(null);
              if (payload) {
                setMessage(`${installation.hostname} is deactivated: the key can be activated on another server.`);
              }
            });
          }}
        />
      )}
    </>
  );
}
