import { graphql } from '../../gql';

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      viewer {
        email
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const requestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const setPasswordMutation = graphql(`
  mutation SetPassword($input: SetPasswordInput!) {
    setPassword(input: $input) {
      viewer {
        email
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
