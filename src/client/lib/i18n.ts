import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type UiLanguage, uiLanguages } from '../../shared/contracts/common.ts';
import { en } from '../../shared/i18n/en.ts';
import { sv } from '../../shared/i18n/sv.ts';

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

const initial = rememberedLanguage();
applyLanguage(initial);

void i18next.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'sv';
}

/** Switches the UI language and remembers it (localStorage and the vn_lang cookie). */
export async function setLanguage(lang: UiLanguage) {
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
