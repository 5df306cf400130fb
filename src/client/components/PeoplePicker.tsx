import type { ReactNode } from 'react';
import { ErrorAlert, Loading } from './Feedback.tsx';
import { ChoiceInput } from './Form.tsx';
import { FieldsetFrame } from './form/FieldFrame.tsx';

/**
 * A group of people to tick (enrolling on a programme, the members of a new study group), loaded by a
 * query: loading and failure are said inside the group, so that they are read with its legend.
 */
export function PeoplePicker<P extends { userId: string }>({
  idPrefix,
  legend,
  people,
  query,
  selected,
  onChange,
  label,
  empty,
  children,
  field,
}: {
  /** Makes each box's id (`enrol` → `enrol-<userId>`). */
  idPrefix: string;
  legend: ReactNode;
  people: readonly P[];
  query: { isPending: boolean; isError: boolean; error: unknown };
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  label: (person: P) => ReactNode;
  /** Said when the query found no one. */
  empty?: ReactNode;
  /** After the list (a "there are more" note). */
  children?: ReactNode;
  /** In a contract form: the field's id (the error summary links to the group) and its named error. */
  field?: { id: string; error: string | undefined };
}) {
  return (
    <FieldsetFrame id={field?.id ?? `${idPrefix}-group`} legend={legend} error={field?.error}>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {empty && !query.isPending && !query.isError && people.length === 0 ? (
        <p className="ds-paragraph">{empty}</p>
      ) : null}
      <ul className="checklist">
        {people.map((p) => (
          <ChoiceInput
            key={p.userId}
            as="li"
            type="checkbox"
            id={`${idPrefix}-${p.userId}`}
            label={label(p)}
            checked={selected.has(p.userId)}
            onChange={(e) => {
              const next = new Set(selected);
              if (e.target.checked) next.add(p.userId);
              else next.delete(p.userId);
              onChange(next);
            }}
          />
        ))}
      </ul>
      {children}
    </FieldsetFrame>
  );
}
