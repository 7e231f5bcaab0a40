import { describe, expect, it } from 'vitest';
import { ErrorCategory } from '../../../core/errors/error-category';
import { FreebitErrorCode } from '../freebit.errors';
import { parseFreebitResponse, parseFreebitResult } from './freebit-result.parser';

describe('parseFreebitResult', () => {
  it.each([
    ['201', FreebitErrorCode.AUTH_KEY_INVALID, ErrorCategory.UNAUTHORIZED],
    ['202', FreebitErrorCode.OEM_AUTH_FAILED, ErrorCategory.UNAUTHORIZED],
    ['210', FreebitErrorCode.ACCOUNT_NOT_FOUND, ErrorCategory.NOT_FOUND],
    ['211', FreebitErrorCode.ACCOUNT_EXISTS, ErrorCategory.CONFLICT],
    ['212', FreebitErrorCode.INVALID_STATE, ErrorCategory.CONFLICT],
    ['300', FreebitErrorCode.INVALID_PARAMETER, ErrorCategory.VALIDATION],
    ['400', FreebitErrorCode.UNSUPPORTED_PATTERN, ErrorCategory.VALIDATION],
    ['500', FreebitErrorCode.SYSTEM_ERROR, ErrorCategory.TEMPORARY],
    ['501', FreebitErrorCode.BUSY, ErrorCategory.TEMPORARY],
    ['999', FreebitErrorCode.UNKNOWN_RESULT, ErrorCategory.UNKNOWN],
    ['', FreebitErrorCode.UNKNOWN_RESULT, ErrorCategory.UNKNOWN],
  ])('maps resultCode %j to %s (%s)', (resultCode, code, category) => {
    expect(parseFreebitResult(resultCode)).toEqual(expect.objectContaining({ code, category, resultCode }));
  });

  it('treats "100" as success', () => {
    expect(parseFreebitResult('100')).toBeUndefined();
  });
});

describe('parseFreebitResponse', () => {
  const json = 'application/json';
  it.each([
    [
      'HTML maintenance page (503)',
      503,
      'text/html',
      '<html>down</html>',
      FreebitErrorCode.HTTP_ERROR,
      'TEMPORARY',
    ],
    [
      'HTML page with 200',
      200,
      'text/html',
      '<html>login</html>',
      FreebitErrorCode.INVALID_RESPONSE,
      'TEMPORARY',
    ],
    [
      'HTML mislabelled as JSON',
      200,
      json,
      ' <!DOCTYPE html>',
      FreebitErrorCode.INVALID_RESPONSE,
      'TEMPORARY',
    ],
    ['429', 429, json, '{}', FreebitErrorCode.HTTP_ERROR, 'TEMPORARY'],
    ['404', 404, 'text/html', 'nope', FreebitErrorCode.HTTP_ERROR, 'UNKNOWN'],
    ['truncated JSON', 200, json, '{"resultCode":"10', FreebitErrorCode.INVALID_RESPONSE, 'INVALID_RESPONSE'],
    ['no result code', 200, json, '{"status":{}}', FreebitErrorCode.INVALID_RESPONSE, 'INVALID_RESPONSE'],
    ['JSON array', 200, json, '[]', FreebitErrorCode.INVALID_RESPONSE, 'INVALID_RESPONSE'],
    ['unknown code', 200, json, '{"resultCode":"777"}', FreebitErrorCode.UNKNOWN_RESULT, 'UNKNOWN'],
    ['numeric auth code', 200, json, '{"resultCode":201}', FreebitErrorCode.AUTH_KEY_INVALID, 'UNAUTHORIZED'],
  ])('%s → %s', (_label, status, contentType, text, code, category) => {
    const outcome = parseFreebitResponse(status, contentType, text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.failure).toMatchObject({ code, category });
  });

  it('answers the body of a success, with a numeric resultCode normalised to a string', () => {
    const outcome = parseFreebitResponse(200, json, '{"resultCode":100,"authKey":"k"}');
    expect(outcome).toEqual({ ok: true, body: { resultCode: '100', authKey: 'k' } });
  });
});
