import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { useInitiative } from './data.ts';
import { FundingSection } from './FundingSection.tsx';
import { IndicatorsSection } from './IndicatorsSection.tsx';
import { InitiativeDetailsForm } from './InitiativeDetailsForm.tsx';
import { InitiativeHeader } from './InitiativeHeader.tsx';
import { LinksSection } from './LinksSection.tsx';
import { MilestonesSection } from './MilestonesSection.tsx';
import { PhaseStepper } from './PhaseStepper.tsx';
import { RisksSection } from './RisksSection.tsx';
import { UnsavedFormsWarning } from './unsaved-forms.tsx';

/**
 * One initiative: its details, phases with checklists, milestones, risks, documents, funding and benefit
 * indicators. The owner organisation's people change it; participants and the region read it.
 */
export function InitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useInitiative(id);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryFailure error={query.error} onRetry={() => void query.refetch()} />;
  const i = query.data;
  return (
    <Page
      title={i.title}
      breadcrumbs={[{ to: '/insatser', label: t('initiatives.nav') }, { label: i.title }]}
    >
      <div className="initiative-page">
        {!i.canEdit ? (
          <p className="ds-paragraph muted">{t('initiativePage.readOnly', { owner: i.owner.name })}</p>
        ) : null}
        <InitiativeHeader initiative={i} />
        <LiveStatus message={message} />
        {i.canEdit ? (
          editing ? (
            <InitiativeDetailsForm
              initiative={i}
              onDone={(m) => {
                setEditing(false);
                setMessage(m);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <p>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                onClick={() => {
                  setMessage('');
                  setEditing(true);
                }}
              >
                {t('initiativePage.details.edit')}
              </button>
            </p>
          )
        ) : null}
        <PhaseStepper initiative={i} />
        <MilestonesSection initiative={i} />
        <RisksSection initiative={i} />
        <FundingSection initiative={i} />
        <IndicatorsSection initiative={i} />
        <LinksSection initiative={i} />
      </div>
      <UnsavedFormsWarning />
    </Page>
  );
}
