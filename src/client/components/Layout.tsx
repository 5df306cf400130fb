import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { UiLanguage } from '../../shared/contracts/common.ts';
import type { LogoutResult } from '../../shared/contracts/sso.ts';
import { api, checkedByServer } from '../lib/api.ts';
import { currentLanguage, setLanguage } from '../lib/i18n.ts';
import { useOfflineSupport } from '../lib/offline/index.ts';
import { useMe } from '../lib/session.ts';
import { ErrorAlert, Loading } from './Feedback.tsx';
import { MainMenu } from './nav/MainMenu.tsx';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language as UiLanguage) ?? currentLanguage();
  const other: UiLanguage = lang === 'sv' ? 'en' : 'sv';
  return (
    <button
      type="button"
      className="ds-button lang-switch"
      data-variant="tertiary"
      lang={other}
      aria-label={`${t(`languages.${other}`)} – ${t('app.languageSwitch')}`}
      onClick={() => void setLanguage(other)}
    >
      <span aria-hidden="true" className="lang-icon">
        ⇄
      </span>
      {t(`languages.${other}`)}
    </button>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => api.post('/auth/logout', checkedByServer<LogoutResult>()),
    onSettled: (result) => {
      api.resetCsrf();
      qc.clear();
      qc.setQueryData(['me'], null);
      // Signed in through the organisation's IdP: end that session too; the IdP sends them back.
      if (result?.logoutUrl) window.location.assign(result.logoutUrl);
      else navigate('/logga-in?utloggad=1');
    },
  });
  return (
    <button
      type="button"
      className="ds-button"
      data-variant="secondary"
      aria-busy={logout.isPending || undefined}
      onClick={() => {
        if (!logout.isPending) logout.mutate();
      }}
    >
      {logout.isPending ? t('app.loggingOut') : t('app.logout')}
    </button>
  );
}

export function Layout() {
  const { t } = useTranslation();
  useOfflineSupport();
  const me = useMe();
  const { pathname } = useLocation();
  // The phone menu is open on the page where it was opened; following a link closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;

  const user = me.data ?? null;

  return (
    <div className="app">
      <a className="ds-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <span>
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <button
            type="button"
            className="ds-button menu-button"
            data-variant="secondary"
            aria-expanded={menuOpen}
            aria-controls="site-menu"
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            <span aria-hidden="true" className="menu-icon">
              {menuOpen ? '✕' : '☰'}
            </span>
            {t('app.menu')}
          </button>
          <div id="site-menu" className="site-menu" data-open={menuOpen}>
            <MainMenu me={user} expandCurrent={menuOpen} />
            <div className="header-tools">
              <LanguageSwitch />
              {user ? (
                <section className="user-menu" aria-label={t('app.userMenu')} data-personal>
                  <span className="user-name">{t('app.signedInAs', { name: user.name })}</span>
                  <Link className="ds-link account-link" to="/mitt-konto">
                    {t('nav.account')}
                  </Link>
                  <LogoutButton />
                </section>
              ) : null}
            </div>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {me.isError ? <ErrorAlert error={me.error} onRetry={() => void me.refetch()} /> : <Outlet />}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p className="ds-paragraph" data-size="sm">
            {t('app.footerAbout')}
          </p>
          <ul className="footer-links">
            <li>
              <Link className="ds-link" to="/tillganglighet">
                {t('app.footerA11y')}
              </Link>
            </li>
            {user ? (
              <li>
                <Link className="ds-link" to="/begrepp">
                  {t('definitions.nav')}
                </Link>
              </li>
            ) : null}
            <li>
              <Link className="ds-link" to="/intyg">
                {t('certificateCheck.footerLink')}
              </Link>
            </li>
            <li>
              <Link className="ds-link" to="/oppna-data">
                {t('openData.footerLink')}
              </Link>
            </li>
            <li>
              <a className="ds-link" href="/api/docs">
                {t('app.footerApi')}
              </a>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}

/** Routes below need a logged-in user; others are sent to the login page and back. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return null;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/logga-in?next=${next}`} replace />;
  }
  return <Outlet />;
}
