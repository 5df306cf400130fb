import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { formatDate } from '../../lib/i18n.ts';
import { AddPlanItemForm } from './AddPlanItemForm.tsx';
import { ChangeLog } from './ChangeLog.tsx';
import { usePlan } from './data.ts';
import { EditPlanForm } from './EditPlanForm.tsx';
import { HistoryNotice, HistoryPicker } from './HistoryPicker.tsx';
import { Period } from './Period.tsx';
import { PlanItemsTable } from './PlanItemsTable.tsx';
import { ScopeSummaries } from './ScopeSummaries.tsx';

/**
 * One rolling action plan: its initiatives by priority (moved, added and removed by the owner's
 * people), the plan as it stood on an earlier day (`?at=`), the change log, funding and benefits.
 */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const at = params.get('at');
  const plan = usePlan(id, at);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <QueryFailure error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const historic = p.at !== null;
  const editable = p.canEdit && !historic;
  return (
    <Page
      title={p.title}
      breadcrumbs={[{ to: '/handlingsplaner', label: t('actionPlans.list.title') }, { label: p.title }]}
    >
      {historic && p.at ? <HistoryNotice planId={p.id} at={p.at} /> : null}
      {p.description ? <p className="ds-paragraph lead">{p.description}</p> : null}
      <dl className="facts">
        <dt>{t('actionPlans.plan.owner')}</dt>
        <dd>{p.owner.name}</dd>
        <dt>{t('actionPlans.plan.steeringGroup')}</dt>
        <dd>
          {p.steeringGroup ? (
            <Link className="ds-link" to={`/natverk/${p.steeringGroup.id}`}>
              {p.steeringGroup.name}
            </Link>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('actionPlans.plan.period')}</dt>
        <dd>
          <Period start={p.periodStart} end={p.periodEnd} />
        </dd>
        <dt>{t('actionPlans.plan.focusAreas')}</dt>
        <dd>{p.focusAreas.length > 0 ? p.focusAreas.join(', ') : '–'}</dd>
      </dl>
      {editable ? <EditPlanForm key={p.id} plan={p} /> : null}

      <Section
        id="plan-items"
        title={
          historic && p.at
            ? t('actionPlans.items.titleAt', { date: formatDate(p.at) })
            : t('actionPlans.items.title')
        }
      >
        <PlanItemsTable
          planId={p.id}
          items={p.items}
          editable={editable}
          caption={
            historic && p.at
              ? t('actionPlans.items.captionAt', { date: formatDate(p.at) })
              : t('actionPlans.items.caption')
          }
        />
        <HistoryPicker key={p.at ?? 'now'} planId={p.id} at={p.at} />
      </Section>

      {editable ? (
        <Section id="plan-add" title={t('actionPlans.add.title')}>
          <AddPlanItemForm planId={p.id} inPlan={new Set(p.items.map((i) => i.initiativeId))} />
        </Section>
      ) : null}

      <Section id="plan-changes" title={t('actionPlans.changes.title')}>
        <ChangeLog changes={p.changes} />
      </Section>

      <Section id="plan-totals" title={t('actionPlans.plan.totalsTitle')}>
        {historic ? <p className="ds-paragraph">{t('actionPlans.plan.totalsNow')}</p> : null}
        <ScopeSummaries scope={{ plan: p.id }} />
      </Section>
    </Page>
  );
}
