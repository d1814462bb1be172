import { graphql } from '../gql';
import type { GlobalSearchQuery } from '../gql/graphql';
import { customerLicensesPath } from '../features/licenses/filters';
import { formatLocalDate } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { invoicePath, licensePath, orderPath } from '../lib/paths';

/*
 * The header search's document and its hits: where each opens, which one Enter opens without
 * choosing, and how each reads in the list.
 */

/** Licenses by key, customers by email, invoices and orders by number: the header's jump-to search. */
export const globalSearchQuery = graphql(`
  query GlobalSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      __typename
      ... on License {
        id
        key
        personal
        product {
          name
        }
        customer {
          email
        }
      }
      ... on Customer {
        id
        email
        name
        licenseCount
      }
      ... on Invoice {
        id
        number
        issuedAt
        total {
          ...MoneyFields
        }
      }
      ... on Order {
        id
        number
        placedAt
        total {
          ...MoneyFields
        }
      }
    }
  }
`);

export type SearchHit = GlobalSearchQuery['search'][number];

/** The page a hit opens: a license, a customer's licenses, an invoice or an order. */
export function hitPath(hit: SearchHit): string {
  switch (hit.__typename) {
    case 'License':
      return licensePath(hit.key);
    case 'Customer':
      return customerLicensesPath(hit.id);
    case 'Invoice':
      return invoicePath(hit.id);
    case 'Order':
      return orderPath(hit.id);
  }
}

/** A license key without its dashes and spaces, in capitals: how people may type it. */
function keyLetters(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function matchesExactly(hit: SearchHit, query: string): boolean {
  const wanted = query.trim().toLowerCase();
  switch (hit.__typename) {
    case 'License':
      return keyLetters(hit.key) === keyLetters(query);
    case 'Customer':
      return hit.email.toLowerCase() === wanted;
    case 'Invoice':
    case 'Order':
      return hit.number.toLowerCase() === wanted;
  }
}

/** Where Enter goes without choosing: the only hit, or the hit the query names exactly. */
export function jumpTarget(hits: readonly SearchHit[], query: string): SearchHit | null {
  if (hits.length === 1) return hits[0] ?? null;
  return hits.find((hit) => matchesExactly(hit, query)) ?? null;
}

/** A hit as an option reads: its kind, what it is known by, and a detail. */
export function HitText({ hit }: { hit: SearchHit }) {
  switch (hit.__typename) {
    case 'License':
      return (
        <>
          <span className="global-search-kind">License</span> <code>{hit.key}</code>
          <span className="global-search-detail">
            {hit.product.name} · {hit.customer?.email ?? (hit.personal ? 'your own' : 'unassigned')}
          </span>
        </>
      );
    case 'Customer':
      return (
        <>
          <span className="global-search-kind">Customer</span> {hit.email}
          <span className="global-search-detail">
            {hit.name ? `${hit.name} · ` : ''}
            {hit.licenseCount === 1 ? '1 license' : `${hit.licenseCount} licenses`}
          </span>
        </>
      );
    case 'Invoice':
      return (
        <>
          <span className="global-search-kind">Invoice</span> {hit.number}
          <span className="global-search-detail">
            {formatLocalDate(hit.issuedAt)} · {formatMoney(hit.total)}
          </span>
        </>
      );
    case 'Order':
      return (
        <>
          <span className="global-search-kind">Order</span> {hit.number}
          <span className="global-search-detail">
            {formatLocalDate(hit.placedAt)} · {formatMoney(hit.total)}
          </span>
        </>
      );
  }
}
