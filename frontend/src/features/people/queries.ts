import { graphql } from '../../gql';
import type { PeopleQuery } from '../../gql/graphql';

/** A person as the list and the edit page show them. */
export const personFields = graphql(`
  fragment PersonFields on Employee {
    id
    name
    email
    phone
    jobTitle
    role
    loginStatus
    lastLoginAt
    isViewer
  }
`);

export const peopleQuery = graphql(`
  query People(
    $first: Int!
    $after: String
    $last: Int
    $before: String
    $orderBy: EmployeeOrder
    $search: String
    $role: Role
  ) {
    employees(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: $orderBy
      search: $search
      role: $role
    ) {
      edges {
        node {
          ...PersonFields
        }
      }
      pageInfo {
        ...PageFields
      }
    }
  }
`);

export const personQuery = graphql(`
  query Person($id: ID!) {
    node(id: $id) {
      __typename
      ... on Employee {
        ...PersonFields
      }
    }
  }
`);

export const addEmployeeMutation = graphql(`
  mutation AddEmployee($input: AddEmployeeInput!) {
    addEmployee(input: $input) {
      employee {
        id
        name
        email
        role
        loginStatus
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const updateEmployeeMutation = graphql(`
  mutation UpdateEmployee($input: UpdateEmployeeInput!) {
    updateEmployee(input: $input) {
      employee {
        ...PersonFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const removeEmployeeMutation = graphql(`
  mutation RemoveEmployee($input: RemoveEmployeeInput!) {
    removeEmployee(input: $input) {
      removedEmployeeId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const resendInvitationMutation = graphql(`
  mutation ResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      employee {
        ...PersonFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type Person = PeopleQuery['employees']['edges'][number]['node'];
