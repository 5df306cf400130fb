/**
 * Forms from the shared contracts (issue 16).
 *
 * A form validates in the browser with the SAME zod schema the server validates with (the contract in
 * src/shared/contracts), through react-hook-form and zodResolver, and words every message as the
 * server's problem+json does: zod issue → `issueCode` (src/shared/i18n/issue-code.ts) → `fieldMessage`.
 * No hand-written client check repeats a contract; a rule the contract lacks belongs in the contract.
 *
 *   const cf = useContractForm(CreateUnitRequest, {
 *     id: 'unit-form',
 *     defaultValues: { name: '' },
 *     labels: { name: t('units.name') },           // every message names its field: "Namn: …"
 *     onSubmit: async (v) => { await api.post('/units', v, Unit); return t('units.saved'); },
 *   });
 *   <form noValidate onSubmit={cf.onSubmit}>
 *     {cf.summary}                                   // links to the fields; focused after a failed submit
 *     <ContractTextField cf={cf} name="name" required />
 *     <SubmitButton busy={cf.busy} … />
 *     {cf.saved}                                     // the saved message takes focus (never the body)
 *   </form>
 *
 * Errors the server finds (a name taken, a date in the future) land on the same fields: `onSubmit`
 * throws the ApiError and the hook maps `body.name` → `name`; what no field shows goes in the summary.
 * `useUnsavedChangesWarning(cf.form.formState.isDirty)` asks before unsaved work is left behind (one per
 * page: react-router keeps only the last blocker);
 * `useAutosave(value, save)` saves long texts as they are written, with a polite status line.
 * One save per form: a page with several forms has one submit button in each.
 */
export { type SplitApiError, splitApiError } from './api-errors.ts';
export { clientMessage, contractResolver, flattenErrors } from './contract-messages.ts';
export { ErrorSummary, type SummaryEntry } from './ErrorSummary.tsx';
export { type BaseFieldProps, describedBy, FieldFrame, FieldsetFrame, RequiredTag } from './FieldFrame.tsx';
export {
  type BoundForm,
  ContractCheckbox,
  ContractCheckboxGroup,
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
} from './fields.tsx';
export { type Autosave, type AutosaveState, useAutosave } from './useAutosave.tsx';
export {
  type ContractForm,
  type ContractFormOptions,
  type SubmitHelpers,
  useContractForm,
} from './useContractForm.tsx';
export { useUnsavedChangesWarning } from './useUnsavedChangesWarning.tsx';
