import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { describeError } from './errors';
import { groupUserErrors, NO_ERRORS, type FormErrorState, type UserErrorLike } from './userErrors';

interface Payload {
  userErrors: readonly UserErrorLike[];
}

interface Options {
  /**
   * Types whose cached queries the mutation makes stale although its answer
   * does not contain them (a removal answers with an id only).
   */
  invalidates?: readonly string[];
}

/**
 * Runs a mutation from a form: `submit` resolves to the payload when the
 * mutation succeeded and to null when it did not, in which case `errors`
 * holds the user errors by field (or the failure, for the top of the form).
 */
export function useFormMutation<Data, Variables extends AnyVariables, P extends Payload>(
  mutation: TypedDocumentNode<Data, Variables>,
  payloadOf: (data: Data) => P,
  { invalidates }: Options = {},
) {
  const [{ fetching }, execute] = useMutation(mutation);
  const [errors, setErrors] = useState<FormErrorState>(NO_ERRORS);

  const submit = useCallback(
    async (variables: Variables): Promise<P | null> => {
      setErrors(NO_ERRORS);
      const result = await execute(
        variables,
        invalidates ? { additionalTypenames: [...invalidates] } : undefined,
      );
      if (result.error) {
        setErrors({ general: [describeError(result.error)], fields: {} });
        return null;
      }
      if (!result.data) {
        setErrors({ general: ['The server sent no answer. Try again.'], fields: {} });
        return null;
      }
      const payload = payloadOf(result.data);
      if (payload.userErrors.length > 0) {
        setErrors(groupUserErrors(payload.userErrors));
        return null;
      }
      return payload;
    },
    [execute, payloadOf, invalidates],
  );

  const clearErrors = useCallback(() => {
    setErrors(NO_ERRORS);
  }, []);

  return { submit, submitting: fetching, errors, clearErrors };
}
