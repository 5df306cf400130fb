import {
  type AdoptionUpdate,
  AdoptionUpdate as AdoptionUpdateSchema,
  adoptionStatuses,
} from '../../../shared/contracts/mapping.ts';
import { en } from '../../../shared/i18n/en.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { AppError } from '../../lib/errors.ts';
import { normaliseHeader, readCsvRecords } from '../imports/csv-file.ts';
import type { TechnologyRow } from './technologies.repo.ts';

/** Column → the headers that name it (Swedish first, as Excel users write them; English; API names). */
const columns = {
  technologyKey: ['teknik', 'technology', 'technologykey'],
  status: ['läge', 'status'],
  since: ['sedan', 'since'],
  scope: ['omfattning', 'scope'],
  usersServed: ['användare', 'antal användare', 'users served', 'usersserved'],
  eligibleUsers: ['möjliga användare', 'eligible users', 'eligibleusers'],
  contactName: ['kontaktperson', 'contact', 'contact name', 'contactname'],
  contactEmail: ['kontaktperson e-post', 'kontakt e-post', 'contact email', 'contactemail'],
  comment: ['kommentar', 'comment'],
  evidenceUrl: ['underlag', 'länk', 'evidence', 'evidence url', 'evidenceurl'],
} as const;
type Column = keyof typeof columns;

const statusWords = new Map<string, string>();
for (const s of adoptionStatuses) {
  statusWords.set(s, s);
  statusWords.set(sv.mapping.status[s].toLowerCase(), s);
  statusWords.set(en.mapping.status[s].toLowerCase(), s);
}

/**
 * Reads a CSV of one municipality's technologies into updates. An empty cell leaves the value as it
 * is. Every row is checked first; any bad row fails the whole file with each row's line and column,
 * so a file is applied completely or not at all.
 */
export function parseAdoptionCsv(buffer: Buffer, catalogue: TechnologyRow[]): AdoptionUpdate[] {
  const { header, data } = readCsvRecords(buffer);
  const index = new Map<Column, number>();
  header.map(normaliseHeader).forEach((h, i) => {
    for (const [column, names] of Object.entries(columns) as [Column, readonly string[]][])
      if (names.includes(h)) index.set(column, i);
  });
  if (!index.has('technologyKey') || !index.has('status'))
    throw new AppError(400, 'csv_missing_adoption_columns');
  if (data.length === 0) throw new AppError(400, 'import_has_no_valid_rows');

  const technologies = new Map<string, string>();
  for (const t of catalogue) {
    for (const name of [t.key, t.nameSv, t.nameEn]) technologies.set(name.toLowerCase(), t.key);
  }
  const errors: { path: string; code: string }[] = [];
  const updates: AdoptionUpdate[] = [];
  for (const { record, info } of data) {
    const line = info.lines;
    const cell = (c: Column) => {
      const i = index.get(c);
      const v = i === undefined ? '' : (record[i] ?? '').trim();
      return v === '' ? undefined : v;
    };
    const technology = cell('technologyKey');
    const statusText = cell('status');
    const raw = {
      technologyKey: technology ? (technologies.get(technology.toLowerCase()) ?? technology) : undefined,
      status: statusText ? (statusWords.get(statusText.toLowerCase()) ?? statusText) : undefined,
      since: cell('since'),
      scope: cell('scope'),
      usersServed:
        cell('usersServed') === undefined ? undefined : Number(cell('usersServed')!.replace(/\s/g, '')),
      eligibleUsers:
        cell('eligibleUsers') === undefined ? undefined : Number(cell('eligibleUsers')!.replace(/\s/g, '')),
      contactName: cell('contactName'),
      contactEmail: cell('contactEmail'),
      comment: cell('comment'),
      evidenceUrl: cell('evidenceUrl'),
    };
    if (raw.technologyKey && !catalogue.some((t) => t.key === raw.technologyKey)) {
      errors.push({ path: `file.line.${line}.technologyKey`, code: 'unknown_technology' });
      continue;
    }
    const parsed = AdoptionUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const code =
          issue.code === 'custom'
            ? issue.message
            : raw[issue.path[0] as Column] === undefined
              ? 'required'
              : 'invalid_value';
        errors.push({ path: `file.line.${line}.${String(issue.path[0])}`, code });
      }
      continue;
    }
    updates.push(parsed.data);
  }
  if (errors.length) throw new AppError(400, 'csv_rows_invalid', errors);
  return updates;
}
