import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionViewer } from '../../../session/queries';
import { mockApi, type Answer } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import type { ModifiableLicense } from '../modificationQueries';
import { KEY, LICENSE, PRODUCT, REINSTATEMENT } from '../testData';
import { ModifyLicensePanel } from './ModifyLicensePanel';

function renderPanel(
  license: ModifiableLicense = LICENSE,
  answers: Record<string, Answer | Answer[]> = {},
  viewer: SessionViewer = viewerWithRole('RESELLER_PURCHASER'),
) {
  const api = mockApi({ ModificationChoices: { data: { product: PRODUCT } }, ...answers });
  renderView(<ModifyLicensePanel license={license} />, { client: api.client, viewer });
  return api;
}

const dialog = (name: string) => screen.getByRole('dialog', { name });
const radioNames = (group: HTMLElement) =>
  within(group).getAllByRole('radio').map((radio) => radio.getAttribute('value'));
const detail = (container: HTMLElement, label: string) =>
  within(container).getByText(label, { selector: 'dt' }).nextElementSibling;

const ADDED = (description: string, total: string) => ({
  cartLine: { id: 'line-9', description, total: usd(total) },
  cart: { licenseCount: 0, total: usd(total) },
  userErrors: [],
});

const TO_ENTERPRISE = `SmarterMail Professional, 1000 mailboxes → Enterprise, 1000 mailboxes; key ${KEY}`;

