import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../shared/contracts/auth.ts';
import { TextField } from './Form.tsx';

/** Why a new password and its repetition are not acceptable yet (the server checks the rest). */
export function newPasswordErrors(
  t: TFunction,
  password: string,
  confirm: string,
  field: string,
): Record<string, string> {
  const errs: Record<string, string> = {};
  if ([...password].length < PASSWORD_MIN_LENGTH)
    errs[field] = t('form.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
  if (confirm !== password) errs.confirm = t('form.passwordsDiffer');
  return errs;
}

/** A new password with its length hint, and the same password repeated, as on every page that sets one. */
export function NewPasswordFields(props: {
  passwordId: string;
  confirmId: string;
  label: string;
  confirmLabel: string;
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  passwordError?: string | undefined;
  confirmError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={props.passwordId}
        label={props.label}
        hint={t('form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        value={props.password}
        onValueChange={props.onPassword}
        error={props.passwordError}
      />
      <TextField
        id={props.confirmId}
        label={props.confirmLabel}
        type="password"
        autoComplete="new-password"
        required
        value={props.confirm}
        onValueChange={props.onConfirm}
        error={props.confirmError}
      />
    </>
  );
}
