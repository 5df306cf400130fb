import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProcurementView, procurementPhases } from '../../../shared/contracts/procurements.ts';
import { ErrorAlert, Loading, Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/i18n.ts';
import { exportUrl } from '../requirements/data.ts';
import { contractPath } from '../supplier-contracts/data.ts';
import { ChecklistForm, InviteForm, PhaseForm } from './ProcurementLeadForms.tsx';
import { ProcurementLinksForm } from './ProcurementLinksForm.tsx';
import { confirmPath, ProcurementParticipants } from './ProcurementParticipants.tsx';
import { ProcurementTimeline } from './ProcurementTimeline.tsx';
import { procurementKey, procurementsKey, useProcurement } from './procurement-queries.ts';
import { SignedContractForm } from './SignedContractForm.tsx';

/**
 * `/upphandlingar/:id`: one joint procurement. A participating municipality first sees where it
 * stands (its status and next step); then the timeline of the phases, the participants, the
 * specification, what it answers and the contracts that resulted. The lead's tools follow.
 */
export function ProcurementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useProcurement(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryFailure error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <Page
      title={p.title}
      breadcrumbs={[{ to: '/upphandlingar', label: t('procurements.list.title') }, { label: p.title }]}
    >
      <p>
        <Tag color={p.status === 'active' ? 'accent' : 'neutral'}>
          {t(`procurements.statuses.${p.status}`)}
        </Tag>
      </p>
      <WhereWeStand p={p} />
      <dl className="procurement-facts">
        <dt>{t('procurements.fields.lead')}</dt>
        <dd>{p.lead.name}</dd>
        <dt>{t('procurements.fields.technology')}</dt>
        <dd>{p.technology.name}</dd>
        <dt>{t('procurements.fields.phase')}</dt>
        <dd>{t(`procurements.phases.${p.phase}`)}</dd>
        {p.awardedSupplier ? (
          <>
            <dt>{t('procurements.fields.awardedSupplier')}</dt>
            <dd>{p.awardedSupplier.name}</dd>
          </>
        ) : null}
      </dl>
      {p.description ? <p className="ds-paragraph">{p.description}</p> : null}

      <Section title={t('procurements.timeline.title')} id="timeline">
        <ProcurementTimeline p={p} />
      </Section>
      <Section title={t('procurements.participants.title')} id="participants">
        <ProcurementParticipants p={p} />
        {p.canLead ? <InviteForm p={p} /> : null}
      </Section>
      <Section title={t('procurements.specification.title')} id="specification">
        <SpecificationPart p={p} />
      </Section>
      <Section title={t('procurements.links.title')} id="links">
        <LinksPart p={p} />
        {p.canLead ? <ProcurementLinksForm p={p} /> : null}
      </Section>
      <Section title={t('procurements.contracts.title')} id="contracts">
        {p.contracts.length ? (
          <ul className="procurement-list">
            {p.contracts.map((c) => (
              <li key={c.id}>
                <Link className="ds-link" to={contractPath(c.id)}>
                  {t('procurements.contracts.item', {
                    municipality: c.municipality.name,
                    supplier: c.supplier,
                    start: formatDate(c.startsOn),
                    end: formatDate(c.endsOn),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t('procurements.contracts.none')}</p>
        )}
        {p.canLead ? <SignedContractForm p={p} /> : null}
      </Section>
      {p.canLead ? (
        <Section title={t('procurements.lead.title')} id="lead-tools">
          <PhaseForm p={p} />
          <ChecklistForm p={p} />
        </Section>
      ) : null}
    </Page>
  );
}

/** What a participating municipality needs first: its own status and what to do next. */
function WhereWeStand({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const mine = p.participants.filter((x) => x.canRespond);
  const nextPhase = procurementPhases[procurementPhases.indexOf(p.phase) + 1];
  const open = p.phases.find((x) => x.phase === p.phase)?.checklist.filter((c) => !c.done).length ?? 0;
  if (!mine.length && !p.canLead) return null;
  return (
    <section className="procurement-stand" aria-labelledby="stand-heading">
      <h2 className="ds-heading" data-size="sm" id="stand-heading">
        {t('procurements.stand.title')}
      </h2>
      {mine.map((x) => (
        <p className="ds-paragraph" key={x.municipality.id}>
          {t(`procurements.stand.${x.status}`, {
            name: x.municipality.name,
            phase: t(`procurements.phases.${p.phase}`),
          })}{' '}
          {x.status === 'invited' ? (
            <Link className="ds-button" data-variant="primary" to={confirmPath(p.id, x.municipality.code)}>
              {t('procurements.stand.respond')}
            </Link>
          ) : null}
        </p>
      ))}
      {p.canLead ? (
        <p className="ds-paragraph">
          {t('procurements.stand.lead', {
            phase: t(`procurements.phases.${p.phase}`),
            count: open,
            confirmed: p.confirmedCount,
            total: p.participantCount,
          })}{' '}
          {nextPhase ? t('procurements.stand.next', { phase: t(`procurements.phases.${nextPhase}`) }) : null}
        </p>
      ) : null}
    </section>
  );
}

function SpecificationPart({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const build = useMutation({
    mutationFn: () => api.post(`/procurements/${p.id}/specification/build`, ProcurementView),
    onSuccess: (next) => {
      qc.setQueryData(procurementKey(p.id), next);
      void qc.invalidateQueries({ queryKey: procurementsKey });
    },
  });
  if (p.specification)
    return (
      <>
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/kravspecifikationer/${p.specification.id}`}>
            {p.specification.title}
          </Link>{' '}
          {t('procurements.specification.items', { count: p.specification.itemCount })}
        </p>
        <p className="page-actions">
          <a
            className="ds-button"
            data-variant="secondary"
            href={exportUrl(p.specification.id, 'docx')}
            download
          >
            {t('procurements.specification.docx')}
          </a>
        </p>
      </>
    );
  return (
    <>
      <p className="ds-paragraph">{t('procurements.specification.none')}</p>
      {p.canLead ? (
        <>
          {build.isError ? <ErrorAlert error={build.error} /> : null}
          <button
            type="button"
            className="ds-button"
            data-variant="primary"
            aria-busy={build.isPending || undefined}
            onClick={() => {
              if (!build.isPending) build.mutate();
            }}
          >
            {build.isPending
              ? t('procurements.specification.building')
              : t('procurements.specification.build')}
          </button>
        </>
      ) : null}
    </>
  );
}

function LinksPart({ p }: { p: ProcurementView }) {
  const { t } = useTranslation();
  if (!p.initiatives.length && !p.needs.length)
    return <p className="ds-paragraph">{t('procurements.links.none')}</p>;
  return (
    <>
      {p.needs.length ? (
        <>
          <h3 className="ds-heading" data-size="2xs">
            {t('procurements.links.needs')}
          </h3>
          <ul className="procurement-list">
            {p.needs.map((n) => (
              <li key={n.id}>{n.title}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.initiatives.length ? (
        <>
          <h3 className="ds-heading" data-size="2xs">
            {t('procurements.links.initiatives')}
          </h3>
          <ul className="procurement-list">
            {p.initiatives.map((i) => (
              <li key={i.id}>
                <Link className="ds-link" to={`/insatser/${i.id}`}>
                  {i.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
