import { Page } from './Page';

interface PlaceholderPageProps {
  title: string;
  /** One sentence saying what the page will show. */
  description: string;
}

/** A page whose feature is still to come. */
export function PlaceholderPage({ title, description }: PlaceholderPageProps) {
  return (
    <Page title={title}>
      <p>{description}</p>
    </Page>
  );
}
