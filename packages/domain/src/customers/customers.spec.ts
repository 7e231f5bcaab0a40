import { describe, expect, it } from 'vitest';
import account from '../../fixtures/salesforce/account.json';
import clientDetails from '../../fixtures/whmcs/get-clients-details.json';
import validateLogin from '../../fixtures/whmcs/validate-login.json';
import rawWorld from '../../fixtures/world.json';
import { schemaFieldPaths } from '../../test/schema-fields.util';
import { Customers } from '../index';
import { parseWorld } from '../world/world.schema';

const world = parseWorld(rawWorld);
const hanako = world.customers[0]!;
const { transformWhmcsClientDetails, whmcsValidateLoginResponseRawSchema } = Customers.Providers.Whmcs;
const { transformSalesforceAccount, ACCOUNT_FIELDS, salesforceAccountRawSchema } =
  Customers.Providers.Salesforce;

describe('Customers.Providers.Whmcs.transformWhmcsClientDetails', () => {
  it('maps the client block, decoding entities and normalising the phone', () => {
    expect(transformWhmcsClientDetails(clientDetails)).toEqual({
      whmcsClientId: 1,
      firstName: 'Hanako',
      lastName: 'Yamada',
      companyName: 'Yamada & Sons',
      email: hanako.email,
      phone: '+819012345678',
      address: {
        line1: hanako.address1,
        line2: null,
        city: hanako.city,
        state: hanako.state,
        postcode: hanako.postcode,
        countryCode: 'JP',
      },
      currencyId: 1,
      currencyCode: 'JPY',
      status: 'Active',
    });
  });

  it('rejects an invalid email and a missing client block with typed errors', () => {
    const broken = structuredClone(clientDetails);
    broken.client.email = 'not-an-email';
    expect(() => transformWhmcsClientDetails(broken)).toThrowError(
      expect.objectContaining({ name: 'MappingError', stage: 'domain', path: 'email' }),
    );
    expect(() => transformWhmcsClientDetails({ result: 'success' })).toThrowError(
      expect.objectContaining({ path: 'client' }),
    );
  });

  it('parses ValidateLogin with its string userid', () => {
    expect(whmcsValidateLoginResponseRawSchema.parse(validateLogin).userid).toBe('1');
  });
});

describe('Customers.Providers.Salesforce.transformSalesforceAccount', () => {
  it('maps the account with the picked custom field names', () => {
    expect(transformSalesforceAccount(account)).toEqual({
      id: hanako.salesforceAccountId,
      name: 'Hanako Yamada',
      customerNumber: hanako.customerNumber,
      whmcsClientId: hanako.whmcsClientId,
      email: hanako.email,
      phone: '+81 90-1234-5678',
    });
  });

  it('accepts the WHMCS client id as text and rejects garbage', () => {
    expect(transformSalesforceAccount({ ...account, WHMCS_Client_ID__c: '1' }).whmcsClientId).toBe(1);
    expect(transformSalesforceAccount({ ...account, WHMCS_Client_ID__c: null }).whmcsClientId).toBeNull();
    expect(() => transformSalesforceAccount({ ...account, WHMCS_Client_ID__c: 'x1' })).toThrowError(
      expect.objectContaining({ path: 'WHMCS_Client_ID__c' }),
    );
  });

  it('exports exactly the fields it reads', () => {
    expect(schemaFieldPaths(salesforceAccountRawSchema).sort()).toEqual([...ACCOUNT_FIELDS].sort());
  });
});

describe('Customers.mergeCustomerProfile', () => {
  it('merges both sides into the portal profile', () => {
    const profile = Customers.mergeCustomerProfile(
      transformSalesforceAccount(account),
      transformWhmcsClientDetails(clientDetails),
    );
    expect(profile).toMatchObject({
      salesforceAccountId: hanako.salesforceAccountId,
      whmcsClientId: 1,
      customerNumber: 'CUST-000001',
      name: 'Hanako Yamada',
      companyName: 'Yamada & Sons',
      email: hanako.email,
      phone: '+819012345678',
      currencyCode: 'JPY',
    });
  });

  it('refuses to merge an account linked to another client', () => {
    const other = transformSalesforceAccount({ ...account, WHMCS_Client_ID__c: 2 });
    expect(() =>
      Customers.mergeCustomerProfile(other, transformWhmcsClientDetails(clientDetails)),
    ).toThrowError(expect.objectContaining({ name: 'MappingError', path: 'WHMCS_Client_ID__c' }));
  });
});
