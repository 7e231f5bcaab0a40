import { Injectable } from '@nestjs/common';
import { whmcsValidateLoginSchema } from '../utils/whmcs-envelope.schema';
import { parseEnvelope } from '../utils/whmcs-parse.util';
import { WhmcsConnectionService } from './whmcs-connection.service';

/** WHMCS clients: login validation (client details follow once the domain has its customer mapper). */
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
}
