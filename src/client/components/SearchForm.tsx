import { type FormEvent, useState } from 'react';
import { TextField } from './Form.tsx';

export interface SearchTexts {
  heading: string;
  label: string;
  hint: string;
  submit: string;
  clear: string;
  tooShort: string;
}

/**
 * A full-text search box in a search landmark. One letter is refused with a message (it matches
 * everything and nothing useful); an empty search clears. The words live in the page's address.
 */
export function SearchForm({
  id,
  q,
  texts,
  onSearch,
}: {
  id: string;
  q: string;
  texts: SearchTexts;
  onSearch: (q: string) => void;
}) {
  const [draft, setDraft] = useState(q);
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = draft.trim();
    if (value.length === 1) {
      setError(texts.tooShort);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    onSearch(value);
  };
  return (
    <search aria-label={texts.heading}>
      <form className="search-form" onSubmit={submit} noValidate>
        <TextField
          id={id}
          label={texts.label}
          hint={texts.hint}
          type="search"
          value={draft}
          onValueChange={setDraft}
          error={error}
          maxLength={200}
        />
        <button type="submit" className="ds-button" data-variant="primary">
          {texts.submit}
        </button>
        {q ? (
          <button type="button" className="ds-button" data-variant="tertiary" onClick={() => onSearch('')}>
            {texts.clear}
          </button>
        ) : null}
      </form>
    </search>
  );
}
