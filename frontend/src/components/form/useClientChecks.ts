import { useCallback, useState } from 'react';
import { hasErrors, NO_ERRORS, type FormErrorState } from '../../lib/userErrors';

/**
 * A form's own checks before it sends anything. While a check fails its
 * messages are shown in place of the API's; once they pass, the API's are.
 */
export function useClientChecks(apiErrors: FormErrorState) {
  const [ownErrors, setOwnErrors] = useState<FormErrorState>(NO_ERRORS);
  const check = useCallback((problems: Record<string, string | undefined>): boolean => {
    const fields: Record<string, string> = {};
    for (const [name, problem] of Object.entries(problems)) {
      if (problem !== undefined) fields[name] = problem;
    }
    const found = { general: [], fields };
    setOwnErrors(found);
    return !hasErrors(found);
  }, []);
  return { errors: hasErrors(ownErrors) ? ownErrors : apiErrors, check };
}
