import { useQuery } from '@tanstack/react-query';
import { readsExternalContacts, writesExternalContacts } from '../../../shared/access/index.ts';
import { ExternalContactChoices, ExternalContactView } from '../../../shared/contracts/external-contacts.ts';
import { api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';

/** Every change to a log invalidates `contactsKey`: the lists, the contacts and the choices. */
export const contactsKey = ['external-contacts'] as const;
export const contactKey = (id: string) => ['external-contacts', 'one', id] as const;

export const contactPath = (id: string) => `/kontakter/${id}`;
export const meetingPath = (m: { networkId: string; id: string }) => `/natverk/${m.networkId}/moten/${m.id}`;

export function useContact(id: string) {
  return useQuery({
    queryKey: contactKey(id),
    queryFn: () => api.get(`/external-contacts/${encodeURIComponent(id)}`, ExternalContactView),
  });
}

/** The logs the person reads and, for `owner` (one she writes), its municipalities, meetings and procurements. */
export function useChoices(owner?: string) {
  return useQuery({
    queryKey: [...contactsKey, 'choices', owner ?? ''],
    queryFn: () => api.get(`/external-contacts/choices${qs({ owner })}`, ExternalContactChoices),
  });
}

/** The same named rules as the server's: who reads the logs and who logs contacts. */
export function useContactRights() {
  const me = useMe();
  return {
    reads: me.data ? readsExternalContacts(me.data) : false,
    writes: me.data ? writesExternalContacts(me.data) : false,
  };
}
