import svCore from 'virtual:vn-strings/sv/core';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../shared/contracts/common.ts';
import { uiLanguages } from '../../shared/i18n/ui-languages.ts';

const STORAGE_KEY = 'vn_lang';

function isUiLanguage(v: unknown): v is UiLanguage {
  return typeof v === 'string' && (uiLanguages as readonly string[]).includes(v);
}

/** The remembered language: localStorage first, then the cookie, else Swedish. */
function rememberedLanguage(): UiLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked; fall through.
  }
  const cookie = document.cookie.match(/(?:^|;\s*)vn_lang=([a-z]{2})/)?.[1];
  return isUiLanguage(cookie) ? cookie : 'sv';
}

function applyLanguage(lang: UiLanguage) {
  document.documentElement.lang = lang;
  // The server localises problem+json from this cookie (the Cookie Store API is not in every browser).
  // biome-ignore lint/suspicious/noDocumentCookie: a plain, non-sensitive preference cookie
  document.cookie = `vn_lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Ignore: the cookie still remembers it.
  }
}

/**
 * Swedish, the language of most users, comes in two parts: what the main bundle and the learner's pages
 * need is in the main bundle; the rest (the management pages' strings) is a chunk of its own, loaded
 * at once but awaited only by pages outside learning (split at build time, see vite.config.ts).
 * English (~35 kB gzipped) is a chunk of its own, fetched only by those who use it. The service worker
 * precaches every chunk for offline use.
 */
const bundles: Record<UiLanguage, () => Promise<Record<string, unknown>>> = {
  sv: () => import('virtual:vn-strings/sv/rest').then((m) => m.default),
  en: () => import('../../shared/i18n/en.ts').then((m) => m.en),
};

const loading: Partial<Record<UiLanguage, Promise<void>>> = {};

function ensureBundle(lang: UiLanguage): Promise<void> {
  loading[lang] ??= bundles[lang]().then(
    (strings) => {
      i18next.addResourceBundle(lang, 'translation', strings, true, true);
    },
    (err: unknown) => {
      loading[lang] = undefined;
      throw err;
    },
  );
  return loading[lang];
}

/** A lesson opened directly renders with the core strings; everything else waits for all of them. */
const learnerEntry = /^\/utbildning(\/|$)/.test(window.location.pathname);

const initial = rememberedLanguage();
applyLanguage(initial);

/** Resolves when the UI's strings are loaded; render after it. */
export const i18nReady: Promise<void> = i18next
  .use(initReactI18next)
  .init({
    resources: {},
    lng: initial,
    // Every language has every key (en.ts is typed by sv.ts), so there is nothing to fall back to.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // Pages re-render when the rest of the strings arrive (a learner moving on before they have).
    react: { bindI18nStore: 'added' },
  })
  .then(() => {
    i18next.addResourceBundle('sv', 'translation', svCore, true, true);
    if (initial === 'sv' && learnerEntry) {
      // Pages outside learning ask for the rest when they load (allStrings); otherwise it comes well
      // after the lesson is on screen, so that parsing it does not compete with the first render.
      const later = () => setTimeout(() => void allStrings().catch(() => undefined), 5000);
      if (document.readyState === 'complete') later();
      else window.addEventListener('load', later, { once: true });
      return undefined;
    }
    return ensureBundle(initial);
  })
  .then(() => i18next.changeLanguage(initial))
  .then(() => undefined);

/** Resolves when every string of the UI language is loaded (a page outside learning awaits it). */
export function allStrings(): Promise<void> {
  return ensureBundle(currentLanguage());
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'sv';
}

/** Switches the UI language and remembers it (localStorage and the vn_lang cookie). */
export async function setLanguage(lang: UiLanguage) {
  await ensureBundle(lang);
  applyLanguage(lang);
  await i18next.changeLanguage(lang);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
  }).format(d);
}

export default i18next;
