import { useQuery } from '@tanstack/react-query';
import type { ScormCommit, ScormLaunch } from '../../../../shared/contracts/scorm-runtime.ts';
import { ApiError, api, checkedByServer } from '../../../lib/api.ts';
import { deleteKeys, getValue, putValue } from '../../../lib/offline/db.ts';

/**
 * The attempt to launch: the server's answer, or — offline, or while newer commits still wait in the
 * outbox — the copy this device keeps of the attempt as it last left it, so a SCO resumes where the
 * learner was even without network.
 */
const deviceKey = (userId: string, enrolmentId: string, moduleKey: string) =>
  `scorm:${userId}:${enrolmentId}/${moduleKey}`;

const newer = (a: ScormLaunch, b: ScormLaunch) =>
  a.attempt !== b.attempt ? a.attempt > b.attempt : a.commitSeq > b.commitSeq;

async function fetchLaunch(userId: string, enrolmentId: string, moduleKey: string): Promise<ScormLaunch> {
  const saved = await getValue<ScormLaunch>('progress', deviceKey(userId, enrolmentId, moduleKey)).catch(
    () => undefined,
  );
  try {
    const fresh = await api.get(
      `/enrolments/${enrolmentId}/modules/${moduleKey}/scorm`,
      checkedByServer<ScormLaunch>(),
    );
    return saved && newer(saved, fresh) ? saved : fresh;
  } catch (err) {
    if (saved && err instanceof ApiError && err.status === 0) return saved;
    throw err;
  }
}

/** `ready`: false while the frame cannot load (offline), so that the launch is read when it can. */
export function useScormLaunch(userId: string, enrolmentId: string | null, moduleKey: string, ready = true) {
  return useQuery({
    queryKey: ['scorm-launch', userId, enrolmentId, moduleKey],
    enabled: ready && !!userId && !!enrolmentId,
    // Read once per visit: the session holds the data from then on.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    networkMode: 'always',
    queryFn: () => fetchLaunch(userId, enrolmentId!, moduleKey),
  });
}

/**
 * Keeps the attempt as the SCO last committed it on this device (for resuming offline). Once the SCO
 * has ended its session, whether the next launch resumes or starts a new attempt is the server's rule:
 * the copy goes.
 */
export function rememberCommit(
  userId: string,
  enrolmentId: string,
  moduleKey: string,
  launch: ScormLaunch,
  commit: ScormCommit,
): Promise<void> {
  const key = deviceKey(userId, enrolmentId, moduleKey);
  if (commit.terminated) return deleteKeys('progress', [key]).catch(() => undefined);
  const kept: ScormLaunch = {
    ...launch,
    attempt: commit.attempt,
    commitSeq: commit.seq,
    cmi: commit.cmi,
    entry: 'resume',
  };
  return putValue('progress', kept, key).catch(() => undefined);
}
