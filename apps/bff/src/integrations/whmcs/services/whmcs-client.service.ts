import { Injectable } from '@nestjs/common';
import { Customers } from '@portal/domain';
import { whmcsValidateLoginSchema } from '../utils/whmcs-envelope.schema';
import { mapWhmcs, parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';

/** WHMCS clients: login validation and client details. */
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

  /** The client's details (GetClientsDetails) as a domain value. */
  async getDetails(clientId: number): Promise<Customers.WhmcsClient> {
    const payload = await this.connection.call('GetClientsDetails', { clientid: clientId, stats: false });
    return mapWhmcs('client', () => Customers.Providers.Whmcs.transformWhmcsClientDetails(payload));
  }
}
