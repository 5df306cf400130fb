import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../shared/contracts/auth.ts';
import { type BoundForm, ContractTextField } from './form/index.ts';

/**
 * A new password with its length hint, and the same password repeated (`confirm`), as on every page that
 * sets one. The rules are the form's contract's (NewPassword and its confirmation in contracts/auth.ts).
 */
export function NewPasswordFields<T extends FieldValues>({ cf, name }: { cf: BoundForm<T>; name: Path<T> }) {
  const { t } = useTranslation();
  return (
    <>
      <ContractTextField
        cf={cf}
        name={name}
        hint={t('form.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
      />
      <ContractTextField
        cf={cf}
        name={'confirm' as Path<T>}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
