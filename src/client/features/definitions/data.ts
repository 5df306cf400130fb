import { DefinitionDetail, DefinitionList } from '../../../shared/contracts/definitions.ts';
import { api, qs } from '../../lib/api.ts';

export const definitionsKey = ['definitions'] as const;

export const fetchDefinitions = () => api.get('/definitions', DefinitionList);

export const fetchDefinition = (key: string, owner: string | null) =>
  api.get(`/definitions/${encodeURIComponent(key)}${qs({ owner })}`, DefinitionDetail);

/** The anchor of a term on /begrepp: its key, so `<DefinitionLink>` and shared links find it. */
export const anchorOf = (key: string) => key;

export const historyPath = (key: string, ownerId: string) =>
  `/begrepp/${encodeURIComponent(key)}${qs({ owner: ownerId })}`;
