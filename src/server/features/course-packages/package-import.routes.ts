import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CourseIdParams } from '../../../shared/contracts/authoring.ts';
import {
  CourseImportFields,
  CourseImportResult,
  PackageProblem,
  packageUploadDescription,
} from '../../../shared/contracts/course-import.ts';
import { issueCode } from '../../../shared/i18n/issue-code.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { problems } from '../../lib/route-schema.ts';
import { PACKAGE_ZIP_LIMITS } from '../../lib/safe-zip.ts';
import { refuseNul } from '../../plugins/nul-in-body.ts';
import { actorOf, requireUser } from '../../plugins/session.ts';
import { importCourse, type PackageUpload, replacePackage } from './package-import.service.ts';
import { tooLargePackage } from './package-read.ts';

const fileRequired = () => new AppError(400, 'file_required', [{ path: 'body.file', code: 'required' }]);

/**
 * The package (`file`) and the form fields of a multipart request, in whatever order they come. The
 * package limit replaces the app's 10 MiB one for this field only.
 */
async function readUpload(req: FastifyRequest): Promise<PackageUpload> {
  if (!req.isMultipart()) throw fileRequired();
  const values: Record<string, string> = {};
  let content: Buffer | null = null;
  const parts = req.parts({ limits: { fileSize: PACKAGE_ZIP_LIMITS.maxZipBytes, files: 1, fields: 10 } });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') content = data;
      } else if (typeof part.value === 'string' && part.value.trim() !== '') {
        values[part.fieldname] ??= part.value.trim();
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLargePackage();
    throw err;
  }
  if (!content?.length) throw fileRequired();
  refuseNul(values);
  const parsed = CourseImportFields.safeParse(values, { reportInput: true });
  if (!parsed.success)
    throw new AppError(
      400,
      'validation_failed',
      parsed.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        code: issueCode(issue, { value: issue.input }),
      })),
    );
  return { content, fields: parsed.data };
}

export const packageImportRoutes =
  (deps: { db: Db }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['authoring'];
    const { db } = deps;
    app.addHook('preHandler', requireUser);

    app.post(
      '/courses/import',
      {
        schema: {
          tags,
          summary:
            'Import a SCORM 1.2, SCORM 2004 or cmi5 package as a published course (course.author on the owner). ' +
            `${packageUploadDescription}. Fields: \`ownerOrganisationId\` (an API client's own organisation, ` +
            'or the only one a person authors for, when left out) and `track` (default `staff`)',
          consumes: ['multipart/form-data'],
          multipart: { fields: CourseImportFields },
          response: {
            201: CourseImportResult,
            ...problems(401, 403, 404),
            400: PackageProblem,
            413: PackageProblem,
          },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        return reply.status(201).send(await importCourse(db, actorOf(req), upload));
      },
    );

    app.post(
      '/courses/:id/package',
      {
        schema: {
          tags,
          summary:
            "Replace an imported course's package with a new one, published as the next version; modules keep " +
            `their keys where the SCO or AU identifiers match. ${packageUploadDescription}; 409 ` +
            '`course_not_imported` for a course written here. Field: `track` (default: unchanged)',
          consumes: ['multipart/form-data'],
          multipart: { fields: CourseImportFields },
          params: CourseIdParams,
          response: {
            201: CourseImportResult,
            ...problems(401, 403, 404, 409),
            400: PackageProblem,
            413: PackageProblem,
          },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        return reply.status(201).send(await replacePackage(db, actorOf(req), req.params.id, upload));
      },
    );
  };
