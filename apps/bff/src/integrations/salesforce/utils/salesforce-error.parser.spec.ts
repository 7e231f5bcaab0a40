import { describe, expect, it } from 'vitest';
import { NotFoundError, ProviderError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { classifySalesforceError, toSalesforceError } from './salesforce-error.parser';

describe('classifySalesforceError', () => {
  it.each([
    ['REQUEST_LIMIT_EXCEEDED', ErrorCategory.RATE_LIMITED, 'SALESFORCE_RATE_LIMITED'],
    ['ERROR_HTTP_429', ErrorCategory.RATE_LIMITED, 'SALESFORCE_RATE_LIMITED'],
    ['ERROR_HTTP_420', ErrorCategory.RATE_LIMITED, 'SALESFORCE_RATE_LIMITED'],
    ['UNABLE_TO_LOCK_ROW', ErrorCategory.TEMPORARY, 'SALESFORCE_TEMPORARY'],
    ['SERVER_UNAVAILABLE', ErrorCategory.TEMPORARY, 'SALESFORCE_TEMPORARY'],
    ['ERROR_HTTP_503', ErrorCategory.TEMPORARY, 'SALESFORCE_TEMPORARY'],
    ['ECONNRESET', ErrorCategory.TEMPORARY, 'SALESFORCE_TEMPORARY'],
    ['ECONNREFUSED', ErrorCategory.TEMPORARY, 'SALESFORCE_TEMPORARY'],
    ['INVALID_SESSION_ID', ErrorCategory.UNAUTHORIZED, 'SALESFORCE_UNAUTHORIZED'],
    ['invalid_grant', ErrorCategory.UNAUTHORIZED, 'SALESFORCE_UNAUTHORIZED'],
    ['invalid_client_id', ErrorCategory.UNAUTHORIZED, 'SALESFORCE_UNAUTHORIZED'],
    ['INSUFFICIENT_ACCESS', ErrorCategory.FORBIDDEN, 'SALESFORCE_FORBIDDEN'],
    ['NOT_FOUND', ErrorCategory.NOT_FOUND, 'SALESFORCE_NOT_FOUND'],
    ['ENTITY_IS_DELETED', ErrorCategory.NOT_FOUND, 'SALESFORCE_NOT_FOUND'],
    ['ERROR_HTTP_404', ErrorCategory.NOT_FOUND, 'SALESFORCE_NOT_FOUND'],
    ['REQUIRED_FIELD_MISSING', ErrorCategory.VALIDATION, 'SALESFORCE_REJECTED'],
    ['FIELD_INTEGRITY_EXCEPTION', ErrorCategory.VALIDATION, 'SALESFORCE_REJECTED'],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', ErrorCategory.VALIDATION, 'SALESFORCE_REJECTED'],
    ['MALFORMED_QUERY', ErrorCategory.UNKNOWN, 'SALESFORCE_INVALID_REQUEST'],
    ['INVALID_FIELD', ErrorCategory.UNKNOWN, 'SALESFORCE_INVALID_REQUEST'],
    ['INVALID_TYPE', ErrorCategory.UNKNOWN, 'SALESFORCE_INVALID_REQUEST'],
    ['ERROR_HTTP_400', ErrorCategory.UNKNOWN, 'SALESFORCE_UNKNOWN'],
    ['SOMETHING_NEW', ErrorCategory.UNKNOWN, 'SALESFORCE_UNKNOWN'],
  ])('%s → %s', (code, category, ourCode) => {
    expect(classifySalesforceError(code)).toEqual({ category, code: ourCode });
  });

  it.each([
    ['Unable to refresh session due to: session rejected', ErrorCategory.UNAUTHORIZED],
    ['HTTP response contains html content.\nCheck that the org exists', ErrorCategory.TEMPORARY],
    ['request to http://x failed, reason: socket hang up', ErrorCategory.TEMPORARY],
    ['something odd', ErrorCategory.UNKNOWN],
  ])('message %j → %s', (message, category) => {
    expect(classifySalesforceError(undefined, message).category).toBe(category);
  });
});

describe('toSalesforceError', () => {
  it('reads jsforce errors (errorCode), node errors (code), multi-error bodies and tree failures', () => {
    expect(
      toSalesforceError({
        name: 'REQUEST_LIMIT_EXCEEDED',
        errorCode: 'REQUEST_LIMIT_EXCEEDED',
        message: 'x',
      }),
    ).toMatchObject({ category: ErrorCategory.RATE_LIMITED, provider: 'salesforce' });
    expect(toSalesforceError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toMatchObject({
      category: ErrorCategory.TEMPORARY,
    });
    expect(
      toSalesforceError({
        name: 'MULTIPLE_API_ERRORS',
        data: [{ errorCode: 'UNABLE_TO_LOCK_ROW' }, {}],
        message: '',
      }),
    ).toMatchObject({ category: ErrorCategory.TEMPORARY });
    const tree = JSON.stringify({
      hasErrors: true,
      results: [
        { referenceId: 'item1', errors: [{ statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'x' }] },
      ],
    });
    expect(toSalesforceError({ errorCode: 'ERROR_HTTP_400', message: tree })).toMatchObject({
      category: ErrorCategory.VALIDATION,
      code: 'SALESFORCE_REJECTED',
    });
  });

  it('keeps the provider payload out of the client message and passes AppErrors through', () => {
    const mapped = toSalesforceError({ errorCode: 'INVALID_FIELD', message: "No such column 'Secret__c'" });
    expect(mapped).toBeInstanceOf(ProviderError);
    expect(mapped.message).not.toContain('Secret__c');
    const notFound = new NotFoundError();
    expect(toSalesforceError(notFound)).toBe(notFound);
  });
});
