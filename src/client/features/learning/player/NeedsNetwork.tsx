import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../components.tsx';

/**
 * Whether the package's frame may be put on the page. A package's files cannot be kept on the device
 * (ADR 21, "Offline package files": the sandboxed frame is never a client of our service worker), so
 * without network the frame would only show the browser's error page. Once the frame is there it stays:
 * a SCO that has loaded keeps running offline, and its commits wait in the outbox.
 */
export function useFrameCanLoad(): boolean {
  const online = useOnline();
  const [loaded, setLoaded] = useState(online);
  useEffect(() => {
    if (online) setLoaded(true);
  }, [online]);
  return loaded || online;
}

/** In place of the frame while offline; the frame takes its place when the network returns. */
export function NeedsNetwork() {
  const { t } = useTranslation();
  return (
    <div className="ds-alert" data-color="info" role="status">
      <p className="ds-paragraph">{t('learning.player.needsNetwork')}</p>
    </div>
  );
}
