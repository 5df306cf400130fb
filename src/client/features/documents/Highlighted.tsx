import type { HighlightPart } from '../../../shared/contracts/documents.ts';

/**
 * Search hits as <mark>, built from plain text parts: nothing from the server is ever set as HTML. The
 * mark element is announced as highlighted by screen readers that support it, and the text reads the
 * same without it.
 */
export function Highlighted({ parts }: { parts: HighlightPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
        p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}