describe('ModifyLicensePanel: Upgrade', () => {
  it('offers only the license’s edition and tier and higher ones, and the server’s price of the choice', async () => {
    const user = userEvent.setup();
    const api = renderPanel(LICENSE, {
      UpgradeQuote: (variables) => ({
        data: {
          license: {
            id: LICENSE.id,
            upgradeQuote:
              variables.editionCode === 'enterprise'
                ? { price: usd('350.00'), description: TO_ENTERPRISE, userErrors: [] }
                : { price: usd('900.00'), description: 'Another upgrade', userErrors: [] },
          },
        },
      }),
      AddLicenseUpgradeToCart: { data: { addLicenseUpgradeToCart: ADDED(TO_ENTERPRISE, '280.00') } },
    });

    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    const upgrade = dialog('Upgrade license');
    const editions = within(upgrade).getByRole('group', { name: 'Edition' });
    const tiers = within(upgrade).getByRole('group', { name: 'Tier (mailboxes)' });
    // Free is lower than Professional, 250 smaller than 1000: not offered
    expect(radioNames(editions)).toEqual(['professional', 'enterprise']);
    expect(within(editions).getByRole('radio', { name: 'Professional (current)' })).toBeChecked();
    expect(radioNames(tiers)).toEqual(['1000', 'unlimited']);
    expect(within(tiers).getByRole('radio', { name: '1000 mailboxes (current)' })).toBeChecked();
    expect(within(upgrade).getByText('Choose a higher edition or a larger tier.')).toBeInTheDocument();
    expect(api.variablesOf('UpgradeQuote')).toEqual([]);

    await user.click(within(editions).getByRole('radio', { name: 'Enterprise' }));

    expect(api.variablesOf('UpgradeQuote')).toEqual([{ key: KEY, editionCode: 'enterprise', tier: null }]);
    const price = within(upgrade).getByRole('region', { name: 'Price' });
    expect(price).toHaveTextContent('$350.00');
    expect(price).toHaveTextContent(TO_ENTERPRISE);

    await user.click(within(upgrade).getByRole('button', { name: 'Add to cart' }));

    expect(api.variablesOf('AddLicenseUpgradeToCart')).toEqual([
      { input: { licenseKey: KEY, editionCode: 'enterprise', tier: null, addAddonCodes: [] } },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const added = screen.getByRole('region', { name: 'Added to your cart' });
    expect(added).toHaveTextContent(`${TO_ENTERPRISE}: $280.00 after your discount`);
    expect(within(added).getByRole('link', { name: 'View cart' })).toHaveAttribute('href', '/cart');
  });

  it('shows why the server refuses an upgrade at the field at fault, and adds nothing', async () => {
    const user = userEvent.setup();
    const refusal = {
      code: 'INVALID',
      message: 'Downgrades are not sold: Enterprise, 1000 mailboxes costs less than Professional, 1000 mailboxes.',
      field: ['editionCode'],
    };
    const api = renderPanel(LICENSE, {
      UpgradeQuote: { data: { license: { id: LICENSE.id, upgradeQuote: { price: null, description: null, userErrors: [refusal] } } } },
      AddLicenseUpgradeToCart: {
        data: { addLicenseUpgradeToCart: { cartLine: null, cart: null, userErrors: [{ ...refusal, field: ['input', 'editionCode'] }] } },
      },
    });

    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    const upgrade = dialog('Upgrade license');
    await user.click(within(upgrade).getByRole('radio', { name: 'Enterprise' }));

    const editions = within(upgrade).getByRole('group', { name: 'Edition' });
    expect(editions).toHaveAccessibleDescription(`Error: ${refusal.message}`);
    expect(within(upgrade).getByText('This upgrade cannot be bought: see above.')).toBeInTheDocument();

    await user.click(within(upgrade).getByRole('button', { name: 'Add to cart' }));

    expect(api.variablesOf('AddLicenseUpgradeToCart')).toHaveLength(1);
    expect(editions).toHaveAccessibleDescription(`Error: ${refusal.message}`);
    expect(screen.queryByRole('region', { name: 'Added to your cart' })).not.toBeInTheDocument();
  });

  it('asks for a change before adding anything', async () => {
    const user = userEvent.setup();
    const api = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    await user.click(within(dialog('Upgrade license')).getByRole('button', { name: 'Add to cart' }));

    expect(within(dialog('Upgrade license')).getByRole('group', { name: 'Edition' })).toHaveAccessibleDescription(
      'Error: Choose a higher edition or a larger tier.',
    );
    expect(api.variablesOf('AddLicenseUpgradeToCart')).toEqual([]);
  });

  it('says why a license at the highest edition and tier cannot be upgraded', async () => {
    const user = userEvent.setup();
    renderPanel({
      ...LICENSE,
      edition: { code: 'enterprise', name: 'Enterprise' },
      tier: { code: 'unlimited', name: 'Unlimited' },
    });
    const button = screen.getByRole('button', { name: 'Upgrade' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Enterprise, Unlimited is the highest edition and tier on sale.');

    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is not offered to those who cannot shop', () => {
    const api = renderPanel(LICENSE, {}, viewerWithRole('RESELLER_VIEWER'));
    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument();
    expect(api.variablesOf('ModificationChoices')).toEqual([]);
  });
});

describe('ModifyLicensePanel: add-ons', () => {
  it('offers the add-ons the edition allows and the license lacks, at the server’s prorated price', async () => {
    const user = userEvent.setup();
    const description = `SmarterMail Professional, 1000 mailboxes, + Message Sniffer (prorated to 2027-11-27); key ${KEY}`;
    const api = renderPanel(LICENSE, {
      AddonsQuote: { data: { license: { id: LICENSE.id, upgradeQuote: { price: usd('120.33'), description, userErrors: [] } } } },
      AddLicenseUpgradeToCart: { data: { addLicenseUpgradeToCart: ADDED(description, '96.26') } },
    });

    await user.click(screen.getByRole('button', { name: 'Buy add-ons' }));
    const addons = dialog('Buy add-ons');
    // ActiveSync is Enterprise only, Cyren Antispam the license has
    expect(within(addons).getAllByRole('checkbox')).toHaveLength(1);
    const sniffer = within(addons).getByRole('checkbox', { name: 'Message Sniffer' });
    expect(sniffer).toHaveAccessibleDescription('$240.00 a year at list price.');

    await user.click(sniffer);

    expect(api.variablesOf('AddonsQuote')).toEqual([{ key: KEY, addonCodes: ['message-sniffer'] }]);
    expect(within(addons).getByRole('region', { name: 'Price' })).toHaveTextContent('$120.33');

    await user.click(within(addons).getByRole('button', { name: 'Add to cart' }));

    expect(api.variablesOf('AddLicenseUpgradeToCart')).toEqual([
      { input: { licenseKey: KEY, editionCode: null, tier: null, addAddonCodes: ['message-sniffer'] } },
    ]);
    expect(screen.getByRole('region', { name: 'Added to your cart' })).toHaveTextContent(description);
  });
});

describe('ModifyLicensePanel: M&S', () => {
  it('renews M&S while it is active: the price and new expiry of the years chosen', async () => {
    const user = userEvent.setup();
    const twoYears = { ...LICENSE.maintenanceOffer, years: 2, price: usd('899.00'), newExpiresAt: '2029-11-27T12:00:00+00:00' };
    const api = renderPanel(LICENSE, {
      MaintenanceOffer: { data: { license: { id: LICENSE.id, maintenanceOffer: twoYears } } },
      AddMaintenanceToCart: { data: { addMaintenanceToCart: ADDED('M&S renewal, 2 years', '719.20') } },
    });

    expect(screen.queryByRole('button', { name: 'Reinstate M&S' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Renew M&S' }));
    const renew = dialog('Renew M&S');
    const price = within(renew).getByRole('region', { name: 'M&S price' });
    expect(detail(price, 'Price')).toHaveTextContent('$449.50');
    expect(detail(price, 'New M&S expiry')).toHaveTextContent(/2028/);
    expect(within(price).queryByText('Months lapsed')).not.toBeInTheDocument();
    expect(within(renew).getByText(/A renewal continues from the current expiry/)).toBeInTheDocument();

    await user.selectOptions(within(renew).getByLabelText('Years'), '2 years');

    expect(api.variablesOf('MaintenanceOffer')).toEqual([{ key: KEY, years: 2 }]);
    expect(detail(price, 'Price')).toHaveTextContent('$899.00');
    expect(detail(price, 'New M&S expiry')).toHaveTextContent(/2029/);

    await user.click(within(renew).getByRole('button', { name: 'Add to cart' }));

    expect(api.variablesOf('AddMaintenanceToCart')).toEqual([{ input: { licenseKey: KEY, years: 2 } }]);
    expect(screen.getByRole('region', { name: 'Added to your cart' })).toHaveTextContent('M&S renewal, 2 years');
  });

  it('reinstates lapsed M&S: months lapsed and the fee, and no add-ons until then', async () => {
    const user = userEvent.setup();
    renderPanel({ ...LICENSE, maintenanceStatus: 'LAPSED', maintenanceOffer: REINSTATEMENT });

    expect(screen.queryByRole('button', { name: 'Renew M&S' })).not.toBeInTheDocument();
    const addons = screen.getByRole('button', { name: 'Buy add-ons' });
    expect(addons).toHaveAttribute('aria-disabled', 'true');
    expect(addons).toHaveAccessibleDescription(/M&S first/);

    await user.click(screen.getByRole('button', { name: 'Reinstate M&S' }));
    const reinstate = dialog('Reinstate M&S');
    const price = within(reinstate).getByRole('region', { name: 'M&S price' });
    expect(detail(price, 'Price')).toHaveTextContent('$719.20');
    expect(detail(price, 'Months lapsed')).toHaveTextContent('4');
    expect(detail(price, 'Reinstatement fee (included)')).toHaveTextContent('$89.90');
    expect(detail(price, 'New M&S expiry')).toHaveTextContent(/2027/);
  });
});
