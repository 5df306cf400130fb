import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CertificateView,
  CourseDetail,
  CourseList,
  EnrolmentResult,
  MyLearning,
} from '../../../shared/contracts/learning.ts';
import { ApiError, api, qs } from '../../lib/api.ts';
import { getValue, putValue } from '../../lib/offline/db.ts';
import { useMe } from '../../lib/session.ts';

/** An answer that may come from the device's store instead of the server (when offline). */
export interface Stored<T> {
  data: T;
  /** True when the server could not be reached and the last saved copy is shown. */
  offline: boolean;
  savedAt: string;
}

interface Saved<T> {
  savedAt: string;
  data: T;
}

const isNetworkError = (err: unknown) => err instanceof ApiError && err.status === 0;

/**
 * Fetches from the server and saves a copy on the device; without network, answers with the copy.
 * Runs even when the browser says it is offline (networkMode 'always'), because the copy is the point.
 */
async function networkThenDevice<T>(
  fetcher: () => Promise<T>,
  store: 'content' | 'progress',
  keys: string[],
): Promise<Stored<T>> {
  try {
    const data = await fetcher();
    const savedAt = new Date().toISOString();
    await putValue(store, { savedAt, data } satisfies Saved<T>, keys[0]).catch(() => undefined);
    return { data, offline: false, savedAt };
  } catch (err) {
    if (!isNetworkError(err)) throw err;
    for (const key of keys) {
      const saved = await getValue<Saved<T>>(store, key).catch(() => undefined);
      if (saved) return { data: saved.data, offline: true, savedAt: saved.savedAt };
    }
    throw err;
  }
}

const offlineQuery = { networkMode: 'always' as const, retry: false, staleTime: 30_000 };

/** The content language the learner picked, remembered per user on this device. */
const LANGUAGE_KEY = (userId: string) => `vn_course_lang:${userId}`;
const languageListeners = new Set<() => void>();

export function useContentLanguage(): [string, (lang: string) => void] {
  const { i18n } = useTranslation();
  const me = useMe();
  const userId = me.data?.id ?? 'anonymous';
  const read = useCallback(() => {
    try {
      return localStorage.getItem(LANGUAGE_KEY(userId));
    } catch {
      return null;
    }
  }, [userId]);
  const stored = useSyncExternalStore((cb) => {
    languageListeners.add(cb);
    return () => languageListeners.delete(cb);
  }, read);
  const set = useCallback(
    (lang: string) => {
      try {
        localStorage.setItem(LANGUAGE_KEY(userId), lang);
      } catch {
        // Storage blocked: the choice lasts until reload.
      }
      for (const l of languageListeners) l();
    },
    [userId],
  );
  return [stored ?? (i18n.language === 'en' ? 'en' : 'sv'), set];
}

export const learningKeys = {
  mine: (userId: string, lang: string) => ['learning', 'mine', userId, lang] as const,
  courses: (lang: string) => ['learning', 'courses', lang] as const,
  course: (userId: string, id: string, lang: string) => ['learning', 'course', userId, id, lang] as const,
};

export function useMyLearning(lang: string) {
  const me = useMe();
  const userId = me.data?.id ?? '';
  return useQuery({
    queryKey: learningKeys.mine(userId, lang),
    enabled: !!userId,
    ...offlineQuery,
    queryFn: () =>
      networkThenDevice(() => api.get(`/me/learning${qs({ lang })}`, MyLearning), 'progress', [
        `${userId}:${lang}`,
        `${userId}:sv`,
      ]),
  });
}

export function useCourses(lang: string) {
  return useQuery({
    queryKey: learningKeys.courses(lang),
    queryFn: () => api.get(`/courses${qs({ lang })}`, CourseList),
    retry: false,
    staleTime: 60_000,
  });
}

const fetchCourse = (userId: string, id: string, lang: string) =>
  networkThenDevice(() => api.get(`/courses/${id}${qs({ lang })}`, CourseDetail), 'content', [
    `${userId}:${id}:${lang}`,
    `${userId}:${id}:sv`,
  ]);

export function useCourse(id: string, lang: string) {
  const me = useMe();
  const userId = me.data?.id ?? '';
  return useQuery({
    queryKey: learningKeys.course(userId, id, lang),
    enabled: !!userId,
    ...offlineQuery,
    staleTime: 5 * 60_000,
    queryFn: () => fetchCourse(userId, id, lang),
  });
}

/** Stores the content of enrolled courses on the device in the background, so they open offline. */
export function usePrefetchCourses() {
  const qc = useQueryClient();
  const me = useMe();
  return useCallback(
    (courses: { id: string; lang: string }[]) => {
      const userId = me.data?.id;
      if (!userId || !navigator.onLine) return;
      for (const c of courses.slice(0, 10)) {
        void qc.prefetchQuery({
          queryKey: learningKeys.course(userId, c.id, c.lang),
          queryFn: () => fetchCourse(userId, c.id, c.lang),
          staleTime: 5 * 60_000,
          networkMode: 'always',
          retry: false,
        });
      }
    },
    [qc, me.data?.id],
  );
}

export function useEnrol() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => api.post('/enrolments', EnrolmentResult, { courseId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['learning'] }),
  });
}

export function useIssueCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      api.post(`/enrolments/${enrolmentId}/certificate`, CertificateView, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['learning', 'mine'] }),
  });
}

/** A public certificate by code: the certificate, or null when no such certificate exists. */
export function useVerifyCertificate(code: string, lang: string) {
  return useQuery({
    queryKey: ['certificate', code, lang],
    enabled: !!code,
    retry: false,
    queryFn: async () => {
      try {
        return await api.get(`/certificates/${encodeURIComponent(code)}${qs({ lang })}`, CertificateView);
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
        throw err;
      }
    },
  });
}
