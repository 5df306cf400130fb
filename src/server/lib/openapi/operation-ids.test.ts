import { describe, expect, it } from 'vitest';
import { derivedOperationId, operationIdOf } from './operation-ids.ts';

describe('operationIds from method and path', () => {
  it('lists and creates on a collection, gets, updates, replaces and deletes one item', () => {
    expect(derivedOperationId('GET', '/api/v1/initiatives')).toBe('listInitiatives');
    expect(derivedOperationId('POST', '/api/v1/initiatives')).toBe('createInitiative');
    expect(derivedOperationId('GET', '/api/v1/initiatives/{id}')).toBe('getInitiative');
    expect(derivedOperationId('PATCH', '/api/v1/initiatives/{id}')).toBe('updateInitiative');
    expect(derivedOperationId('PUT', '/api/v1/suppliers/{id}')).toBe('replaceSupplier');
    expect(derivedOperationId('DELETE', '/api/v1/products/{id}')).toBe('deleteProduct');
  });

  it('names nested items after their parents, made singular where an id follows', () => {
    expect(derivedOperationId('POST', '/api/v1/initiatives/{id}/milestones')).toBe(
      'createInitiativeMilestone',
    );
    expect(derivedOperationId('DELETE', '/api/v1/initiatives/{id}/risks/{childId}')).toBe(
      'deleteInitiativeRisk',
    );
    expect(derivedOperationId('GET', '/api/v1/municipalities/{code}/technologies')).toBe(
      'listMunicipalityTechnologies',
    );
    expect(derivedOperationId('GET', '/api/v1/people/{id}')).toBe('getPerson');
  });

  it('takes the verb of an action, and gets what is not a collection', () => {
    expect(derivedOperationId('POST', '/api/v1/needs/{id}/prioritise')).toBe('prioritiseNeed');
    expect(derivedOperationId('POST', '/api/v1/cases/{id}/withdraw')).toBe('withdrawCase');
    expect(derivedOperationId('GET', '/api/v1/system')).toBe('getSystem');
  });

  it('prefers the route’s own name, then the table', () => {
    expect(operationIdOf('GET', '/api/v1/initiatives', 'findInitiatives')).toBe('findInitiatives');
    expect(operationIdOf('GET', '/api/v1/auth/csrf')).toBe('getCsrfToken');
    expect(operationIdOf('GET', '/api/open/v1/municipalities.csv')).toBe('getOpenMunicipalitiesCsv');
  });
});
