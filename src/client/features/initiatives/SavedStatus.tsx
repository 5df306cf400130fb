import { useEffect, useRef } from 'react';

/**
 * A section's polite status that also takes focus when a message arrives: the form or row that was
 * saved or removed has gone, and focus must not fall to the page body.
 */
export function SavedStatus({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div role="status" aria-live="polite" className="live-status">
      {message ? (
        <div className="ds-alert" data-color="success" ref={ref} tabIndex={-1}>
          <p className="ds-paragraph">{message}</p>
        </div>
      ) : null}
    </div>
  );
}
