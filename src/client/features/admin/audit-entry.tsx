import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '../../../shared/contracts/audit.ts';
import { orgPath } from '../../lib/organisations.ts';

/** Pages of the objects the log names, by entity type; an object without a page is shown unlinked. */
const objectPaths: Record<string, (id: string) => string> = {
  organisation: orgPath,
  municipality: orgPath,
  course: (id) => `/forfatta/kurser/${id}`,
  governing_document: (id) => `/styrdokument/${id}`,
  case: (id) => `/kunskapsbank/${id}`,
  programme: (id) => `/program/${id}`,
  study_group: (id) => `/studiegrupper/${id}`,
  network: (id) => `/natverk/${id}`,
  initiative: (id) => `/insatser/${id}`,
  action_plan: (id) => `/handlingsplaner/${id}`,
  assessment_round: (id) => `/bedomningar/${id}`,
  assessment_template: (id) => `/bedomningar/mallar/${id}`,
  steering_report: (id) => `/rapporter/styrgrupp/${id}`,
};

/** The event in plain words; an event without a name yet falls back to its key rather than nothing. */
export function useEventName() {
  const { t } = useTranslation();
  return (action: string) => t(`auditLog.events.${action}`, { defaultValue: action });
}

export function ActorCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (!entry.actorId) return <>{t('audit.system')}</>;
  if (entry.actorGone) return <span className="muted">{t('auditLog.gone')}</span>;
  return (
    <Link className="ds-link" to={`/personer/${entry.actorId}`}>
      {entry.actorName ?? entry.actorId}
    </Link>
  );
}

/** What the entry is about: its kind, its name of today (linked) and the organisation it happened in. */
export function ObjectCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const type = t(`auditLog.entityTypes.${entry.entityType}`, { defaultValue: entry.entityType });
  const path = entry.subjectUserId
    ? `/personer/${entry.subjectUserId}`
    : entry.entityId
      ? objectPaths[entry.entityType]?.(entry.entityId)
      : undefined;
  let name: ReactNode = null;
  if (entry.entityGone) name = <span className="muted">{t('auditLog.gone')}</span>;
  else if (entry.entityName && path)
    name = (
      <Link className="ds-link" to={path}>
        {entry.entityName}
      </Link>
    );
  else if (entry.entityName) name = entry.entityName;
  const showOrg =
    entry.organisationId &&
    entry.organisationName &&
    !(
      entry.entityId === entry.organisationId &&
      (entry.entityType === 'organisation' || entry.entityType === 'municipality')
    );
  return (
    <>
      <span className="audit-type">{type}</span>
      {name ? <>: {name}</> : null}
      {showOrg ? (
        <span className="audit-org">
          {' '}
          <Link className="ds-link" to={orgPath(entry.organisationId!)}>
            {t('auditLog.inOrganisation', { name: entry.organisationName })}
          </Link>
        </span>
      ) : null}
    </>
  );
}
