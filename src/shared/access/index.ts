export * from './api-scopes.ts';
export * from './authorize.ts';
export * from './people-search.ts';
export * from './permissions.ts';
export * from './provisioning-roles.ts';
export * from './requirements.ts';
export * from './scope.ts';
export * from './support.ts';
