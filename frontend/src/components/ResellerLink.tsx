import { Link } from 'react-router';
import { resellerPath } from '../lib/paths';

interface ResellerLinkProps {
  reseller: { id: string; name: string };
}

/** A reseller account's name, linking to its page: for the vendor, who sees every account's licenses, orders and invoices. */
export function ResellerLink({ reseller }: ResellerLinkProps) {
  return <Link to={resellerPath(reseller.id)}>{reseller.name}</Link>;
}
