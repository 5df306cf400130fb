import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SignInPolicy } from '../../../shared/contracts/mfa.ts';
import { ErrorAlert, LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SubmitButton, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { abilitiesAt, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

const policyKey = (orgId: string) => ['sign-in-policy', orgId];

/** `/organisationer/:id/inloggning/regler`: the organisation requires a second factor for everyone. */
export function SignInRulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { org, fallback } = useRouteOrganisation();
  const orgId = org?.id ?? '';
  const allowed = Boolean(org && me.data && abilitiesAt(me.data, org).manageIdentity);
  const policy = useQuery({
    queryKey: policyKey(orgId),
    queryFn: () => api.get(`/organisations/${orgId}/sign-in-policy`, SignInPolicy),
    enabled: allowed,
  });
  const [requireMfa, setRequireMfa] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const form = useFormErrors('sign-in-rules');
  useEffect(() => {
    if (policy.data) setRequireMfa(policy.data.requireMfa);
  }, [policy.data]);
  const save = useMutation({
    mutationFn: () => api.put(`/organisations/${orgId}/sign-in-policy`, SignInPolicy, { requireMfa }),
    onSuccess: (p) => {
      qc.setQueryData(policyKey(orgId), p);
      setStatus(t('signInRules.saved'));
    },
    onError: (err) => form.failFromApi(err, ['requireMfa']),
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!allowed) return <NotFoundPage forbidden />;
  const fieldId = form.fieldId('requireMfa');

  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('orgs.identity'))}
      title={t('signInRules.title', { name: org.name })}
      lead={t('signInRules.lead')}
    >
      <LiveStatus message={status} />
      {policy.isPending ? <Loading /> : null}
      {policy.isError ? <ErrorAlert error={policy.error} /> : null}
      {policy.data ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setStatus(null);
            form.clear();
            save.mutate();
          }}
        >
          {form.summary}
          {policy.data.inheritedRequireMfa ? (
            <div className="ds-alert" data-color="info">
              <p className="ds-paragraph">{t('signInRules.inherited')}</p>
            </div>
          ) : null}
          <div className="ds-field checkbox">
            <input
              className="ds-input"
              type="checkbox"
              id={fieldId}
              aria-describedby={`${fieldId}-hint`}
              checked={requireMfa}
              onChange={(e) => setRequireMfa(e.target.checked)}
            />
            <label className="ds-label" data-weight="regular" htmlFor={fieldId}>
              {t('signInRules.requireMfa')}
            </label>
            <div className="field-hint" id={`${fieldId}-hint`}>
              {t('signInRules.requireMfaHint')}
            </div>
          </div>
          <div className="form-actions">
            <SubmitButton
              busy={save.isPending}
              label={t('signInRules.save')}
              busyLabel={t('signInRules.saving')}
            />
            <Link className="ds-link" to={`${orgPath(org.id)}/inloggning`}>
              {t('signInRules.back')}
            </Link>
          </div>
        </form>
      ) : null}
    </Page>
  );
}
