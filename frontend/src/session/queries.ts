import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';

/** Who is signed in: asked once on start and again whenever the session may have changed. */
export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      email
      name
      role
      permissions
      reseller {
        id
        name
      }
      employee {
        id
      }
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout(input: { everywhere: false }) {
      userErrors {
        message
      }
    }
  }
`);

export type SessionViewer = NonNullable<ViewerQuery['viewer']>;
