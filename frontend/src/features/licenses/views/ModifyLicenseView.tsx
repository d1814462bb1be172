import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { RadioGroupField } from '../../../components/form/RadioGroupField';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { useConnection } from '../../../lib/useConnection';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { LicenseBrief } from '../components/LicenseBrief';
import { LicenseKeyForm } from '../components/LicenseKeyForm';
import { LicensePickerTable } from '../components/LicensePickerTable';
import { licenseToModifyQuery, personalLicensesQuery, type LicenseToModify } from '../modificationQueries';
import '../licenses.css';
import { LicenseInstallations } from './LicenseInstallations';
import { ModifyLicensePanel } from './ModifyLicensePanel';

type Source = 'personal' | 'resold';

const SOURCES = [
  { value: 'personal', label: 'Personal', hint: 'One of your account’s own licenses: pick it from the list.' },
  { value: 'resold', label: 'Resold', hint: 'A license you sold to a customer: enter its key.' },
];

/**
 * Modify Existing License, as the partner guide has it: pick a personal
 * license from the list, or find a resold one by its key; then upgrade it, buy
 * add-ons or renew its M&S. The choices live in the address
 * (`?by=resold&key=…`, `?license=…` once selected), so Back returns to them.
 */
export default function ModifyLicenseView() {
  const [params, setParams] = useSearchParams();
  const addressed: Source = params.get('by') === 'resold' ? 'resold' : 'personal';
  // The radio answers at once; the address follows (a router navigation is a transition, which
  // would leave the clicked radio unchecked for a moment). Back and Forward win.
  const [source, setSource] = useState<Source>(addressed);
  const [lastAddressed, setLastAddressed] = useState<Source>(addressed);
  if (lastAddressed !== addressed) {
    setLastAddressed(addressed);
    setSource(addressed);
  }
  const selected = params.get('license') ?? '';
  const lookedUp = params.get('key') ?? '';
  const select = (license: { key: string }) => {
    setParams({ by: source, license: license.key });
  };

  return (
    <Page title="Modify existing license">
      <p>
        <Link to="/licenses">Back to licenses</Link>
      </p>
      <p className="lead">
        Upgrade a license to a higher edition or tier, buy add-ons, or renew or reinstate its Maintenance &amp;
        Support. Each change goes into the cart and is bought at checkout.
      </p>
      {selected ? (
        <SelectedLicense
          licenseKey={selected}
          onChooseAnother={() => {
            setParams(source === 'resold' ? { by: source } : {});
          }}
        />
      ) : (
        <>
          <RadioGroupField
            legend="Which license?"
            value={source}
            options={SOURCES}
            onChange={(by) => {
              setSource(by === 'resold' ? 'resold' : 'personal');
              setParams(by === 'resold' ? { by } : {}, { replace: true });
            }}
          />
          {source === 'personal' ? (
            <PersonalLicenses onSelect={select} />
          ) : (
            <>
              <LicenseKeyForm
                initial={lookedUp}
                onLookUp={(key) => {
                  setParams({ by: 'resold', key });
                }}
              />
              {lookedUp && <FoundLicense key={lookedUp} licenseKey={lookedUp} onSelect={select} />}
            </>
          )}
        </>
      )}
    </Page>
  );
}

function PersonalLicenses({ onSelect }: { onSelect: (license: { key: string }) => void }) {
  const licenses = useConnection(personalLicensesQuery, {}, (data) => data.licenses);
  return (
    <ConnectionContent
      connection={licenses}
      what="personal licenses"
      empty={
        <p>
          Your account has no personal licenses. Licenses bought in the <Link to="/shop">Shop</Link> “for our own use”
          are listed here.
        </p>
      }
    >
      {(nodes) => <LicensePickerTable caption="Your personal licenses" licenses={nodes} onSelect={onSelect} />}
    </ConnectionContent>
  );
}

interface FoundLicenseProps {
  licenseKey: string;
  onSelect: (license: LicenseToModify) => void;
}

/** The account's license with the key typed, to select it; another reseller's key reads as not found. */
function FoundLicense({ licenseKey, onSelect }: FoundLicenseProps) {
  const query = useRetryableQuery({
    query: licenseToModifyQuery,
    variables: { key: licenseKey },
    requestPolicy: 'cache-and-network',
  });
  return (
    <div aria-live="polite">
      <QueryContent query={query} what="the license">
        {({ license }) =>
          license ? (
            <Panel title="License found">
              <LicenseBrief license={license} />
              <button
                type="button"
                onClick={() => {
                  onSelect(license);
                }}
              >
                Select<span className="visually-hidden"> {license.key}</span>
              </button>
            </Panel>
          ) : (
            <p className="warning">
              Not found: your account has no license with the key <code>{licenseKey}</code>. Check the key; a license
              sold by another reseller cannot be changed here.
            </p>
          )
        }
      </QueryContent>
    </div>
  );
}

interface SelectedLicenseProps {
  licenseKey: string;
  onChooseAnother: () => void;
}

function SelectedLicense({ licenseKey, onChooseAnother }: SelectedLicenseProps) {
  const query = useRetryableQuery({ query: licenseToModifyQuery, variables: { key: licenseKey } });
  return (
    <QueryContent query={query} what="the license">
      {({ license }) =>
        license ? (
          <Selected license={license} onChooseAnother={onChooseAnother} />
        ) : (
          <>
            <p className="warning">
              Your account has no license with the key <code>{licenseKey}</code>.
            </p>
            <p>
              <button type="button" onClick={onChooseAnother}>
                Choose another license
              </button>
            </p>
          </>
        )
      }
    </QueryContent>
  );
}

/** The license chosen, its changes and installations. Focus moves to it, as the choice it replaces is gone. */
function Selected({ license, onChooseAnother }: { license: LicenseToModify; onChooseAnother: () => void }) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <>
      <section className="panel selected-license" aria-labelledby={headingId}>
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Selected license
        </h2>
        <LicenseBrief license={license} />
        <p>
          <button type="button" className="button-secondary" onClick={onChooseAnother}>
            Choose another license
          </button>
        </p>
      </section>
      <Panel title="Changes">
        <ModifyLicensePanel license={license} />
      </Panel>
      <Panel title="Installations">
        <LicenseInstallations license={license} />
      </Panel>
    </>
  );
}
