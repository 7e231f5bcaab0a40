import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SalesforceApiError } from '../salesforce-api-error';
import { seedSalesforce } from '../salesforce-seed';
import { SalesforceStore } from '../salesforce-store';
import { SoqlEngine } from './soql-engine';

const store = new SalesforceStore(() => new Date('2026-11-25T12:00:00Z'));
seedSalesforce(store);
const engine = new SoqlEngine(store, () => new Date('2026-11-25T12:00:00Z'));
const skus = (soql: string): unknown[] =>
  engine.execute(soql, '62.0').records.map((record) => record.StockKeepingUnit);

describe('SoqlEngine', () => {
  it('applies NOT > AND > OR precedence and parentheses', () => {
    const base = 'SELECT StockKeepingUnit FROM Product2 WHERE';
    const order = 'ORDER BY StockKeepingUnit';
    expect(
      skus(
        `${base} Product2Categories1__c = 'VPN' OR Product2Categories1__c = 'SIM' AND Item_Class__c = 'Activation' ${order}`,
      ),
    ).toEqual(['SIM-ACTIVATION-FEE', 'VPN-STANDARD']);
    expect(
      skus(
        `${base} (Product2Categories1__c = 'VPN' OR Product2Categories1__c = 'SIM') AND Item_Class__c = 'Activation' ${order}`,
      ),
    ).toEqual(['SIM-ACTIVATION-FEE']);
    expect(
      skus(`${base} NOT Product2Categories1__c = 'Internet' AND NOT Product2Categories1__c = 'SIM' ${order}`),
    ).toEqual(['VPN-STANDARD']);
  });

  it('treats quotes inside literals as data and LIKE escapes literally', () => {
    expect(skus(`SELECT StockKeepingUnit FROM Product2 WHERE Name = 'x\\' OR Name LIKE \\'%'`)).toEqual([]);
    expect(skus(`SELECT StockKeepingUnit FROM Product2 WHERE Name LIKE 'SIM Data\\_%'`)).toEqual([]);
    expect(skus(`SELECT StockKeepingUnit FROM Product2 WHERE Name LIKE 'SIM Data_%' ORDER BY Name`)).toEqual([
      'SIM-DATA-20GB',
      'SIM-DATA-VOICE-5GB',
    ]);
  });

  it('filters with date literals relative to the clock', () => {
    const count = (where: string) =>
      engine.execute(`SELECT COUNT() FROM Order WHERE ${where}`, '62.0').totalSize;
    expect(count(`EffectiveDate = 2026-03-28`)).toBe(1);
    expect(count(`CreatedDate = LAST_N_DAYS:7`)).toBe(store.records('Order').length - 1);
    expect(count(`CreatedDate < LAST_N_DAYS:7`)).toBe(1);
  });

  it('never crashes: any input is answered or refused with a Salesforce error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.string({ maxLength: 40 }).map((tail) => `SELECT Id FROM Account WHERE ${tail}`),
          fc.string({ maxLength: 40 }).map((tail) => `SELECT Id, ${tail} FROM Order`),
        ),
        (soql) => {
          try {
            engine.execute(soql, '62.0');
          } catch (error) {
            expect(error).toBeInstanceOf(SalesforceApiError);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
