import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../../components/Feedback.tsx';
import { enqueueRuntime } from '../../../lib/offline/sync.ts';
import { NeedsNetwork, useFrameCanLoad } from './NeedsNetwork.tsx';
import { SANDBOX } from './sandbox.ts';
import { rememberCommit, useScormLaunch } from './scorm-launch.ts';
import { type ScormSession, startScormSession } from './scorm-session.ts';

/** The SCO's page in the sandboxed frame (sandbox.ts), its SCORM API in this page (scorm-session.ts). */
export function ScormFrame(props: {
  format: 'scorm12' | 'scorm2004';
  launchUrl: string;
  title: string;
  userId: string;
  /** Null for a preview: the package plays, nothing is kept. */
  enrolmentId: string | null;
  moduleKey: string;
}) {
  const { t } = useTranslation();
  const { format, launchUrl, userId, enrolmentId, moduleKey } = props;
  const canLoad = useFrameCanLoad();
  const launch = useScormLaunch(userId, enrolmentId, moduleKey, canLoad);
  const frame = useRef<HTMLIFrameElement>(null);
  const [session, setSession] = useState<Pick<ScormSession, 'frameName'> | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const data = launch.data ?? null;

  useEffect(() => {
    if (enrolmentId && !data) return;
    let disposed = false;
    let running: ScormSession | null = null;
    startScormSession({
      format,
      launch: enrolmentId ? data : null,
      frame: () => frame.current?.contentWindow ?? null,
      onCommit: (commit) => {
        if (!enrolmentId || !data) return;
        void rememberCommit(userId, enrolmentId, moduleKey, data, commit);
        void enqueueRuntime({ enrolmentId, moduleKey, commit });
      },
    }).then(
      (s) => {
        if (disposed) s.dispose();
        else {
          running = s;
          setSession({ frameName: s.frameName });
        }
      },
      (err: unknown) => setFailed(err),
    );
    return () => {
      disposed = true;
      running?.dispose();
      setSession(null);
    };
  }, [format, userId, enrolmentId, moduleKey, data]);

  if (!canLoad) return <NeedsNetwork />;
  if (launch.isError) return <ErrorAlert error={launch.error} onRetry={() => void launch.refetch()} />;
  if (failed) return <ErrorAlert error={failed} />;
  if (!session) return <Loading />;
  return (
    <iframe
      ref={frame}
      className="package-frame"
      title={t('learning.player.frameTitle', { title: props.title })}
      name={session.frameName}
      src={launchUrl}
      sandbox={SANDBOX}
      allow="fullscreen; autoplay"
      referrerPolicy="no-referrer"
    />
  );
}
