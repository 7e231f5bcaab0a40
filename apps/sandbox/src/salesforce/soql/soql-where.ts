import type { Condition, LiteralType, ValueQueryCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { SalesforceApiError, malformedQuery } from '../salesforce-api-error';
import { isSalesforceId, toCaseSafeId } from '../salesforce-ids';
import type { FieldDescribe, SObjectDescribe } from '../salesforce-objects';
import type { SObjectRecord } from '../salesforce-store';
import {
  decodeStringLiteral,
  likeToRegExp,
  resolveDateLiteral,
  unescapeWildcards,
  type TimeRange,
} from './soql-literals';
import type { FieldPath, PathReader } from './soql-paths';

export type Predicate = (record: SObjectRecord) => boolean;

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: Condition | ValueQueryCondition };

/** A compared literal after decoding: `range` for date literals, `null` for NULL. */
type Literal = string | number | boolean | null | { range: TimeRange };

const DAY = 86_400_000;

/**
 * Compiles a parsed WHERE clause into a predicate. The parser encodes the clause as a right-leaning list
 * with parenthesis counts, so it is flattened to tokens and re-parsed with SOQL precedence (NOT > AND > OR).
 */
export function compileWhere(
  where: WhereClause,
  sobject: SObjectDescribe,
  paths: PathReader,
  now: Date,
): Predicate {
  const tokens: Token[] = [];
  flatten(where, tokens);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const expect = (token: Token): void => {
    if (tokens[position] !== token) throw malformedQuery('unexpected token in WHERE clause');
    position += 1;
  };

  const primary = (): Predicate => {
    const token = peek();
    if (token === '(') {
      position += 1;
      const inner = or();
      expect(')');
      return inner;
    }
    if (token === 'NOT') {
      position += 1;
      const inner = primary();
      return (record) => !inner(record);
    }
    if (token === undefined || typeof token === 'string')
      throw malformedQuery('unexpected token in WHERE clause');
    position += 1;
    return compileCondition(token.condition, sobject, paths, now);
  };
  const and = (): Predicate => {
    let left = primary();
    while (peek() === 'AND') {
      position += 1;
      const l = left;
      const r = primary();
      left = (record) => l(record) && r(record);
    }
    return left;
  };
  const or = (): Predicate => {
    let left = and();
    while (peek() === 'OR') {
      position += 1;
      const l = left;
      const r = and();
      left = (record) => l(record) || r(record);
    }
    return left;
  };

  const predicate = or();
  if (position !== tokens.length) throw malformedQuery('unexpected token in WHERE clause');
  return predicate;
}

function flatten(where: WhereClause, out: Token[]): void {
  let node: WhereClause | undefined = where;
  while (node) {
    const left = node.left as (Partial<Condition> & { openParen?: number; closeParen?: number }) | null;
    if (left) {
      for (let i = 0; i < (left.openParen ?? 0); i++) out.push('(');
      if ('field' in left || 'fn' in left) out.push({ condition: left as Condition });
      for (let i = 0; i < (left.closeParen ?? 0); i++) out.push(')');
    }
    if ('operator' in node && node.operator) out.push(node.operator);
    node = 'right' in node ? node.right : undefined;
  }
}

