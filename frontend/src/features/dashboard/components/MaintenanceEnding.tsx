import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import { TableScroll } from '../../../components/TableScroll';
import { formatMoney, type Money } from '../../../lib/money';
import type { MaintenanceEndingLicense } from '../queries';

/** Where a license's one-click renewal is. */
export type Renewal =
  | { state: 'adding' }
  | { state: 'added'; description: string; total: Money }
  | { state: 'failed'; messages: readonly string[] };

interface MaintenanceEndingProps {
  licenses: readonly MaintenanceEndingLicense[];
  /** How many licenses' M&S ends within 60 days in all (more than listed, perhaps). */
  count: number;
  renewals: Readonly<Record<string, Renewal>>;
  /** The license whose renewal went into the cart last: its confirmation is shown, and focused. */
  lastAdded: string | null;
  /** Null when the viewer may not buy: no Renew buttons. */
  onRenew: ((key: string) => void) | null;
}

/** The licenses whose M&S ends within 60 days, soonest first, each with a one-click Renew. */
export function MaintenanceEnding({ licenses, count, renewals, lastAdded, onRenew }: MaintenanceEndingProps) {
  const headingId = useId();
  const added = lastAdded ? renewals[lastAdded] : undefined;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>M&amp;S ending soon</h2>
      {lastAdded && added?.state === 'added' && (
        <AddedConfirmation licenseKey={lastAdded} description={added.description} total={added.total} />
      )}
      {licenses.length === 0 ? (
        <p>No license’s M&amp;S ends in the next 60 days.</p>
      ) : (
        <TableScroll label="Licenses whose M&S ends within 60 days">
          <table className="maintenance-ending">
            <caption>Licenses whose M&amp;S ends within 60 days, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">License</th>
                <th scope="col">Product</th>
                <th scope="col">Customer</th>
                <th scope="col">M&amp;S ends</th>
                {onRenew && (
                  <th scope="col">
                    <span className="visually-hidden">Renewal</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {licenses.map((license) => (
                <LicenseRow
                  key={license.id}
                  license={license}
                  renewal={renewals[license.key]}
                  onRenew={onRenew}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {count > licenses.length && (
        <p className="muted">
          And {count - licenses.length} more: each license’s page has its Renew M&amp;S button.{' '}
          <Link to="/licenses">See all licenses</Link>
        </p>
      )}
    </section>
  );
}

interface LicenseRowProps {
  license: MaintenanceEndingLicense;
  renewal: Renewal | undefined;
  onRenew: ((key: string) => void) | null;
}

function LicenseRow({ license, renewal, onRenew }: LicenseRowProps) {
  const errorId = useId();
  const failed = renewal?.state === 'failed' ? renewal : null;
  return (
    <tr>
      <th scope="row">
        <LicenseKeyLink licenseKey={license.key} />
      </th>
      <td>
        {license.product.name}
        <span className="cell-note">
          {license.edition.name}, {license.tier.name}
        </span>
      </td>
      <td>
        {license.customer ? (
          <>
            {license.customer.email}
            {license.customer.name && <span className="cell-note">{license.customer.name}</span>}
          </>
        ) : (
          <span className="muted">{license.personal ? 'Your own' : 'Unassigned'}</span>
        )}
      </td>
      <td className="nowrap">
        <DateTime value={license.maintenanceExpiresAt} dateOnly />
      </td>
      {onRenew && (
        <td>
          {renewal?.state === 'added' ? (
            <span className="muted">In your cart</span>
          ) : (
            <button
              type="button"
              className="button-secondary"
              aria-disabled={renewal?.state === 'adding'}
              aria-describedby={failed ? errorId : undefined}
              onClick={() => {
                if (renewal?.state !== 'adding') onRenew(license.key);
              }}
            >
              {renewal?.state === 'adding' ? 'Adding…' : 'Renew'}
              <span className="visually-hidden"> M&amp;S of {license.key}</span>
            </button>
          )}
          {failed && (
            <p id={errorId} className="field-error">
              {failed.messages.join(' ')}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

interface AddedConfirmationProps {
  licenseKey: string;
  description: string;
  total: Money;
}

/** That a renewal went into the cart, with the way there; focus moves to its heading, the link next to it. */
function AddedConfirmation({ licenseKey, description, total }: AddedConfirmationProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [licenseKey]);
  return (
    <section className="success renewal-added" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Added to your cart
      </h3>
      <p>
        {description}: {formatMoney(total)} after your discount. It is bought at checkout.{' '}
        <Link to="/cart">Go to cart</Link>
      </p>
    </section>
  );
}
