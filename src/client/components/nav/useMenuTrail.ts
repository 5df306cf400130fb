import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../../lib/session.ts';
import type { Crumb } from './Breadcrumbs.tsx';
import { menuFor, trailAbove } from './menu.ts';

/**
 * The trail of a signed-in page that gives none: the step above it from the main menu, then the page
 * itself (`title`). Null for a visitor, whose pages (signing in, the certificate check) stand alone.
 */
export function useMenuTrail(title: string): Crumb[] | null {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe().data;
  if (!me) return null;
  const above = trailAbove(menuFor(me), pathname).map((l) => ({ to: l.to, label: t(l.label) }));
  return [...above, { label: pathname === '/' ? t('nav.start') : title }];
}