function compileCondition(
  condition: Condition | ValueQueryCondition,
  sobject: SObjectDescribe,
  paths: PathReader,
  now: Date,
): Predicate {
  if (!('field' in condition) || 'valueQuery' in condition) {
    throw malformedQuery('functions and semi-join subqueries in WHERE are not supported by the simulator');
  }
  const path = paths.resolve(sobject, condition.field);
  const { operator } = condition;
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const types = Array.isArray(condition.literalType) ? condition.literalType : [condition.literalType];
  const literals = values.map((value, i) => decodeLiteral(value, types[i] ?? types[0], path.field, now));
  const read = (record: SObjectRecord): unknown => paths.read(record, path);

  switch (operator) {
    case 'IN':
    case 'NOT IN': {
      const negate = operator === 'NOT IN';
      return (record) => literals.some((literal) => equals(read(record), literal, path)) !== negate;
    }
    case '=':
      return (record) => equals(read(record), literals[0]!, path);
    case '!=':
      return (record) => !equals(read(record), literals[0]!, path);
    case 'LIKE': {
      const literal = literals[0];
      if (path.field.type !== 'string' || typeof literal !== 'string') {
        throw new SalesforceApiError(
          400,
          'INVALID_QUERY_FILTER_OPERATOR',
          `invalid operator on ${path.field.type} field: ${path.field.name}`,
        );
      }
      const pattern = likeToRegExp(literal);
      return (record) => {
        const value = read(record);
        return typeof value === 'string' && pattern.test(value);
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (record) => ordered(read(record), literals[0]!, operator, path);
    case 'INCLUDES':
    case 'EXCLUDES':
      throw malformedQuery(
        `${operator} applies only to multi-select picklists, which the simulator does not model`,
      );
  }
}

function filterTypeError(field: FieldDescribe, expected: string): SalesforceApiError {
  return new SalesforceApiError(
    400,
    'INVALID_QUERY_FILTER_OPERATOR',
    `value of filter criterion for field '${field.name}' must be of type ${expected}`,
  );
}

function decodeLiteral(raw: string, type: LiteralType | undefined, field: FieldDescribe, now: Date): Literal {
  switch (type) {
    case 'NULL':
      return null;
    case 'STRING': {
      const value = decodeStringLiteral(raw);
      if (field.type === 'id' || field.type === 'reference') {
        const plain = unescapeWildcards(value);
        if (!isSalesforceId(plain)) {
          throw new SalesforceApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${plain}`);
        }
        return toCaseSafeId(plain);
      }
      if (field.type !== 'string')
        throw filterTypeError(field, `${field.type} and should not be enclosed in quotes`);
      return value;
    }
    case 'INTEGER':
    case 'DECIMAL':
      if (field.type !== 'double' && field.type !== 'currency') throw filterTypeError(field, field.type);
      return Number(raw);
    case 'BOOLEAN':
      if (field.type !== 'boolean') throw filterTypeError(field, field.type);
      return raw.toUpperCase() === 'TRUE';
    case 'DATE':
      if (field.type === 'date') return raw;
      if (field.type === 'datetime') throw filterTypeError(field, 'dateTime');
      throw filterTypeError(field, field.type);
    case 'DATETIME':
      if (field.type !== 'datetime') throw filterTypeError(field, field.type);
      return parseDateTime(raw);
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL':
      if (field.type !== 'date' && field.type !== 'datetime') throw filterTypeError(field, field.type);
      return { range: resolveDateLiteral(raw, now) };
    case undefined:
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
    case 'APEX_BIND_VARIABLE':
    case 'SUBQUERY':
      throw malformedQuery(`unsupported literal: ${raw}`);
  }
}

function parseDateTime(raw: string): number {
  const time = Date.parse(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(time)) throw malformedQuery(`invalid datetime literal: ${raw}`);
  return time;
}

/** A stored value on the scale its literal compares on (epoch ms for dates and datetimes). */
function comparable(stored: unknown, path: FieldPath): string | number | boolean | undefined {
  if (stored === null || stored === undefined) return undefined;
  const value = typeof stored === 'object' ? JSON.stringify(stored) : (stored as string | number | boolean);
  switch (path.field.type) {
    case 'date':
      return Date.parse(`${String(value)}T00:00:00Z`);
    case 'datetime':
      return parseDateTime(String(value));
    case 'double':
    case 'currency':
      return Number(value);
    case 'boolean':
      return value === true;
    case 'string':
      return String(value).toLowerCase();
    case 'id':
    case 'reference':
      return String(value);
  }
}

function literalValue(literal: Literal, path: FieldPath): string | number | boolean | null | TimeRange {
  if (literal === null) return null;
  if (typeof literal === 'object') return literal.range;
  if (path.field.type === 'date' && typeof literal === 'string') return Date.parse(`${literal}T00:00:00Z`);
  if (path.field.type === 'string' && typeof literal === 'string')
    return unescapeWildcards(literal).toLowerCase();
  return literal;
}

function equals(value: unknown, literal: Literal, path: FieldPath): boolean {
  const left = comparable(value, path);
  const right = literalValue(literal, path);
  if (right === null) return left === undefined;
  if (left === undefined) return false;
  if (typeof right === 'object') return typeof left === 'number' && left >= right.start && left < right.end;
  if (path.field.type === 'date' && typeof left === 'number' && typeof right === 'number') {
    return Math.floor(left / DAY) === Math.floor(right / DAY);
  }
  return left === right;
}

function ordered(
  value: unknown,
  literal: Literal,
  operator: '<' | '<=' | '>' | '>=',
  path: FieldPath,
): boolean {
  const left = comparable(value, path);
  const right = literalValue(literal, path);
  if (left === undefined || right === null) return false;
  if (typeof right === 'object') {
    if (typeof left !== 'number') return false;
    switch (operator) {
      case '<':
        return left < right.start;
      case '<=':
        return left < right.end;
      case '>':
        return left >= right.end;
      case '>=':
        return left >= right.start;
    }
  }
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}
