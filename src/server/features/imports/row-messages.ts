import type { UiLanguage } from '../../../shared/contracts/common.ts';
import {
  type StaffImportColumnKey,
  type StaffImportEnumColumn,
  staffImportColumns,
  staffImportValues,
} from '../../../shared/contracts/imports.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';

/**
 * A row error as the person reads it: the column named by its header in their own file (not our key),
 * and for a choice the values the import accepts — so "role: Okänd roll." becomes
 * "Kolumnen ”Roll”: Okänd roll. Godkända värden: Medarbetare, Enhetschef."
 */

const isEnum = (column: string): column is StaffImportEnumColumn => column in staffImportValues;

/** Every word the column accepts, the shown names first; none for free-text columns. */
export function acceptedValues(column: string): string[] | undefined {
  if (!isEnum(column)) return undefined;
  const lists = Object.values(staffImportValues[column]) as readonly (readonly string[])[];
  return [...lists.map((l) => l[0]!), ...lists.flatMap((l) => l.slice(1))];
}

/** The shown names; in English with the stored key beside a Swedish name, as the file may use either. */
function shownValues(column: StaffImportEnumColumn, lang: UiLanguage): string[] {
  return Object.entries(staffImportValues[column]).map(([key, words]) => {
    const name = (words as readonly string[])[0]!;
    const english = key.replace('_', ' ');
    return lang === 'en' && english !== name.toLowerCase() ? `${name} (${english})` : name;
  });
}

/** The column's usual header, for an error stored before headers were kept with it. */
const defaultHeader = (column: string) => {
  const header = staffImportColumns.find((c) => c.key === column)?.headers[0] ?? column;
  return header.charAt(0).toUpperCase() + header.slice(1);
};

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

export function rowError(
  e: { column: StaffImportColumnKey | string; code: string; header?: string },
  lang: UiLanguage,
) {
  const header = e.header || defaultHeader(e.column);
  const accepted = acceptedValues(e.column);
  const parts = [text[lang].column(header), fieldMessage(e.code, lang)];
  if (isEnum(e.column)) parts.push(text[lang].accepted(shownValues(e.column, lang)));
  return {
    column: e.column,
    header,
    code: e.code,
    message: parts.join(' '),
    ...(accepted ? { accepted } : {}),
  };
}
