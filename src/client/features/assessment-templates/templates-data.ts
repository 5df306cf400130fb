import { useQuery } from '@tanstack/react-query';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { TemplateDetails, TemplateList } from '../../../shared/contracts/assessments.ts';
import type { Me } from '../../../shared/contracts/auth.ts';
import { api } from '../../lib/api.ts';

/** The same key as the round form's template list, so that a new version shows up there at once. */
export const templatesKey = ['assessment-templates'] as const;
export const templateKey = (id: string) => ['assessment-templates', id] as const;

export const useTemplates = () =>
  useQuery({ queryKey: templatesKey, queryFn: () => api.get('/assessment-templates', TemplateList) });

export const useTemplate = (id: string | undefined) =>
  useQuery({
    queryKey: templateKey(id ?? ''),
    queryFn: () => api.get(`/assessment-templates/${id}`, TemplateDetails),
    enabled: Boolean(id),
  });

const ownerKinds = new Set(['nation', 'region', 'association']);

/** The organisations the person may create templates for: the nation, a region or an association. */
export const templateOwners = (me: Me | null | undefined) =>
  me ? scopeAt(scopeFor(me, 'assessment.template'), ownerKinds) : [];
