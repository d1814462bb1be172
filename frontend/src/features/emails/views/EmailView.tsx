import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { EmailMessage } from '../components/EmailMessage';
import { emailQuery } from '../queries';

/** One email: headers, text body and HTML body. */
export default function EmailView() {
  const { emailId = '' } = useParams();
  const query = useRetryableQuery({ query: emailQuery, variables: { id: emailId } });
  return (
    <QueryContent query={query} what="the message">
      {({ node }) =>
        node?.__typename === 'EmailMessage' ? (
          <Page title={node.subject}>
            <p>
              <Link to="/emails">Back to email</Link>
            </p>
            <EmailMessage email={node} />
          </Page>
        ) : (
          <NotFoundPage />
        )
      }
    </QueryContent>
  );
}
