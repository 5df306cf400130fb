/**
 * The history entry the app was loaded (or reloaded) on, read before the router starts. A learning
 * page moves focus to its heading only after a client-side navigation, not on that first entry.
 */
const key = (): string => (window.history.state as { key?: string } | null)?.key ?? 'default';
const landing = key();

export function isLandingEntry(): boolean {
  return key() === landing;
}
