import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CourseImportFields } from '../../../shared/contracts/course-import.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  describedBy,
  FieldFrame,
  useContractForm,
} from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { authoringKeys, importCoursePackage } from './data.ts';
import { ownerOptions } from './editor-fields.tsx';
import { packageProblemText } from './package-problem.tsx';

/** The server takes a zipped package up to 100 MiB (PACKAGE_ZIP_LIMITS); larger ones are refused here. */
export const PACKAGE_MAX_MB = 100;
const PACKAGE_MAX_BYTES = PACKAGE_MAX_MB * 1024 * 1024;
/** SCORM and cmi5 zips, and a bare cmi5.xml whose AUs are hosted elsewhere. */
export const PACKAGE_TYPES =
  '.zip,.xml,application/zip,application/x-zip-compressed,text/xml,application/xml';

type Owner = { id: string; name: string; visibility: 'national' | 'region' | 'municipality' };

/**
 * Import a SCORM 1.2, SCORM 2004 or cmi5 package as a published course (issue 18): the package, the
 * owner (asked only of authors with more than one) and the target group. A refused package's reasons
 * show at the file field; the new course's page opens after the import.
 */
export function ImportCourseForm({ owners }: { owners: Owner[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const cf = useContractForm(CourseImportFields, {
    id: 'import-course',
    defaultValues: { ownerOrganisationId: owners[0]?.id, track: 'staff' },
    labels: {
      file: t('authoring.packages.file'),
      ownerOrganisationId: t('authoring.owner'),
      track: t('authoring.track'),
    },
    onSubmit: async (values, { fail }) => {
      const file = fileInput.current?.files?.[0] ?? null;
      if (!file) return fail({ file: t('authoring.packages.chooseFile') });
      // Checked before sending a hundred megabytes for nothing; the server checks it again.
      if (file.size > PACKAGE_MAX_BYTES)
        return fail({ file: t('authoring.packages.tooLarge', { mb: PACKAGE_MAX_MB }) });
      const body = new FormData();
      body.append('file', file);
      if (values.ownerOrganisationId) body.append('ownerOrganisationId', values.ownerOrganisationId);
      if (values.track) body.append('track', values.track);
      try {
        const result = await importCoursePackage(body);
        await qc.invalidateQueries({ queryKey: authoringKeys.list });
        await qc.invalidateQueries({ queryKey: ['courses'] });
        navigate(`/forfatta/kurser/${result.courseId}`);
      } catch (err) {
        const refused = packageProblemText(err, t);
        if (refused === null) throw err;
        fail({ file: refused });
      }
    },
  });

  const fileId = cf.fieldId('file');
  const fileError = cf.errorFor('file');

  return (
    <Section title={t('authoring.packages.importTitle')} id="authoring-import">
      <p className="ds-paragraph">{t('authoring.packages.importLead')}</p>
      <form onSubmit={cf.onSubmit} noValidate className="form">
        {cf.summary}
        <FieldFrame
          id={fileId}
          label={cf.label('file')}
          hint={t('authoring.packages.fileHint', { mb: PACKAGE_MAX_MB })}
          error={fileError}
          required
        >
          <input
            ref={fileInput}
            id={fileId}
            name="file"
            className="file-input"
            type="file"
            accept={PACKAGE_TYPES}
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy(fileId, true, fileError)}
          />
        </FieldFrame>
        {owners.length > 1 ? (
          <ContractSelectField
            cf={cf}
            name="ownerOrganisationId"
            hint={t('authoring.ownerHint')}
            required
            options={ownerOptions(owners, t)}
          />
        ) : null}
        <ContractSelectField
          cf={cf}
          name="track"
          required
          options={(['staff', 'managers', 'coordinators'] as const).map((v) => ({
            value: v,
            label: t(`authoring.tracks.${v}`),
          }))}
        />
        <SubmitButton
          busy={cf.busy}
          label={t('authoring.packages.submit')}
          busyLabel={t('authoring.packages.importing')}
        />
      </form>
    </Section>
  );
}
