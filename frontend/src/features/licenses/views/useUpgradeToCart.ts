import type { CombinedError } from 'urql';
import { useClientChecks } from '../../../components/form/useClientChecks';
import type { AddLicenseUpgradeToCartMutation, LicenseUpgradeInput } from '../../../gql/graphql';
import { describeError } from '../../../lib/errors';
import { useFormMutation } from '../../../lib/useFormMutation';
import { groupUserErrors, hasErrors } from '../../../lib/userErrors';
import type { AddedLine } from '../modifications';
import { addLicenseUpgradeToCartMutation, type Quote } from '../modificationQueries';

const payloadOf = (data: AddLicenseUpgradeToCartMutation) => data.addLicenseUpgradeToCart;

/** The answer of an upgrade quote query (an edition and tier, or add-ons), as urql holds it. */
interface Quoted {
  data?: { license?: { upgradeQuote?: Quote | null } | null };
  error?: CombinedError;
  fetching: boolean;
}

/**
 * The Upgrade and Buy add-ons dialogs' data besides the choice: the server's quote of it (while
 * `asking`), the form's errors (its own check and the cart's answer first, then why the quote
 * refuses the choice), and the upgrade into the cart, handing the line added to `onAdded`.
 */
export function useUpgradeToCart(quoted: Quoted, asking: boolean, onAdded: (line: AddedLine) => void) {
  const adding = useFormMutation(addLicenseUpgradeToCartMutation, payloadOf);
  const { errors: ownErrors, check } = useClientChecks(adding.errors);
  const quote = asking ? quoted.data?.license?.upgradeQuote : undefined;
  const quoteErrors = quoted.error
    ? { general: [`The price could not be loaded. ${describeError(quoted.error)}`], fields: {} }
    : groupUserErrors(quote?.userErrors ?? []);

  return {
    /** The quote and the form's state, as the dialog takes them. */
    dialogProps: {
      quote: quote ?? undefined,
      quoting: quoted.fetching,
      errors: hasErrors(ownErrors) ? ownErrors : quoteErrors,
      submitting: adding.submitting,
    },
    /** Forgets the last attempt's errors, for a new choice. */
    reset: () => {
      adding.clearErrors();
      check({});
    },
    /** Adds the upgrade to the cart unless the form's own check finds `problems` (messages by field). */
    submit: (problems: Record<string, string | undefined>, input: LicenseUpgradeInput) => {
      if (!check(problems)) return;
      void adding.submit({ input }).then((payload) => {
        if (payload?.cartLine) onAdded(payload.cartLine);
      });
    },
  };
}
