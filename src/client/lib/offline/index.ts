import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meKey, useMe } from '../session.ts';
import { onSynced, startSync } from './sync.ts';

let registered = false;

/** Registers /sw.js (production builds only: the dev server has no service worker). */
function registerServiceWorker() {
  if (registered || !import.meta.env.PROD || typeof navigator === 'undefined') return;
  if (!('serviceWorker' in navigator)) return;
  registered = true;
  const register = () =>
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/**
 * Offline support for the whole app, used once by the layout: the logged-in user is read even without
 * network (the service worker answers /api/v1/me from its cache, so the query must not wait for
 * `navigator.onLine`), the service worker is registered, and the learning statement queue is synced
 * for the logged-in user, refreshing learning progress after each successful sync.
 */
export function useOfflineSupport() {
  const qc = useQueryClient();
  // Before the first useMe observer is created, so that it runs its request also when offline.
  if (!qc.getQueryDefaults(meKey).networkMode) qc.setQueryDefaults(meKey, { networkMode: 'offlineFirst' });
  const me = useMe();
  const userId = me.data?.id ?? null;

  useEffect(registerServiceWorker, []);
  useEffect(() => {
    if (me.isPending) return;
    void startSync(userId);
    if (userId && navigator.onLine && 'serviceWorker' in navigator) {
      void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ type: 'refresh-me' }));
    }
  }, [userId, me.isPending]);
  useEffect(
    () =>
      onSynced(() => {
        void qc.invalidateQueries({ queryKey: ['learning'] });
      }),
    [qc],
  );
}
