/**
 * The flags of the frame a package's page plays in (ADR 21): scripts run, but in an origin of their
 * own, so the page cannot read our cookies or storage, call our API as the learner, or navigate this
 * window (no allow-same-origin, no allow-top-navigation). The content path sends the same sandbox as a
 * header. One value for SCORM SCOs and cmi5 AUs alike.
 */
export const SANDBOX = 'allow-scripts allow-forms allow-popups allow-modals allow-downloads';
