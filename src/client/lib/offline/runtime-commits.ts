import type { ScormCommit, ScormCommitResult } from '../../../shared/contracts/scorm-runtime.ts';
import { ApiError, api, checkedByServer } from '../api.ts';

/** An imported SCORM course's run-time data waiting in the outbox (sync.ts), one per attempt. */
export interface QueuedRuntimeCommit {
  id: string;
  userId: string;
  seq: number;
  runtime: { enrolmentId: string; moduleKey: string; commit: ScormCommit };
}

/**
 * Sends one commit. True when the server took it (or had taken it: a number it has seen changes
 * nothing); false when it refused it for good (the module or attempt is gone): then it is dropped.
 * Throws on a failed connection or a server error, to be retried.
 */
export async function sendRuntimeCommit(q: QueuedRuntimeCommit): Promise<boolean> {
  const { enrolmentId, moduleKey, commit } = q.runtime;
  try {
    await api.put(
      `/enrolments/${enrolmentId}/modules/${moduleKey}/scorm`,
      checkedByServer<ScormCommitResult>(),
      commit,
    );
    return true;
  } catch (err) {
    const refused =
      err instanceof ApiError &&
      (err.status === 400 || err.status === 403 || err.status === 404 || err.status === 409);
    if (refused) return false;
    throw err;
  }
}
