export * from './authorize.ts';
export * from './permissions.ts';
