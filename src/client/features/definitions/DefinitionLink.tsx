import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A link from a page that uses a term to its agreed definition on /begrepp (issue 8), e.g.
 * `<DefinitionLink term="welfare-technology">välfärdsteknik</DefinitionLink>`.
 */
export function DefinitionLink({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Link className="ds-link" to={`/begrepp#${term}`}>
      {children}
    </Link>
  );
}
