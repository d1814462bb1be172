import { graphql } from '../../gql';
import type { AuditEventsQuery } from '../../gql/graphql';

/** The actions the caller's audit log holds, e.g. `employee.add`, for the filter. */
export const auditActionsQuery = graphql(`
  query AuditActions {
    auditActions
  }
`);

export const auditEventsQuery = graphql(`
  query AuditEvents($first: Int!, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      edges {
        node {
          id
          occurredAt
          action
          actor
          targetType
          targetLabel
          ipAddress
          changes {
            field
            oldValue
            newValue
          }
          reseller {
            id
            name
          }
        }
      }
      pageInfo {
        ...NextPageFields
      }
    }
  }
`);

export type AuditEvent = AuditEventsQuery['auditEvents']['edges'][number]['node'];
export type AuditChange = AuditEvent['changes'][number];
