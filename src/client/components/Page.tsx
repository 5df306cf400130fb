import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs, type Crumb } from './nav/Breadcrumbs.tsx';
import { useMenuTrail } from './nav/useMenuTrail.ts';

let firstPage = true;

/**
 * One page: sets the document title ("… – Välfärdsnavet"), renders the breadcrumb trail and then the
 * single <h1>, and after a client-side navigation moves focus to the heading so screen readers announce
 * the new page.
 */
export function Page({
  title,
  children,
  lead,
  breadcrumbs,
}: {
  title: string;
  children?: ReactNode;
  lead?: ReactNode;
  /**
   * The trail to this page; comes before the heading in reading order. Without it a signed-in page
   * gets the step above it from the main menu, so that no page is without one.
   */
  breadcrumbs?: readonly Crumb[];
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const menuTrail = useMenuTrail(title);
  const trail = breadcrumbs ?? menuTrail;

  useEffect(() => {
    document.title = `${title} – ${t('app.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <>
      {trail ? <Breadcrumbs items={trail} /> : null}
      <h1 className="ds-heading page-title" data-size="lg" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {lead ? <p className="ds-paragraph lead">{lead}</p> : null}
      {children}
    </>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-')}-heading`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 className="ds-heading" data-size="sm" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
