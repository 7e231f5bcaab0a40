import { describe, expect, it } from 'vitest';
import { parseWhmcsResponse } from './whmcs-error.parser';

const json = (value: unknown) => JSON.stringify(value);
const PHP_FATAL = '<br />\n<b>Fatal error</b>:  Uncaught Error in Handler.php:73';

describe('parseWhmcsResponse', () => {
  it('returns the payload of a success answer', () => {
    expect(parseWhmcsResponse(200, json({ result: 'success', totalresults: 0, invoices: '' }))).toEqual({
      ok: true,
      data: { result: 'success', totalresults: 0, invoices: '' },
    });
  });

  it.each([
    [
      'auth failure (200)',
      200,
      json({ result: 'error', message: 'Authentication Failed' }),
      'WHMCS_API_AUTH_FAILED',
      'UNAUTHORIZED',
      true,
    ],
    [
      'auth failure (403)',
      403,
      json({ result: 'error', message: 'Authentication Failed' }),
      'WHMCS_API_AUTH_FAILED',
      'UNAUTHORIZED',
      true,
    ],
    [
      'newer auth wording',
      200,
      json({ result: 'error', message: 'Invalid or missing credentials' }),
      'WHMCS_API_AUTH_FAILED',
      'UNAUTHORIZED',
      true,
    ],
    [
      'IP allow-list',
      200,
      json({ result: 'error', message: 'Invalid IP 203.0.113.9' }),
      'WHMCS_API_AUTH_FAILED',
      'UNAUTHORIZED',
      true,
    ],
    [
      'permissions',
      200,
      json({ result: 'error', message: 'Invalid Permissions: API action "AddOrder" is not allowed' }),
      'WHMCS_API_AUTH_FAILED',
      'UNAUTHORIZED',
      true,
    ],
    ['bare 403 page', 403, '<html>Forbidden</html>', 'WHMCS_API_AUTH_FAILED', 'UNAUTHORIZED', true],
    [
      'customer login',
      200,
      json({ result: 'error', message: 'Email or Password Invalid' }),
      'WHMCS_LOGIN_INVALID',
      'UNAUTHORIZED',
      false,
    ],
    [
      'result-shaped not found',
      200,
      json({ result: 'error', message: 'Client Not Found' }),
      'WHMCS_NOT_FOUND',
      'NOT_FOUND',
      false,
    ],
    [
      'status-shaped not found',
      200,
      json({ status: 'error', message: 'Invoice ID Not Found' }),
      'WHMCS_NOT_FOUND',
      'NOT_FOUND',
      false,
    ],
    [
      'service not found',
      200,
      json({ result: 'error', message: 'Service ID Not Found' }),
      'WHMCS_NOT_FOUND',
      'NOT_FOUND',
      false,
    ],
    [
      'order not pending',
      200,
      json({ result: 'error', message: 'Order ID not found or Status not Pending' }),
      'WHMCS_ORDER_NOT_PENDING',
      'CONFLICT',
      false,
    ],
    [
      'other API error',
      200,
      json({ result: 'error', message: 'No items added to cart so order cannot proceed' }),
      'WHMCS_API_ERROR',
      'UNKNOWN',
      false,
    ],
    ['PHP fatal page with 200', 200, PHP_FATAL, 'WHMCS_INVALID_RESPONSE', 'INVALID_RESPONSE', false],
    [
      'malformed JSON',
      200,
      '{"result":"success","invoices":{"invoice":[{"id":1,',
      'WHMCS_INVALID_RESPONSE',
      'INVALID_RESPONSE',
      false,
    ],
    ['JSON that is not an object', 200, '[1,2]', 'WHMCS_INVALID_RESPONSE', 'INVALID_RESPONSE', false],
    [
      'JSON without a result',
      200,
      json({ totalresults: 1 }),
      'WHMCS_INVALID_RESPONSE',
      'INVALID_RESPONSE',
      false,
    ],
    ['empty body', 200, '', 'WHMCS_INVALID_RESPONSE', 'INVALID_RESPONSE', false],
    ['server error page', 503, '<html><h1>503</h1></html>', 'WHMCS_HTTP_ERROR', 'TEMPORARY', false],
    ['gateway error', 502, '', 'WHMCS_HTTP_ERROR', 'TEMPORARY', false],
    ['rate limited', 429, 'slow down', 'WHMCS_RATE_LIMITED', 'RATE_LIMITED', false],
    ['wrong endpoint', 404, '<html>Not Found</html>', 'WHMCS_HTTP_ERROR', 'UNKNOWN', false],
  ])('classifies %s', (_label, status, body, code, category, alert) => {
    const result = parseWhmcsResponse(status, body);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.category).toBe(category);
    expect(result.error.provider).toBe('whmcs');
    expect(result.alert).toBe(alert);
  });

  it('keeps the WHMCS message for logs but never in the client-facing message', () => {
    const result = parseWhmcsResponse(200, json({ result: 'error', message: 'Invalid IP 203.0.113.9' }));
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.whmcsMessage).toBe('Invalid IP 203.0.113.9');
    expect(result.error.message).not.toContain('203.0.113.9');
  });
});
