/** Provider label for errors, logs and metrics. */
export const SALESFORCE_PROVIDER = 'salesforce';

/** Our codes for Salesforce failures (the category decides retry and HTTP status). */
export const SalesforceErrorCode = {
  RATE_LIMITED: 'SALESFORCE_RATE_LIMITED',
  TEMPORARY: 'SALESFORCE_TEMPORARY',
  UNAUTHORIZED: 'SALESFORCE_UNAUTHORIZED',
  FORBIDDEN: 'SALESFORCE_FORBIDDEN',
  NOT_FOUND: 'SALESFORCE_NOT_FOUND',
  REJECTED: 'SALESFORCE_REJECTED',
  INVALID_REQUEST: 'SALESFORCE_INVALID_REQUEST',
  INVALID_RESPONSE: 'SALESFORCE_INVALID_RESPONSE',
  UNKNOWN: 'SALESFORCE_UNKNOWN',
} as const;
export type SalesforceErrorCode = (typeof SalesforceErrorCode)[keyof typeof SalesforceErrorCode];

/** Thrown at startup when the connected-app key cannot be used: the message says which setting to fix. */
export class SalesforceKeyError extends Error {
  constructor(detail: string) {
    super(`SF_PRIVATE_KEY is not a usable RSA private key (PEM text or a readable PEM file): ${detail}`);
    this.name = 'SalesforceKeyError';
  }
}
