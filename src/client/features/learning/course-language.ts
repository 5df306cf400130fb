/**
 * The device's copy of the account's course language (`vn_course_lang`), with whose account it is. The
 * account (`/me`) decides; the copy lets a lesson ask for its text in the right language before `/me`
 * has answered (see landing.ts), and keeps the choice offline. Part of the main bundle: keep it tiny.
 */
const KEY = 'vn_course_lang';

export interface DeviceCourseLanguage {
  userId: string;
  lang: string;
}

export function readDeviceCourseLanguage(): DeviceCourseLanguage | null {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DeviceCourseLanguage> | null;
    return v && typeof v.userId === 'string' && typeof v.lang === 'string'
      ? { userId: v.userId, lang: v.lang }
      : null;
  } catch {
    return null;
  }
}

const listeners = new Set<() => void>();

export function writeDeviceCourseLanguage(value: DeviceCourseLanguage | null) {
  try {
    if (value) localStorage.setItem(KEY, JSON.stringify(value));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the account still remembers it.
  }
  for (const l of listeners) l();
}

export function subscribeDeviceCourseLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language a page on this device asks for before it knows the account: the copy, else the UI's. */
export function guessCourseLanguage(): string {
  return readDeviceCourseLanguage()?.lang ?? (document.documentElement.lang === 'en' ? 'en' : 'sv');
}
