import { parseQuery, type WhereClause } from '@jetstreamapp/soql-parser-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors/app.errors';
import {
  buildAccountsByNameQuery,
  buildCatalogQuery,
  buildOrderByIdQuery,
  buildOrderItemsQuery,
  buildOrderSelectFields,
  buildOrdersForAccountQuery,
  buildPricebookEntriesBySkuQuery,
} from './salesforce-query.builders';

const PRICEBOOK = '01s5g00000PoRtLAAV';
const ATTACKS = [
  "' OR Name LIKE '%",
  "\\'",
  "\\' OR Id != null OR Name = \\'",
  '’ OR Name LIKE ‘%',
  '＇ OR 1=1',
  '\\',
  '%_\\%',
  "') OR (Name = 'x",
  'line\nbreak\ttab',
];
const inputs = fc.oneof(fc.constantFrom(...ATTACKS), fc.string({ unit: 'binary', maxLength: 40 }));

/** The WHERE clause with every literal replaced by its kind: what an injection would have to change. */
function shape(where: WhereClause | undefined): unknown {
  return JSON.parse(
    JSON.stringify(where, (key, value: unknown) =>
      key === 'value' ? (Array.isArray(value) ? value.map(() => '?') : '?') : value,
    ),
  );
}

/** SOQL's unescaping of a quoted literal (`\%`/`\_` stay escaped: they are LIKE's business). */
function decode(literal: string): string {
  const escapes: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    '"': '"',
    "'": "'",
    '\\': '\\',
  };
  return literal
    .slice(1, -1)
    .replace(/\\(.)/gs, (match, char: string) => (char === '%' || char === '_' ? match : escapes[char]!));
}

/** The (first) literal of the condition using `operator` in the query's WHERE list. */
function literalOf(soql: string, operator: string): string {
  type Node = { left: { operator?: string; value?: string | string[] } | null; right?: Node };
  for (let node = parseQuery(soql).where as Node | undefined; node; node = node.right) {
    if (node.left?.operator !== operator) continue;
    const value = node.left.value!;
    return Array.isArray(value) ? value[0]! : value;
  }
  throw new Error(`no ${operator} condition`);
}

describe('Salesforce query builders', () => {
  it('select exactly the fields the domain mappers read, plus additional ones once', () => {
    const fields = buildOrderSelectFields(['Account.Name', 'Description']).split(', ');
    expect(fields).toContain('Account.Name');
    expect(fields.filter((field) => field === 'Account.Name')).toHaveLength(1);
    expect(fields.at(-1)).toBe('Description');
    expect(() => buildOrderSelectFields(['Id FROM Account --'])).toThrow();
  });

  it('build queries the SOQL parser accepts', () => {
    for (const soql of [
      buildOrderByIdQuery('8015g00000OrDa1AAF'),
      buildOrderItemsQuery('8015g00000OrDa1'),
      buildOrdersForAccountQuery('0015g00000HaNaKAAV', { limit: 20, offset: 40 }),
      buildCatalogQuery('sim', PRICEBOOK),
      buildPricebookEntriesBySkuQuery(['SIM-DATA-20GB'], PRICEBOOK),
      buildAccountsByNameQuery('Yamada', 10),
    ]) {
      expect(() => parseQuery(soql)).not.toThrow();
    }
  });

  it('ids: anything but the 15/18-character form is not found, so no input reaches the query text', () => {
    const reference = shape(parseQuery(buildOrderByIdQuery('8015g00000OrDa1AAF')).where);
    fc.assert(
      fc.property(inputs, (input) => {
        let soql: string;
        try {
          soql = buildOrderByIdQuery(input);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).category).toBe('NOT_FOUND');
          return;
        }
        expect(input).toMatch(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/);
        expect(shape(parseQuery(soql).where)).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('strings: the WHERE structure never changes and the literal decodes to the input', () => {
    const reference = shape(parseQuery(buildPricebookEntriesBySkuQuery(['X'], PRICEBOOK)).where);
    fc.assert(
      fc.property(inputs, (input) => {
        let soql: string;
        try {
          soql = buildPricebookEntriesBySkuQuery([input], PRICEBOOK);
        } catch (error) {
          // Only C0 control characters without a SOQL escape are refused.
          expect((error as AppError).category).toBe('VALIDATION');
          return;
        }
        expect(shape(parseQuery(soql).where)).toEqual(reference);
        expect(decode(literalOf(soql, 'IN'))).toBe(input);
      }),
      { numRuns: 1_000 },
    );
  });

  it('LIKE prefixes: wildcards in the input are escaped, the structure never changes', () => {
    const reference = shape(parseQuery(buildAccountsByNameQuery('Yamada', 10)).where);
    fc.assert(
      fc.property(inputs, (input) => {
        let soql: string;
        try {
          soql = buildAccountsByNameQuery(input, 10);
        } catch {
          return;
        }
        expect(shape(parseQuery(soql).where)).toEqual(reference);
        const literal = decode(literalOf(soql, 'LIKE'));
        expect(literal.endsWith('%')).toBe(true);
        expect(literal.slice(0, -1).replace(/\\([%_])/g, '$1')).toBe(input);
        expect(literal.slice(0, -1)).not.toMatch(/(^|[^\\])[%_]/);
      }),
      { numRuns: 1_000 },
    );
  });
});
