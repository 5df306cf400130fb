import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../shared/contracts/auth.ts';
import { currentGroup, currentLink, type MenuGroupId, type MenuLink, menuFor } from './menu.ts';
import './nav.css';

/** A group opened or closed by the person, remembered for the page it happened on only. */
interface Choice {
  at: string;
  id: MenuGroupId | null;
}

function MenuItem({ link, current }: { link: MenuLink; current: MenuLink | null }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link className="nav-link" to={link.to} aria-current={link === current ? 'page' : undefined}>
        {t(link.label)}
      </Link>
    </li>
  );
}

/**
 * The main menu: a few task groups, each a disclosure button with its links below it. The same menu on a
 * phone (inside the header's menu panel, groups opening in place) and on a desktop (groups opening as a
 * panel under the bar). `expandCurrent` opens the current page's group, for the phone panel.
 */
export function MainMenu({ me, expandCurrent }: { me: Me | null; expandCurrent: boolean }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const idPrefix = useId();
  const nav = useRef<HTMLElement>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const menu = menuFor(me);
  const current = currentLink(menu, pathname);
  const currentId = currentGroup(menu, pathname);
  const expanded = choice?.at === pathname ? choice.id : expandCurrent ? currentId : null;

  // A desktop panel closes when the person clicks elsewhere on the page.
  useEffect(() => {
    if (!expanded || expandCurrent) return;
    const close = (e: MouseEvent) => {
      if (!nav.current?.contains(e.target as Node)) setChoice({ at: pathname, id: null });
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, [expanded, expandCurrent, pathname]);

  // Escape closes the open group and returns focus to its button, as a disclosure menu should.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !expanded) return;
    e.preventDefault();
    setChoice({ at: pathname, id: null });
    document.getElementById(`${idPrefix}-${expanded}-button`)?.focus();
  };

  // A desktop panel also closes when focus moves on past the menu, so that it covers nothing focused.
  // (No related target is a click, which the listener above handles: some browsers do not focus links.)
  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget;
    if (expanded && !expandCurrent && to instanceof Node && !nav.current?.contains(to)) {
      setChoice({ at: pathname, id: null });
    }
  };

  return (
    <nav aria-label={t('app.mainNav')} className="main-nav" ref={nav} onKeyDown={onKeyDown} onBlur={onBlur}>
      <ul className="nav-list">
        {menu.map((entry) =>
          entry.kind === 'link' ? (
            <MenuItem key={entry.to} link={entry} current={current} />
          ) : (
            <li key={entry.id} className="nav-group" data-current={entry.id === currentId || undefined}>
              <button
                type="button"
                id={`${idPrefix}-${entry.id}-button`}
                className="nav-group-button"
                aria-expanded={expanded === entry.id}
                aria-controls={`${idPrefix}-${entry.id}`}
                onClick={() => setChoice({ at: pathname, id: expanded === entry.id ? null : entry.id })}
              >
                {t(entry.label)}
                <span className="nav-chevron" aria-hidden="true" />
              </button>
              <ul id={`${idPrefix}-${entry.id}`} className="nav-sublist" hidden={expanded !== entry.id}>
                {entry.links.map((l) => (
                  <MenuItem key={l.to} link={l} current={current} />
                ))}
              </ul>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
