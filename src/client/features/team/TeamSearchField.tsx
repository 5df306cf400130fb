import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/Form.tsx';

const SETTLE_MS = 300;

/**
 * The team's name search. The text is the field's own state and goes to the page address once typing
 * pauses: bound to the address directly, a fast typist lost letters (the field was reset to an address
 * one keystroke behind) and every keystroke fetched the list.
 */
export function TeamSearchField({
  label,
  value,
  onSettled,
}: {
  label: string;
  value: string;
  onSettled: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  const latest = useRef(onSettled);
  latest.current = onSettled;

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <TextField
      id="team-search"
      type="search"
      label={label}
      value={text}
      onValueChange={setText}
      autoComplete="off"
    />
  );
}
