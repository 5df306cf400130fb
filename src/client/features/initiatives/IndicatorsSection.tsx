import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  calculateBenefit,
  Indicator,
  type IndicatorFeed,
  type InitiativeView,
} from '../../../shared/contracts/initiatives.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatNumber, formatSek } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';
import { DefinitionLink } from '../definitions/DefinitionLink.tsx';
import { IndicatorChart } from './IndicatorChart.tsx';
import { IndicatorForm } from './IndicatorForm.tsx';
import { MeasurementForm } from './MeasurementForm.tsx';
import { useInvalidateInitiative } from './page-data.ts';
import { SavedStatus } from './SavedStatus.tsx';

function FeedText({ feed }: { feed: IndicatorFeed }) {
  const { t } = useTranslation();
  return (
    <p className="ds-paragraph indicator-feed-note">
      {feed.kind === 'programme_completion'
        ? t('initiativePage.indicators.feedProgramme')
        : t('initiativePage.indicators.feedUsersServed', {
            technology: feed.technologyKey,
            municipality: feed.municipalityCode,
          })}
    </p>
  );
}

function IndicatorCard({
  initiative: i,
  indicator: ind,
  onEdit,
  onRemoved,
}: {
  initiative: InitiativeView;
  indicator: Indicator;
  onEdit: () => void;
  onRemoved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateInitiative(i.id);
  const [message, setMessage] = useState('');
  const num = (n: number) => formatNumber(n, i18n.language);
  const done = async (m: string) => {
    await invalidate();
    setMessage(m);
  };
  const removeMeasurement = useMutation({
    mutationFn: (measurementId: string) =>
      api.delete(`/indicators/${ind.id}/measurements/${measurementId}`, Ok),
    onMutate: () => setMessage(''),
    onSuccess: () => done(t('initiativePage.measurements.removed')),
  });
  const refresh = useMutation({
    mutationFn: () => api.post(`/indicators/${ind.id}/refresh`, Indicator),
    onMutate: () => setMessage(''),
    onSuccess: () => done(t('initiativePage.indicators.refreshed', { name: ind.name })),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/indicators/${ind.id}`, Ok),
    onMutate: () => setMessage(''),
    onSuccess: async () => {
      onRemoved(t('initiativePage.indicators.removed', { name: ind.name }));
      await invalidate();
    },
  });
  const headingId = `indicator-${ind.id}-heading`;
  const calc = ind.calculation ? calculateBenefit(ind.calculation) : null;
  const failure = removeMeasurement.error ?? refresh.error ?? remove.error;

  return (
    <article className="initiative-indicator" aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId}>
        {ind.name}
      </h3>
      {ind.feed ? (
        <div className="indicator-feed">
          <FeedText feed={ind.feed} />
          {i.canEdit ? (
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              data-size="sm"
              aria-busy={refresh.isPending || undefined}
              onClick={() => {
                if (!refresh.isPending) refresh.mutate();
              }}
            >
              {t('initiativePage.indicators.refresh')}
              <span className="sr-only">: {ind.name}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t('initiativePage.indicators.type')}</dt>
        <dd>{t(`initiatives.indicatorType.${ind.type}`)}</dd>
        <dt>{t('initiativePage.indicators.unit')}</dt>
        <dd>{ind.unit}</dd>
        <dt>{t('initiativePage.indicators.direction')}</dt>
        <dd>{t(`initiatives.direction.${ind.direction}`)}</dd>
        <dt>{t('initiativePage.indicators.baseline')}</dt>
        <dd>
          {t('initiativePage.indicators.baselineValue', {
            value: num(ind.baselineValue),
            unit: ind.unit,
            date: formatDate(ind.baselineOn),
          })}
          {ind.baselineMethod ? (
            <>
              <br />
              <span className="muted">{ind.baselineMethod}</span>
            </>
          ) : null}
        </dd>
        <dt>{t('initiativePage.indicators.target')}</dt>
        <dd>
          {ind.targetValue === null
            ? t('initiativePage.header.notSet')
            : ind.targetOn
              ? t('initiativePage.indicators.targetValueOn', {
                  value: num(ind.targetValue),
                  unit: ind.unit,
                  date: formatDate(ind.targetOn),
                })
              : t('initiativePage.indicators.targetValue', { value: num(ind.targetValue), unit: ind.unit })}
        </dd>
        {ind.calculation && calc ? (
          <>
            <dt>{t('initiativePage.indicators.calculation')}</dt>
            <dd>
              {t('initiativePage.indicators.calculationText', {
                occurrences: num(ind.calculation.occurrencesPerYear),
                minutes: num(ind.calculation.minutesEach),
                cost: formatSek(ind.calculation.costPerHourSek, i18n.language),
                oneOff: num(ind.calculation.oneOffHours),
                hours: num(calc.hoursPerYear),
                sek: formatSek(calc.sekPerYear, i18n.language),
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('initiativePage.indicators.assumptions')}</dt>
        <dd>{ind.assumptions ?? t('initiativePage.header.notSet')}</dd>
        <dt>{t('initiativePage.indicators.uncertainty')}</dt>
        <dd>
          {ind.uncertainty
            ? t(`initiatives.uncertainty.${ind.uncertainty}`)
            : t('initiativePage.header.notSet')}
        </dd>
      </dl>
      <IndicatorChart
        indicator={ind}
        actions={
          i.canEdit
            ? (m) => (
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  aria-disabled={removeMeasurement.isPending || undefined}
                  onClick={() => {
                    if (!removeMeasurement.isPending) removeMeasurement.mutate(m.id);
                  }}
                >
                  {t('initiativePage.remove')}
                  <span className="sr-only">
                    : {t('initiativePage.measurements.removeName', { date: formatDate(m.measuredOn) })}
                  </span>
                </button>
              )
            : undefined
        }
      />
      {failure ? <ErrorAlert error={failure} /> : null}
      <SavedStatus message={message} />
      {i.canEdit ? (
        <>
          <MeasurementForm indicator={ind} initiativeId={i.id} />
          <div className="form-actions indicator-actions">
            <button type="button" className="ds-button" data-variant="secondary" onClick={onEdit}>
              {t('initiativePage.indicators.edit')}
              <span className="sr-only">: {ind.name}</span>
            </button>
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              data-color="danger"
              aria-disabled={remove.isPending || undefined}
              onClick={() => {
                if (!remove.isPending) remove.mutate();
              }}
            >
              {t('initiativePage.indicators.remove')}
              <span className="sr-only">: {ind.name}</span>
            </button>
          </div>
        </>
      ) : null}
    </article>
  );
}

/** Benefit indicators: baseline, target, assumptions and measurements over time, with charts. */
export function IndicatorsSection({ initiative: i }: { initiative: InitiativeView }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const form = (ind: Indicator | null) => (
    <IndicatorForm
      key={ind?.id ?? 'new'}
      initiativeId={i.id}
      indicator={ind}
      municipalities={i.municipalities}
      onDone={(m) => {
        setEditing(null);
        setMessage(m);
      }}
      onCancel={() => setEditing(null)}
    />
  );
  return (
    <Section title={t('initiativePage.indicators.heading')} id="benefits">
      <p className="ds-paragraph">
        <DefinitionLink term="benefits-realisation">
          {t('definitions.link.benefitsRealisation')}
        </DefinitionLink>
      </p>
      {i.indicators.length === 0 ? (
        <p className="ds-paragraph">{t('initiativePage.indicators.empty')}</p>
      ) : null}
      {i.indicators.map((ind) =>
        editing !== null && editing !== 'new' && editing.id === ind.id ? (
          <div className="initiative-indicator" key={ind.id}>
            {form(ind)}
          </div>
        ) : (
          <IndicatorCard
            key={ind.id}
            initiative={i}
            indicator={ind}
            onEdit={() => setEditing(ind)}
            onRemoved={setMessage}
          />
        ),
      )}
      <SavedStatus message={message} />
      {i.canEdit ? (
        editing === 'new' ? (
          form(null)
        ) : (
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => {
              setMessage('');
              setEditing('new');
            }}
          >
            {t('initiativePage.indicators.add')}
          </button>
        )
      ) : null}
    </Section>
  );
}
