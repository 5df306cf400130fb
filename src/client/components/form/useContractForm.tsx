import { isValidElement, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  /** Where the form's value sits in the request body, when not at its root (`items.0`). */
  serverPrefix?: string;
  defaultValues: DefaultValues<z.input<S>>;
  /** The form's own label for each field (already translated): every message names its field with it. */
  labels: Partial<Record<Path<z.input<S>>, string>> & Record<string, string>;
  /**
   * Saves the valid value. A returned string (or element) is the saved message: it is shown, announced and focused,
   * and the form's current values become its new unchanged state. A thrown API error lands on the fields.
   */
  onSubmit: (values: z.output<S>, helpers: SubmitHelpers<S>) => Promise<unknown>;
}

/** What a submit handler may need of its own form (passed in, so that it need not refer to the hook's result). */
export interface SubmitHelpers<S extends Contract> {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  /** Shows messages of the form's own (a file too large to send, say) like the server's. */
  fail: (fields: Record<string, string>, message?: string | null) => void;
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
  /** Shows messages of the form's own (a file too large to send, say) like the server's. */
  fail: (fields: Record<string, string>, message?: string | null) => void;
}

/**
 * react-hook-form over a shared zod contract, validating in the browser with the same schema as the
 * server and wording every message as the server's problem+json does (issueCode → fieldMessage).
 */
export function useContractForm<S extends Contract>(
  schema: S,
  options: ContractFormOptions<S>,
): ContractForm<S> {
  const { id, labels, onSubmit, defaultValues, serverPrefix, ...rest } = options;
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
  const [savedText, setSavedText] = useState<ReactNode>(null);
  const [attempt, setAttempt] = useState(0);
  const [savedAt, setSavedAt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  // Focus moves to the summary once it shows the failed attempt's errors (they may arrive a render later).
  const focusPending = useRef(0);
  useEffect(() => {
    const el = summaryRef.current;
    if (attempt > focusPending.current && el && !el.hidden) {
      focusPending.current = attempt;
      el.focus();
    }
  });
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

  // Errors by the field that shows them: `focusAreas.2` shows at `focusAreas` when only that is labelled.
  // (Recomputed each render: react-hook-form updates its errors object in place.)
  const shownAt = (path: string) => {
    const top = path.split('.')[0] ?? path;
    return path in labels || !(top in labels) ? path : top;
  };
  const grouped = new Map<string, string>();
  for (const [path, e] of flattenErrors(form.formState.errors)) {
    const at = shownAt(path);
    if (!grouped.has(at)) grouped.set(at, clientMessage(e, lang));
  }
  const errorFor = (name: string) => {
    const message = grouped.get(name);
    return message === undefined ? undefined : named(name, message);
  };

  const isField = useCallback((path: string) => path in labels || path.split('.')[0]! in labels, [labels]);
  const fail = useCallback(
    (fields: Record<string, string>, message: string | null = null) => {
      for (const [path, text] of Object.entries(fields)) {
        form.setError(path as Path<z.input<S>>, { type: 'server', message: text });
      }
      setGeneral(message);
      setAttempt((a) => a + 1);
    },
    [form],
  );
  const failFromApi = useCallback(
    (err: unknown) => {
      const strip = (path: string) =>
        serverPrefix && path.startsWith(`${serverPrefix}.`) ? path.slice(serverPrefix.length + 1) : path;
      const split = splitApiError(err, (path) => isField(strip(path)), t);
      fail(Object.fromEntries(Object.entries(split.fields).map(([p, m]) => [strip(p), m])), split.general);
    },
    [fail, isField, serverPrefix, t],
  );

  const submit = form.handleSubmit(
    async (values) => {
      setGeneral(null);
      setSavedText(null);
      try {
        const message = await onSubmit(values, { form, fail });
        if (typeof message === 'string' || isValidElement(message)) {
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

  // The summary follows the form's order (the order of its labels), not the order the checks ran in.
  const order = Object.keys(labels);
  const rank = (name: string) => {
    const i = order.indexOf(name in labels ? name : (name.split('.')[0] ?? name));
    return i < 0 ? order.length : i;
  };
  const entries: SummaryEntry[] = [...grouped]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, message]) => ({ fieldId: fieldId(name), message: named(name, message) }));
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
    fail,
    failFromApi,
  };
}
