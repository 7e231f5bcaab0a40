import { Injectable } from '@nestjs/common';
import { Customers } from '@portal/domain';
import { NotFoundError } from '../../../core/errors/app.errors';
import { ErrorCategory } from '../../../core/errors/error-category';
import { WhmcsError } from '../whmcs.errors';
import { whmcsValidateLoginSchema } from '../utils/whmcs-envelope.schema';
import { mapWhmcs, parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';

/** WHMCS clients: login validation and the billing-side customer record. */
@Injectable()
export class WhmcsClientService {
  constructor(private readonly connection: WhmcsConnectionService) {}

  /**
   * Checks a customer's email and password (ValidateLogin, never retried) and answers the WHMCS client id.
   * A wrong email or password throws a `WHMCS_LOGIN_INVALID` error (category UNAUTHORIZED).
   */
  async validateLogin(email: string, password: string): Promise<{ clientId: number }> {
    const payload = await this.connection.call('ValidateLogin', { email, password2: password });
    return { clientId: parseEnvelope(whmcsValidateLoginSchema, payload, 'login answer').userid };
  }

  /** The client's details (GetClientsDetails), entities decoded. */
  async getDetails(clientId: number): Promise<Customers.WhmcsClient> {
    const payload = await this.connection
      .call('GetClientsDetails', { clientid: clientId })
      .catch((error: unknown) => {
        throw error instanceof WhmcsError && error.category === ErrorCategory.NOT_FOUND
          ? new NotFoundError('Customer not found.', 'CUSTOMER_NOT_FOUND', error)
          : error;
      });
    return mapWhmcs('client', () => Customers.Providers.Whmcs.transformWhmcsClientDetails(payload));
  }
}
