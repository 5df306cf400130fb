import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { initiativeKey, initiativesKey } from './data.ts';

/** Helpers of the initiative page (`InitiativePage` and its sections). */

/** After any change to an initiative: refetch it and every list or total it appears in. */
export function useInvalidateInitiative(id: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: initiativeKey(id) }),
      qc.invalidateQueries({ queryKey: initiativesKey }),
    ]);
}

/** Moves focus to a form's first field when the form opens in place of the button that opened it. */
export function useFocusFirstField(elementId: string) {
  useEffect(() => {
    document.getElementById(elementId)?.focus();
  }, [elementId]);
}
