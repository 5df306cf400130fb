import { type FormEvent, type RefObject, useState } from 'react';
import { controlProps, FieldFrame } from './FieldFrame.tsx';

/** The files the server's checked upload takes as attachments (documents feature: checked by content). */
const ATTACHMENT_TYPES = '.pdf,.docx,.odt,.png,.jpg,.jpeg';

/**
 * One file at a time, sent when the person presses the button: a file field with its hint, a named
 * message and focus back on the field when no file was chosen, and a busy button while it uploads.
 * The caller empties `inputRef` after a successful upload.
 */
export function FileUploadForm({
  id,
  className,
  inputRef,
  texts,
  busy,
  onFile,
  accept = ATTACHMENT_TYPES,
}: {
  id: string;
  className: string;
  inputRef: RefObject<HTMLInputElement | null>;
  texts: { label: string; hint: string; chooseFile: string; submit: string; busy: string };
  busy: boolean;
  /** Called with the chosen file; also told (with null) that a new attempt began. */
  onFile: (file: File | null) => void;
  /** The file types offered in the picker (the server checks them anyway); attachments by default. */
  accept?: string;
}) {
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = inputRef.current?.files?.[0] ?? null;
    setMissing(!file);
    onFile(file);
    if (!file) inputRef.current?.focus();
  };
  return (
    <form className={className} onSubmit={submit} noValidate>
      <FieldFrame
        id={id}
        label={texts.label}
        hint={texts.hint}
        error={missing ? texts.chooseFile : undefined}
      >
        <input ref={inputRef} type="file" accept={accept} {...controlProps(id, true, missing)} />
      </FieldFrame>
      <button type="submit" className="ds-button" data-variant="secondary" aria-busy={busy || undefined}>
        {busy ? texts.busy : texts.submit}
      </button>
    </form>
  );
}
