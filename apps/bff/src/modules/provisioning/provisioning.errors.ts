import { AppError } from '../../core/errors/app.errors';
import { ErrorCategory } from '../../core/errors/error-category';

/** Business codes of provisioning failures; Salesforce shows them in `Activation_Error_Code__c`. */
export const ProvisioningErrorCode = {
  INVALID_JOB_DATA: 'PROVISIONING_INVALID_JOB_DATA',
  NO_ITEMS: 'PROVISIONING_NO_ITEMS',
  WHMCS_CLIENT_MISSING: 'WHMCS_CLIENT_MISSING',
  WHMCS_PRODUCT_MISSING: 'WHMCS_PRODUCT_MISSING',
  BILLING_CYCLE_MISSING: 'BILLING_CYCLE_MISSING',
  /** Business-facts §2.4: provisioning pauses until the customer adds a payment method. */
  PAYMENT_METHOD_MISSING: 'PAYMENT_METHOD_MISSING',
  SERVICE_COUNT_MISMATCH: 'PROVISIONING_SERVICE_COUNT_MISMATCH',
  ORDER_BUSY: 'PROVISIONING_ORDER_BUSY',
} as const;
export type ProvisioningErrorCode = (typeof ProvisioningErrorCode)[keyof typeof ProvisioningErrorCode];

/** A provisioning failure of our own making (the order's data, a busy order); providers throw their own. */
export class ProvisioningError extends AppError {
  constructor(code: ProvisioningErrorCode, category: ErrorCategory, message: string, cause?: unknown) {
    super({ code, category, message, cause });
  }

  /** The order's data cannot be provisioned as it is: an agent has to fix it, so no retry. */
  static invalidOrder(code: ProvisioningErrorCode, message: string): ProvisioningError {
    return new ProvisioningError(code, ErrorCategory.VALIDATION, message);
  }
}
