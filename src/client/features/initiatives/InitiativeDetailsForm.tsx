import { useTranslation } from 'react-i18next';
import {
  InitiativeView,
  initiativeStatuses,
  UpdateInitiative,
} from '../../../shared/contracts/initiatives.ts';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { SaveOrCancel } from './RowActions.tsx';

/** The owner's form for the initiative's own details (an end before the start is the API's to refuse). */
export function InitiativeDetailsForm({
  initiative: i,
  onDone,
  onCancel,
}: {
  initiative: InitiativeView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(i.id);
  const d = (key: string) => t(`initiativePage.details.${key}`);
  const cf = useContractForm(UpdateInitiative, {
    id: 'initiative-details',
    defaultValues: {
      title: i.title,
      purpose: i.purpose ?? '',
      responsibleName: i.responsible.name ?? '',
      status: i.status,
      startsOn: i.startsOn,
      endsOn: i.endsOn,
      budgetSek: i.budgetSek,
    },
    labels: {
      title: d('title'),
      purpose: d('purpose'),
      responsibleName: d('responsible'),
      status: d('status'),
      startsOn: d('startsOn'),
      endsOn: d('endsOn'),
      budgetSek: d('budget'),
    },
    onSubmit: async (body) => {
      await api.patch(`/initiatives/${i.id}`, InitiativeView, {
        ...body,
        purpose: body.purpose || null,
        responsibleName: body.responsibleName || null,
      });
      await invalidate();
      onDone(d('saved'));
    },
  });
  useFocusFirstField(cf.fieldId('title'));

  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="initiative-details-heading">
      <h3 className="ds-heading" data-size="xs" id="initiative-details-heading">
        {d('formTitle')}
      </h3>
      {cf.summary}
      <ContractTextField cf={cf} name="title" required maxLength={200} />
      <ContractTextAreaField cf={cf} name="purpose" rows={4} maxLength={4000} />
      <ContractTextField
        cf={cf}
        name="responsibleName"
        hint={d('responsibleHint')}
        maxLength={200}
        autoComplete="off"
      />
      <ContractSelectField
        cf={cf}
        name="status"
        options={initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
      />
      <ContractTextField cf={cf} name="startsOn" type="date" emptyAsNull />
      <ContractTextField cf={cf} name="endsOn" type="date" emptyAsNull />
      <ContractTextField
        cf={cf}
        name="budgetSek"
        hint={t('initiativePage.sekHint')}
        inputMode="numeric"
        asNumber
      />
      <SaveOrCancel busy={cf.busy} label={d('save')} onCancel={onCancel} />
    </form>
  );
}
