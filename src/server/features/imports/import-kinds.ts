import { contractImportKind } from './contract-import.kind.ts';
import type { ImportKind } from './import-kind.ts';
import { staffImportKind } from './staff-import.kind.ts';

/** Every kind of import the pipeline runs, by the `kind` its jobs are stored with. */
export const importKinds = {
  staff: staffImportKind,
  contracts: contractImportKind,
} satisfies Record<string, ImportKind<never>>;
