import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cmi5LaunchResult } from '../../../../shared/contracts/cmi5.ts';
import { ErrorAlert, Loading } from '../../../components/Feedback.tsx';
import { api, checkedByServer } from '../../../lib/api.ts';
import { NeedsNetwork, useFrameCanLoad } from './NeedsNetwork.tsx';
import { SANDBOX } from './sandbox.ts';

/**
 * A cmi5 AU of the learner's own enrolment in the sandboxed frame (ADR 21). The server launches it (a
 * new session in her registration) and answers the AU's URL with the cmi5 launch parameters; from then
 * on the AU fetches its token and talks to /xapi itself, so this page holds no run-time of its own.
 */
export function Cmi5Frame(props: { enrolmentId: string; moduleKey: string; title: string }) {
  const { t } = useTranslation();
  const { enrolmentId, moduleKey } = props;
  const qc = useQueryClient();
  // The AU's files, and the learning record store it reports to, are on the server.
  const canLoad = useFrameCanLoad();
  const launch = useQuery({
    queryKey: ['cmi5-launch', enrolmentId, moduleKey],
    enabled: canLoad,
    // Every launch opens a new session and abandons the one before: once per visit, never from a cache.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: () =>
      api.post(
        `/enrolments/${enrolmentId}/modules/${moduleKey}/cmi5-launch`,
        checkedByServer<Cmi5LaunchResult>(),
      ),
  });

  // What the AU reported reached the server without us: the course's progress is read again on leaving.
  useEffect(
    () => () => {
      void qc.invalidateQueries({ queryKey: ['learning', 'mine'] });
    },
    [qc],
  );

  if (!canLoad) return <NeedsNetwork />;
  if (launch.isError) return <ErrorAlert error={launch.error} onRetry={() => void launch.refetch()} />;
  if (!launch.data) return <Loading />;
  return (
    <iframe
      className="package-frame"
      title={t('learning.player.frameTitle', { title: props.title })}
      src={launch.data.url}
      sandbox={SANDBOX}
      allow="fullscreen; autoplay"
      referrerPolicy="no-referrer"
    />
  );
}
