import { useTranslation } from 'react-i18next';
import { ContactCase } from '../../../shared/contracts/cases.ts';
import { Ok } from '../../../shared/contracts/common.ts';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';

/** "Kontakta": a question to the consenting contact person, sent as an e-mail the contact answers directly. */
export function ContactForm({ caseId, name }: { caseId: string; name: string }) {
  const { t } = useTranslation();
  const cf = useContractForm(ContactCase, {
    id: 'case-contact',
    defaultValues: { message: '' },
    labels: { message: t('cases.contact.message') },
    onSubmit: async (body, { form }) => {
      await api.post(`/cases/${encodeURIComponent(caseId)}/contact`, Ok, body);
      form.reset({ message: '' });
      return t('cases.contact.sent', { name });
    },
  });
  return (
    <form className="case-form" aria-labelledby="case-contact-heading" onSubmit={cf.onSubmit} noValidate>
      <p className="ds-paragraph" id="case-contact-heading">
        {t('cases.contact.lead', { name })}
      </p>
      {cf.summary}
      <ContractTextAreaField
        cf={cf}
        name="message"
        hint={t('cases.contact.messageHint')}
        required
        maxLength={4000}
        rows={5}
      />
      <SubmitButton busy={cf.busy} label={t('cases.contact.send')} busyLabel={t('cases.contact.sending')} />
      {cf.saved}
    </form>
  );
}
