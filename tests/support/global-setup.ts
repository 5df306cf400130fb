import type { TestProject } from 'vitest/node';
import { buildTemplate } from './template-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await buildTemplate();
  project.provide('dbTemplate', template.name);
  return template.teardown;
}
