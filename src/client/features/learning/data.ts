import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Me } from '../../../shared/contracts/auth.ts';
import type { CourseLanguageChoice } from '../../../shared/contracts/course-language.ts';
import type {
  CertificateView,
  CourseDetail,
  CourseList,
  EnrolmentResult,
  MyLearning,
} from '../../../shared/contracts/learning.ts';
import { ApiError, api, checkedByServer, qs } from '../../lib/api.ts';
import { getValue, putValue } from '../../lib/offline/db.ts';
import { meKey, useMe } from '../../lib/session.ts';
import {
  readDeviceCourseLanguage,
  subscribeDeviceCourseLanguage,
  writeDeviceCourseLanguage,
} from './course-language.ts';
import { takeEarlyCourse } from './landing.ts';

// The learner's pages take the server's answers as the contracts' types, unparsed (api.ts, checkedByServer).
type Certificate = z.infer<typeof CertificateView>;

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

/**
 * The course language: the account's choice (`/me`), else the device's copy of it (before `/me` has
 * answered, or offline), else the interface language. Choosing saves it on the account and the device.
 */
export function useContentLanguage(): [string, (lang: string) => void] {
  const { i18n } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const device = useSyncExternalStore(subscribeDeviceCourseLanguage, readDeviceRaw);
  const userId = me.data?.id;
  const account = me.data?.courseLanguage;
  const copy = parseDevice(device);
  const mine = copy && (!userId || copy.userId === userId) ? copy.lang : null;
  const lang = (account !== undefined ? account : mine) ?? (i18n.language === 'en' ? 'en' : 'sv');

  // Another device may have changed the account's choice: follow it here too.
  useEffect(() => {
    if (userId && account !== undefined && account !== mine) {
      writeDeviceCourseLanguage(account ? { userId, lang: account } : null);
    }
  }, [userId, account, mine]);

  const set = useCallback(
    (next: string) => {
      if (!userId) return;
      writeDeviceCourseLanguage({ userId, lang: next });
      qc.setQueryData<Me | null>(meKey, (m) => (m ? { ...m, courseLanguage: next } : m));
      // Offline the device's copy keeps the choice; the account learns it at the next choice online.
      void api
        .put('/me/course-language', checkedByServer<CourseLanguageChoice>(), { language: next })
        .catch(() => undefined);
    },
    [userId, qc],
  );
  return [lang, set];
}

const readDeviceRaw = () => JSON.stringify(readDeviceCourseLanguage());
const parseDevice = (raw: string) => JSON.parse(raw) as ReturnType<typeof readDeviceCourseLanguage>;

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
      networkThenDevice(
        () => api.get(`/me/learning${qs({ lang })}`, checkedByServer<z.infer<typeof MyLearning>>()),
        'progress',
        [`${userId}:${lang}`, `${userId}:sv`],
      ),
  });
}

export function useCourses(lang: string) {
  return useQuery({
    queryKey: learningKeys.courses(lang),
    queryFn: () => api.get(`/courses${qs({ lang })}`, checkedByServer<z.infer<typeof CourseList>>()),
    retry: false,
    staleTime: 60_000,
  });
}

const courseKeys = (userId: string, id: string, lang: string) => [
  `${userId}:${id}:${lang}`,
  `${userId}:${id}:sv`,
];

const fetchCourse = (userId: string, id: string, lang: string) =>
  networkThenDevice(
    () =>
      takeEarlyCourse(id, lang) ?? api.get(`/courses/${id}${qs({ lang })}`, checkedByServer<CourseDetail>()),
    'content',
    courseKeys(userId, id, lang),
  );

export function useCourse(id: string, lang: string) {
  const me = useMe();
  const userId = me.data?.id ?? '';
  const queryKey = learningKeys.course(userId, id, lang);
  return useQuery({
    queryKey,
    enabled: !!userId,
    ...offlineQuery,
    staleTime: 5 * 60_000,
    // Choosing another language keeps the page (and its language control) while the new text comes.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === id ? previous : undefined),
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
    mutationFn: (courseId: string) =>
      api.post('/enrolments', checkedByServer<z.infer<typeof EnrolmentResult>>(), { courseId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['learning'] }),
  });
}

export function useIssueCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) =>
      api.post(`/enrolments/${enrolmentId}/certificate`, checkedByServer<Certificate>(), {}),
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
        return await api.get(
          `/certificates/${encodeURIComponent(code)}${qs({ lang })}`,
          checkedByServer<Certificate>(),
        );
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return null;
        throw err;
      }
    },
  });
}
