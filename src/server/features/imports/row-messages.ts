import type { UiLanguage } from '../../../shared/contracts/common.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import type { ImportKind, RowError } from './import-kind.ts';

/**
 * A row error as the person reads it: the column named by its header in their own file (not our key),
 * and for a choice the values the import accepts — so "role: Okänd roll." becomes
 * "Kolumnen ”Roll”: Okänd roll. Godkända värden: Medarbetare, Enhetschef."
 */

type Choices = ImportKind['values'][string];

/** Every word the column accepts, the shown names first; none for free-text columns. */
export function acceptedValues(choices: Choices | undefined): string[] | undefined {
  if (!choices) return undefined;
  const lists = Object.values(choices);
  return [...lists.map((l) => l[0]!), ...lists.flatMap((l) => l.slice(1))];
}

/** The shown names; in English with the stored key beside a Swedish name, as the file may use either. */
function shownValues(choices: Choices, lang: UiLanguage): string[] {
  return Object.entries(choices).map(([key, words]) => {
    const name = words[0]!;
    const english = key.replaceAll('_', ' ');
    return lang === 'en' && english !== name.toLowerCase() ? `${name} (${english})` : name;
  });
}

const text = {
  sv: {
    column: (header: string) => `Kolumnen ”${header}”:`,
    accepted: (values: string[]) => `Godkända värden: ${values.join(', ')}.`,
  },
  en: {
    column: (header: string) => `Column “${header}”:`,
    accepted: (values: string[]) => `Accepted values: ${values.join(', ')}.`,
  },
} satisfies Record<UiLanguage, unknown>;

export function rowError(kind: Pick<ImportKind, 'columns' | 'values'>, e: RowError, lang: UiLanguage) {
  // The column's usual header, for an error stored before headers were kept with it.
  const usual = kind.columns.find((c) => c.key === e.column)?.headers[0] ?? e.column;
  const header = e.header || usual.charAt(0).toUpperCase() + usual.slice(1);
  const choices = kind.values[e.column];
  const accepted = acceptedValues(choices);
  const parts = [text[lang].column(header), fieldMessage(e.code, lang)];
  if (choices) parts.push(text[lang].accepted(shownValues(choices, lang)));
  return {
    column: e.column,
    header,
    code: e.code,
    message: parts.join(' '),
    ...(accepted ? { accepted } : {}),
  };
}
