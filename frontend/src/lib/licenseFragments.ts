import { graphql } from '../gql';
import type { LicenseChoiceFieldsFragment } from '../gql/graphql';

/**
 * What a license licenses: the product, edition and seat tier bought, and its add-ons, each by
 * code and name. The license list, the Reselling page, the customer's page, the license changes
 * and the order confirmation each spread it beside what they show besides.
 */
export const licenseChoiceFields = graphql(`
  fragment LicenseChoiceFields on License {
    product {
      code
      name
    }
    edition {
      code
      name
    }
    tier {
      code
      name
    }
    addons {
      code
      name
    }
  }
`);

export type LicenseChoice = LicenseChoiceFieldsFragment;
