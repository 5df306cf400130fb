export * from './audit.ts';
export * from './auth.ts';
export * from './imports.ts';
export * from './learning.ts';
export * from './mail.ts';
export * from './organisations.ts';
export * from './people.ts';
export * from './study-groups.ts';
