/** What the Assign Product dialog needs to know of a license to offer it. */
export interface AssignableLicense {
  key: string;
  product: { name: string };
  edition: { name: string };
  tier: { name: string };
}

/** Where the dialog was opened from: the license and the customer to start with, when known. */
export interface AssignRequest {
  license?: AssignableLicense;
  email?: string;
  name?: string;
}

/** A license assigned, as the confirmation tells it. */
export interface Assignment {
  license: AssignableLicense;
  email: string;
  name: string;
  /** Whether the assignment created the customer's account. */
  customerCreated: boolean;
}

/** What a license is, in a few words: "SmarterMail Professional, 250 mailboxes". */
export function describeLicense({ product, edition, tier }: AssignableLicense): string {
  return `${product.name} ${edition.name}, ${tier.name}`;
}

/** A license as a choice in a list: what it is, then its key. */
export function licenseChoiceLabel(license: AssignableLicense): string {
  return `${describeLicense(license)} · ${license.key}`;
}

/** The customer as people read them: "Casey Customer (casey@example.com)", or the email alone. */
export function describeCustomer(email: string, name: string): string {
  return name ? `${name} (${email})` : email;
}

/** The sentences after an assignment: who got the license, and what they were sent. */
export function assignedMessage({ license, email, name, customerCreated }: Assignment): string {
  const assigned = `${license.key} (${describeLicense(license)}) is now assigned to ${describeCustomer(email, name)}.`;
  return customerCreated
    ? `${assigned} A customer account was created for ${email}: they get an email with the license key and a link to set their password.`
    : `${assigned} ${email} already had a customer account: they get an email with the license key.`;
}
