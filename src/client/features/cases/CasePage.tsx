import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { CaseView } from '../../../shared/contracts/cases.ts';
import { LiveStatus, Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { API } from '../../lib/api.ts';
import { formatSek } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';
import { formatSize } from '../documents/document-queries.ts';
import { CaseActions, type Step } from './CaseActions.tsx';
import { CaseIndicators } from './CaseIndicators.tsx';
import { ContactCard } from './ContactCard.tsx';
import { ContactForm } from './ContactForm.tsx';
import { useCase } from './case-queries.ts';

/** One case: what was done and learnt, measured results, attachments, and asking the contact person. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const state = location.state as { saved?: boolean; done?: Step } | null;
  // Sent for review (or published, withdrawn) from the edit page: say so here, where the person lands.
  const done = state?.done;
  const message = done
    ? t(`cases.actions.${done === 'submit' ? 'submitted' : done === 'publish' ? 'published' : 'withdrawn'}`)
    : state?.saved
      ? t('cases.form.saved')
      : null;
  const c = useCase(id);
  if (c.isPending) return <Loading />;
  if (c.isError) return <QueryFailure error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  return (
    <Page title={d.title} lead={d.summary}>
      <p>
        <Link className="ds-link" to="/kunskapsbank">
          {t('cases.detail.back')}
        </Link>
      </p>
      <LiveStatus message={message} />
      <p className="tags">
        {d.municipality.isModel ? <Tag color="info">{t('cases.modelBadge')}</Tag> : null}
        <Tag color={d.status === 'published' ? 'success' : 'warning'}>{t(`cases.status.${d.status}`)}</Tag>
        {d.isDemo ? <Tag color="neutral">{t('cases.demoBadge')}</Tag> : null}
      </p>
      {d.canEdit ? (
        <p>
          <Link className="ds-button" data-variant="secondary" to={`/kunskapsbank/${d.id}/redigera`}>
            {t('cases.detail.edit')}
          </Link>
        </p>
      ) : null}
      {d.editor?.reviewNote && d.status === 'returned' ? (
        <div className="ds-alert" data-color="warning">
          <h2 className="ds-heading" data-size="xs">
            {t('cases.detail.reviewNote')}
          </h2>
          <p className="ds-paragraph">{d.editor.reviewNote}</p>
        </div>
      ) : null}
      <Facts d={d} />
      <TextSection id="case-context" title={t('cases.fields.context')} text={d.context} />
      <TextSection id="case-done" title={t('cases.fields.whatWasDone')} text={d.whatWasDone} />
      <TextSection id="case-results" title={t('cases.fields.results')} text={d.results} />
      {d.indicators.length ? <CaseIndicators indicators={d.indicators} /> : null}
      <TextSection id="case-lessons" title={t('cases.fields.lessons')} text={d.lessons} />
      <TextSection id="case-costs" title={t('cases.fields.costs')} text={d.costs} />
      {d.attachments.length ? <Attachments d={d} /> : null}
      <Section id="case-contact" title={t('cases.contact.heading')}>
        {d.contact ? (
          <>
            <ContactCard contact={d.contact} />
            {d.canContact ? <ContactForm caseId={d.id} name={d.contact.name} /> : null}
          </>
        ) : (
          <p className="ds-paragraph">{t('cases.contact.none')}</p>
        )}
      </Section>
      {d.editor ? <EditorContact d={d} /> : null}
      <CaseActions d={d} />
    </Page>
  );
}

function Facts({ d }: { d: CaseView }) {
  const { t, i18n } = useTranslation();
  const notSet = t('cases.fields.notSet');
  return (
    <Section id="case-facts" title={t('cases.detail.facts')}>
      <dl className="case-facts">
        <dt>{t('cases.fields.municipality')}</dt>
        <dd>{d.municipality.name}</dd>
        <dt>{t('cases.fields.technologies')}</dt>
        <dd>
          <ul className="case-tech-links">
            {d.technologies.map((tech) => (
              <li key={tech.key}>
                {tech.name}{' '}
                <Link className="ds-link" to={`/kunskapsbank/vem-har-gjort/${tech.key}`}>
                  {t('cases.whoLinkFor', { name: tech.name })}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('cases.fields.phaseReached')}</dt>
        <dd>{t(`initiatives.phase.${d.phaseReached}`)}</dd>
        <dt>{t('cases.fields.sizeBand')}</dt>
        <dd>{d.sizeBand ? t(`cases.sizeBands.${d.sizeBand}`) : notSet}</dd>
        <dt>{t('cases.fields.serviceArea')}</dt>
        <dd>{d.serviceArea ? t(`cases.serviceAreas.${d.serviceArea}`) : notSet}</dd>
        <dt>{t('cases.detail.cost')}</dt>
        <dd>{d.costSek !== null ? formatSek(d.costSek, i18n.language) : notSet}</dd>
        {d.initiative ? (
          <>
            <dt>{t('cases.detail.initiative')}</dt>
            <dd>{d.initiative.title}</dd>
          </>
        ) : null}
        <dt>{d.publishedAt ? t('cases.detail.published') : t('cases.detail.updated')}</dt>
        <dd>{formatDate(d.publishedAt ?? d.updatedAt)}</dd>
      </dl>
    </Section>
  );
}

function TextSection({ id, title, text }: { id: string; title: string; text: string | null }) {
  if (!text) return null;
  return (
    <Section id={id} title={title}>
      {text.split(/\n{2,}/).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one immutable text
        <p className="ds-paragraph case-text" key={i}>
          {p}
        </p>
      ))}
    </Section>
  );
}

function Attachments({ d }: { d: CaseView }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="case-attachments" title={t('cases.detail.attachments')}>
      <ul className="link-list">
        {d.attachments.map((a) => (
          <li key={a.id}>
            <a className="ds-link" href={`${API}/cases/${d.id}/attachments/${a.id}`} download={a.fileName}>
              {t('cases.detail.download', { name: a.fileName, size: formatSize(a.sizeBytes, i18n.language) })}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** What the authors and reviewers see of the contact they wrote, consented or not. */
function EditorContact({ d }: { d: CaseView }) {
  const { t } = useTranslation();
  const e = d.editor!;
  if (!e.contactName) return null;
  return (
    <Section id="case-editor-contact" title={t('cases.detail.editorContact')}>
      <p className="ds-paragraph">
        {[e.contactName, e.contactTitle, e.contactEmail, e.contactPhone].filter(Boolean).join(' · ')}
      </p>
      <p className="ds-paragraph" data-size="sm">
        {e.contactConsent ? t('cases.detail.consentGiven') : t('cases.detail.consentMissing')}
      </p>
    </Section>
  );
}
