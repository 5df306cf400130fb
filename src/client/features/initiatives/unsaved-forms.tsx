import { useEffect, useId, useSyncExternalStore } from 'react';
import { useUnsavedChangesWarning } from '../../components/form/index.ts';

// The open forms of the initiative page that hold unsaved work, by the form's own id.
const dirtyForms = new Set<string>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const anyDirty = () => dirtyForms.size > 0;
function report(id: string, isDirty: boolean) {
  if (dirtyForms.has(id) === isDirty) return;
  if (isDirty) dirtyForms.add(id);
  else dirtyForms.delete(id);
  for (const l of listeners) l();
}

/**
 * The initiative page's one unsaved-changes warning (a router keeps only its last blocker): each open
 * form of its sections reports whether it holds unsaved work, and the page asks before leaving any.
 */
export function UnsavedFormsWarning() {
  return useUnsavedChangesWarning(useSyncExternalStore(subscribe, anyDirty, anyDirty));
}

/** Tells the page's warning whether this form holds unsaved work (a closed form holds none). */
export function useReportUnsaved(isDirty: boolean) {
  const id = useId();
  useEffect(() => report(id, isDirty), [id, isDirty]);
  useEffect(() => () => report(id, false), [id]);
}
