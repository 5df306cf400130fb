import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NetworkInvitationAccepted, NetworkInvitationView } from '../../../shared/contracts/networks.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';

/** The e-mailed invitation link to a group: shows what it is for, and accepting it makes the person a member. */
export function NetworkInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const me = useMe();
  const invitation = useQuery({
    queryKey: ['network-invitation', token],
    queryFn: () => api.get(`/network-invitations/${encodeURIComponent(token)}`, NetworkInvitationView),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      api.post(`/network-invitations/${encodeURIComponent(token)}/accept`, NetworkInvitationAccepted),
  });
  if (invitation.isPending) return <Loading />;
  if (invitation.isError && !accept.isSuccess)
    return (
      <Page title={t('networks.invitation.invalidTitle')}>
        <ErrorAlert error={invitation.error} />
      </Page>
    );
  const inv = invitation.data;
  const name = accept.data?.networkName ?? inv?.networkName ?? '';
  return (
    <Page title={t('networks.invitation.title', { name })}>
      {accept.isSuccess ? (
        <div role="status" className="ds-alert" data-color="success">
          <p className="ds-paragraph">{t('networks.invitation.accepted', { name })}</p>
          {me.data ? (
            <p className="ds-paragraph">
              <Link className="ds-link" to={`/natverk/${accept.data.networkId}`}>
                {t('networks.invitation.open')}
              </Link>
            </p>
          ) : null}
        </div>
      ) : inv ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            accept.mutate();
          }}
        >
          <p className="ds-paragraph">
            {t('networks.invitation.lead', {
              owner: inv.ownerName,
              person: inv.name,
              role: t(`networks.roles.${inv.roleInGroup}`).toLowerCase(),
            })}
          </p>
          {accept.isError ? <ErrorAlert error={accept.error} /> : null}
          <div className="form-actions">
            <SubmitButton
              busy={accept.isPending}
              label={t('networks.invitation.accept')}
              busyLabel={t('networks.invitation.busy')}
            />
          </div>
        </form>
      ) : null}
    </Page>
  );
}
