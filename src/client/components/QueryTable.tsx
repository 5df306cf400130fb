import type { ReactNode } from 'react';
import { ErrorAlert, Loading } from './Feedback.tsx';
import { TableWrap } from './TableWrap.tsx';

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A list loaded from the API shown as a table: loading, a failure that can be retried, a sentence when
 * there is nothing yet, and otherwise the table with its caption (which also names its scroll region).
 * `children` are the table's head and body.
 */
export function QueryTable({
  query,
  count,
  empty,
  caption,
  children,
}: {
  query: ListQuery;
  count: number;
  empty: ReactNode;
  caption: string;
  children: ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (count === 0) return <p className="ds-paragraph">{empty}</p>;
  return (
    <TableWrap label={caption}>
      <table className="ds-table" data-border="true" data-zebra="true">
        <caption>{caption}</caption>
        {children}
      </table>
    </TableWrap>
  );
}
