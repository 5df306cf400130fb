import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Ok } from '../../../shared/contracts/common.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, TextAreaField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

/** "Kontakta": a question to the consenting contact person, sent as an e-mail the contact answers directly. */
export function ContactForm({ caseId, name }: { caseId: string; name: string }) {
  const { t } = useTranslation();
  const form = useFormErrors('case-contact');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () =>
      api.post(`/cases/${encodeURIComponent(caseId)}/contact`, Ok, { message: message.trim() }),
    onSuccess: () => {
      form.clear();
      setMessage('');
      setSent(t('cases.contact.sent', { name }));
    },
    onError: (err) => form.failFromApi(err, ['message']),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    if (message.trim().length < 10) return form.fail({ message: t('cases.contact.tooShort') });
    send.mutate();
  };
  return (
    <form className="case-form" aria-labelledby="case-contact-heading" onSubmit={submit} noValidate>
      <p className="ds-paragraph" id="case-contact-heading">
        {t('cases.contact.lead', { name })}
      </p>
      {form.summary}
      <TextAreaField
        id={form.fieldId('message')}
        label={t('cases.contact.message')}
        hint={t('cases.contact.messageHint')}
        value={message}
        onValueChange={setMessage}
        error={form.errors.message}
        required
        maxLength={4000}
        rows={5}
      />
      <SubmitButton
        busy={send.isPending}
        label={t('cases.contact.send')}
        busyLabel={t('cases.contact.sending')}
      />
      <LiveStatus message={sent} />
    </form>
  );
}
