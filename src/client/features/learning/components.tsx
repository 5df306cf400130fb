import './learning.css';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MdTree } from '../../../shared/contracts/markdown-tree.ts';
import { PLAIN_SWEDISH, rtlLanguages } from '../../../shared/learning/languages.ts';
import { Breadcrumbs as TrailBreadcrumbs } from '../../components/nav/Breadcrumbs.tsx';
import { syncNow, useSyncState } from '../../lib/offline/sync.ts';
import { isLandingEntry } from './landing.ts';
import { Markdown } from './Markdown.tsx';

/** Right-to-left for Arabic, Persian and the other right-to-left scripts, by primary subtag. */
export function direction(lang: string): 'rtl' | 'ltr' {
  return rtlLanguages.includes(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** A language's name in that language (Svenska, Lättläst svenska, English, العربية …). */
export function languageName(tag: string): string {
  if (tag === PLAIN_SWEDISH) return 'Lättläst svenska';
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // Unknown tag: show it as it is.
  }
  return tag;
}

/** The `lang` attribute for a content language (`sv-x-plain` is Swedish to screen readers). */
export function htmlLang(tag: string): string {
  return tag === PLAIN_SWEDISH ? 'sv' : tag;
}

/** Course text in its own language and direction, inside an interface in the UI language. */
export function Content({
  lang,
  as = 'div',
  className,
  children,
}: {
  lang: string;
  as?: 'div' | 'span' | 'article' | 'li';
  className?: string;
  children: ReactNode;
}) {
  const Tag = as;
  return (
    <Tag lang={htmlLang(lang)} dir={direction(lang)} className={className}>
      {children}
    </Tag>
  );
}

/**
 * The one <h1> of a learning page, possibly in the content language; sets the document title and,
 * after a client-side navigation, moves focus to the heading so screen readers announce the page.
 */
export function LearningPage({
  title,
  titleLang,
  children,
}: {
  title: string;
  titleLang?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.titleSuffix')}`;
  }, [title, t]);
  useEffect(() => {
    if (!isLandingEntry()) heading.current?.focus();
  }, []);
  return (
    <>
      <h1
        className="ds-heading page-title"
        data-size="lg"
        tabIndex={-1}
        ref={heading}
        lang={titleLang ? htmlLang(titleLang) : undefined}
        dir={titleLang ? direction(titleLang) : undefined}
      >
        {title}
      </h1>
      {children}
    </>
  );
}

/** The learning trail, through the one breadcrumb component (course titles keep their language). */
export function Breadcrumbs({ items }: { items: { to: string; label: string; lang?: string }[] }) {
  return (
    <TrailBreadcrumbs
      items={items.map((i) => ({ to: i.to, label: i.label, ...(i.lang ? { lang: htmlLang(i.lang) } : {}) }))}
    />
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const id = useId();
  return (
    <div className="learning-progress">
      <label htmlFor={id} className="learning-progress-label">
        {label}
      </label>
      <progress id={id} max={100} value={percent}>
        {percent} %
      </progress>
    </div>
  );
}

/** Where the learner's activity stands: waiting on the device, being sent, or all saved. */
export function SyncStatus() {
  const { t } = useTranslation();
  const s = useSyncState();
  let message: string;
  let tone: 'success' | 'info' | 'warning' = 'success';
  if (s.pending > 0) {
    tone = s.online ? 'info' : 'warning';
    message = s.syncing
      ? t('learning.sync.sending', { count: s.pending })
      : s.online
        ? t('learning.sync.pending', { count: s.pending })
        : t('learning.sync.pendingOffline', { count: s.pending });
  } else {
    message = s.online ? t('learning.sync.allSaved') : t('learning.sync.allSavedOffline');
    tone = s.online ? 'success' : 'warning';
  }
  return (
    // The learner's own state: not in the installed app's copy of a lesson (lesson-snapshot.ts).
    <div className="sync-status" data-tone={tone} data-testid="sync-status" data-personal>
      <p className="ds-paragraph" data-size="sm" role="status" aria-live="polite">
        <span aria-hidden="true" className="sync-icon">
          {s.pending > 0 ? (s.online ? '↻' : '⏸') : '✓'}
        </span>
        {message}
        {s.rejected > 0 ? ` ${t('learning.sync.rejected', { count: s.rejected })}` : ''}
      </p>
      {s.pending > 0 && s.online && !s.syncing ? (
        <button type="button" className="ds-button" data-variant="tertiary" onClick={() => void syncNow()}>
          {t('learning.sync.sendNow')}
        </button>
      ) : null}
    </div>
  );
}

/** Shown when a page is built from the copy saved on the device. */
export function OfflineNote({ savedAt }: { savedAt: string }) {
  const { t } = useTranslation();
  const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(savedAt),
  );
  return (
    <div className="ds-alert" data-color="info">
      <p className="ds-paragraph">{t('learning.offlineCopy', { time })}</p>
    </div>
  );
}

/**
 * The one control for the course language, wherever a learner picks it (my learning, a course, a
 * lesson). Its label and hint tell it apart from the website's language in the header.
 */
export function CourseLanguageControl({
  languages,
  value,
  onChange,
}: {
  languages: readonly string[];
  value: string;
  onChange: (lang: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [saved, setSaved] = useState(false);
  const options = languages.includes(value) ? languages : [value, ...languages];
  return (
    <div className="field language-picker">
      <label className="ds-label" htmlFor={id}>
        {t('learning.contentLanguage')}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('learning.contentLanguageHint')}
      </p>
      <select
        id={id}
        className="ds-input"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          onChange(e.target.value);
          setSaved(true);
        }}
      >
        {options.map((l) => (
          <option key={l} value={l} lang={htmlLang(l)}>
            {languageName(l)}
          </option>
        ))}
      </select>
      {languages.includes(value) ? null : (
        <p className="field-hint">{t('learning.languageMissing', { language: languageName(value) })}</p>
      )}
      <p className="field-hint" role="status">
        {saved ? t('learning.contentLanguageSaved') : ''}
      </p>
    </div>
  );
}

export function LessonMarkdown({ body }: { body: MdTree }) {
  return (
    <div className="lesson-body prose">
      <Markdown tree={body} />
    </div>
  );
}

/** Seconds the page has been visible since it opened (time in a background tab does not count). */
export function useActiveSeconds(resetKey: string) {
  const started = useRef(0);
  const total = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: restarts when the lesson or quiz changes
  useEffect(() => {
    total.current = 0;
    started.current = document.visibilityState === 'visible' ? performance.now() : 0;
    const onVisibility = () => {
      if (document.visibilityState === 'visible') started.current = performance.now();
      else if (started.current) {
        total.current += performance.now() - started.current;
        started.current = 0;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [resetKey]);
  return () =>
    Math.max(
      1,
      Math.round((total.current + (started.current ? performance.now() - started.current : 0)) / 1000),
    );
}

/** Re-renders when the browser goes on- or offline. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}
