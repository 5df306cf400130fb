import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type DefaultValues,
  type Path,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { splitApiError } from './api-errors.ts';
import { type Contract, clientMessage, contractResolver, flattenErrors } from './contract-messages.ts';
import { ErrorSummary, type SummaryEntry } from './ErrorSummary.tsx';

export interface ContractFormOptions<S extends Contract>
  extends Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver' | 'defaultValues'> {
  /** Prefix of the field ids (`${id}-${name}`) and of the summary heading. */
  id: string;
  defaultValues: DefaultValues<z.input<S>>;
  /** The form's own label for each field (already translated): every message names its field with it. */
  labels: Partial<Record<Path<z.input<S>>, string>>;
  /**
   * Saves the valid value. A returned string is the saved message: it is shown, announced and focused,
   * and the form's current values become its new unchanged state. A thrown API error lands on the fields.
   */
  onSubmit: (values: z.output<S>) => Promise<unknown>;
}

export interface ContractForm<S extends Contract> {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  /** Pass to the form element's onSubmit. */
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  busy: boolean;
  fieldId: (name: string) => string;
  label: (name: string) => string;
  /** The named message for a field ("Namn: Uppgiften måste fyllas i."), or undefined. */
  errorFor: (name: string) => string | undefined;
  /** The error summary: render it above the form. It takes focus after every failed submit. */
  summary: ReactNode;
  /** The saved message with focus after saving (instead of the page body): render it near the submit button. */
  saved: ReactNode;
  /** Shows a failed request on the form's fields (and the rest in the summary). */
  failFromApi: (err: unknown) => void;
}

/**
 * react-hook-form over a shared zod contract, validating in the browser with the same schema as the
 * server and wording every message as the server's problem+json does (issueCode → fieldMessage).
 */
export function useContractForm<S extends Contract>(
  schema: S,
  options: ContractFormOptions<S>,
): ContractForm<S> {
  const { id, labels, onSubmit, defaultValues, ...rest } = options;
  const { t, i18n } = useTranslation();
  const lang: UiLanguage = i18n.language === 'en' ? 'en' : 'sv';
  const resolver = useMemo(() => contractResolver(schema), [schema]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    ...rest,
    defaultValues,
    resolver,
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [savedText, setSavedText] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [savedAt, setSavedAt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (savedAt > 0) savedRef.current?.focus();
  }, [savedAt]);

  const fieldId = useCallback((name: string) => `${id}-${name.replaceAll('.', '-')}`, [id]);
  const label = useCallback(
    (name: string) => (labels as Record<string, string | undefined>)[name] ?? '',
    [labels],
  );
  const named = useCallback(
    (name: string, message: string) => {
      const l = label(name);
      return l ? t('formKit.named', { label: l, message }) : message;
    },
    [label, t],
  );

  const errors = form.formState.errors;
  const flat = useMemo(() => flattenErrors(errors), [errors]);
  const errorFor = useCallback(
    (name: string) => {
      const e = flat.get(name);
      return e ? named(name, clientMessage(e, lang)) : undefined;
    },
    [flat, lang, named],
  );

  const isField = useCallback((path: string) => path in labels || path.split('.')[0]! in labels, [labels]);
  const failFromApi = useCallback(
    (err: unknown) => {
      const split = splitApiError(err, isField, t);
      for (const [path, message] of Object.entries(split.fields)) {
        form.setError(path as Path<z.input<S>>, { type: 'server', message });
      }
      setGeneral(split.general);
      setAttempt((a) => a + 1);
    },
    [form, isField, t],
  );

  const submit = form.handleSubmit(
    async (values) => {
      setGeneral(null);
      setSavedText(null);
      try {
        const message = await onSubmit(values);
        if (typeof message === 'string') {
          form.reset(form.getValues());
          setSavedText(message);
          setSavedAt((n) => n + 1);
        }
      } catch (err) {
        failFromApi(err);
      }
    },
    () => {
      setGeneral(null);
      setSavedText(null);
      setAttempt((a) => a + 1);
    },
  );

  const entries: SummaryEntry[] = [...flat].map(([name, e]) => ({
    fieldId: fieldId(name),
    message: named(name, clientMessage(e, lang)),
  }));
  const summary = (
    <ErrorSummary ref={summaryRef} entries={entries} general={general} headingId={`${id}-error-summary`} />
  );
  const saved = (
    <div role="status" aria-live="polite" className="live-status">
      {savedText ? (
        <div className="ds-alert" data-color="success" ref={savedRef} tabIndex={-1}>
          <p className="ds-paragraph">{savedText}</p>
        </div>
      ) : null}
    </div>
  );

  return {
    form,
    onSubmit: submit,
    busy: form.formState.isSubmitting,
    fieldId,
    label,
    errorFor,
    summary,
    saved,
    failFromApi,
  };
}
