import { z } from 'zod';
import { CsrfToken } from '../../../shared/contracts/auth.ts';
import {
  AuthoringCourseList,
  AuthoringOwnerList,
  CourseDraftView,
  type CreateCourse,
  type DraftContent,
  PublishResult,
} from '../../../shared/contracts/authoring.ts';
import { Problem } from '../../../shared/contracts/common.ts';
import { CourseImportResult, PackageProblem } from '../../../shared/contracts/course-import.ts';
import { API, ApiError, api } from '../../lib/api.ts';

export const authoringKeys = {
  list: ['authoring', 'courses'] as const,
  owners: ['authoring', 'owners'] as const,
  draft: (id: string) => ['authoring', 'draft', id] as const,
};

export const fetchAuthoringCourses = () => api.get('/authoring/courses', AuthoringCourseList);
export const fetchOwners = () => api.get('/authoring/owners', AuthoringOwnerList);
export const fetchDraft = (id: string) => api.get(`/courses/${id}/draft`, CourseDraftView);
export const createCourse = (input: CreateCourse) => api.post('/courses', CourseDraftView, input);
export const publishCourse = (id: string, updatedAt: string) =>
  api.post(`/courses/${id}/publish`, PublishResult, { updatedAt });

/** PUT of the whole draft (the shared client has no PUT; the CSRF token is fetched the same way). */
export async function saveDraft(id: string, updatedAt: string, content: DraftContent) {
  const { token } = await api.get('/auth/csrf', CsrfToken);
  let res: Response;
  try {
    res = await fetch(`${API}/courses/${id}/draft`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': token },
      body: JSON.stringify({ updatedAt, content }),
    });
  } catch {
    throw new ApiError(0, null, 'network_error');
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = Problem.safeParse(json);
    throw new ApiError(
      res.status,
      problem.success ? problem.data : null,
      problem.success ? problem.data.title : `HTTP ${res.status}`,
    );
  }
  return CourseDraftView.parse(json);
}

/**
 * A refused package: the problem with what the shared client drops, the zip check (`zipProblem`) or the
 * cmi5 requirement (`violatedRequirement`) that refused it, so the author can be told what to fix.
 */
type RefusedPackage = z.infer<typeof PackageProblem>;

export class PackageUploadError extends ApiError {
  readonly packageProblem: RefusedPackage | null;
  constructor(status: number, problem: RefusedPackage | null) {
    super(status, problem, problem?.title ?? `HTTP ${status}`);
    this.packageProblem = problem;
  }
}

/** POST of a package (multipart, CSRF token as the shared client sends it), its problem read whole. */
async function uploadPackage(path: string, body: FormData): Promise<CourseImportResult> {
  const { token } = await api.get('/auth/csrf', CsrfToken);
  let res: Response;
  try {
    res = await fetch(`${API}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-CSRF-Token': token },
      body,
    });
  } catch {
    throw new ApiError(0, null, 'network_error');
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = PackageProblem.safeParse(json);
    throw new PackageUploadError(res.status, problem.success ? problem.data : null);
  }
  return CourseImportResult.parse(json);
}

export const importCoursePackage = (body: FormData) => uploadPackage('/courses/import', body);
export const replaceCoursePackage = (id: string, body: FormData) =>
  uploadPackage(`/courses/${id}/package`, body);

export const KeyPattern = z.string().regex(/^[a-z0-9-]{1,80}$/);
