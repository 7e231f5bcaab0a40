import { parseDomain, parseRaw } from '../../../common/mapping.util';
import { decodeHtmlEntities, whmcsNumber } from '../../../common/providers/whmcs/whmcs-values.util';
import { type WhmcsClient, whmcsClientSchema } from '../../customer.schema';
import { whmcsClientDetailsResponseRawSchema } from './raw.schema';

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** WHMCS stores phones as `+CC.NUMBER`; the domain keeps `+CCNUMBER`. */
function normalisePhone(raw: string): string | null {
  const phone = raw.replace(/[\s.\-()]/g, '');
  return phone === '' ? null : phone;
}

/**
 * Maps a GetClientsDetails response to a {@link WhmcsClient} (entities decoded, blanks to `null`).
 * @throws {MappingError} when the payload or the mapped value is invalid.
 */
export function transformWhmcsClientDetails(raw: unknown): WhmcsClient {
  const { client } = parseRaw(whmcsClientDetailsResponseRawSchema, raw, 'whmcs', 'client');
  const currencyCode = client.currency_code?.trim().toUpperCase() ?? '';
  return parseDomain(
    whmcsClientSchema,
    {
      whmcsClientId: whmcsNumber(client.id),
      firstName: decodeHtmlEntities(client.firstname).trim(),
      lastName: decodeHtmlEntities(client.lastname).trim(),
      companyName: blankToNull(decodeHtmlEntities(client.companyname)),
      email: client.email.trim(),
      phone: normalisePhone(client.phonenumber),
      address: {
        line1: decodeHtmlEntities(client.address1).trim(),
        line2: blankToNull(decodeHtmlEntities(client.address2)),
        city: decodeHtmlEntities(client.city).trim(),
        state: decodeHtmlEntities(client.state).trim(),
        postcode: client.postcode.trim(),
        countryCode: client.countrycode.trim().toUpperCase(),
      },
      currencyId: whmcsNumber(client.currency),
      currencyCode: currencyCode === '' ? null : currencyCode,
      status: client.status,
    },
    'whmcs',
    'client',
  );
}
