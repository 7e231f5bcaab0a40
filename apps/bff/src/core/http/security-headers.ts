/**
 * The security headers every answer carries: OWASP's set for JSON APIs (REST Security Cheat Sheet), computed
 * once. Answers hold personal data, so nothing may store them; no answer may be framed or sniffed. helmet's
 * defaults are made for HTML pages and cost twice the headers on every answer; the one HTML page (`/api/docs`)
 * widens the policy for itself.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
