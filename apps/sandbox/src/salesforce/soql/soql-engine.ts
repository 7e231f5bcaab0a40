import {
  parseQuery,
  type FieldType as SoqlField,
  type OrderByClause,
  type Query,
  type QueryBase,
} from '@jetstreamapp/soql-parser-js';
import { SalesforceApiError, malformedQuery } from '../salesforce-api-error';
import {
  findChildRelationship,
  findSObject,
  type ChildRelationship,
  type FieldDescribe,
  type SObjectDescribe,
} from '../salesforce-objects';
import type { SObjectRecord, SalesforceStore } from '../salesforce-store';
import { PathReader, type FieldPath } from './soql-paths';
import { compileWhere, type Predicate } from './soql-where';

type Selection =
  | { readonly kind: 'field'; readonly field: FieldDescribe }
  | {
      readonly kind: 'parent';
      readonly reference: FieldDescribe;
      readonly target: SObjectDescribe;
      readonly selections: Selection[];
    }
  | { readonly kind: 'child'; readonly relationship: ChildRelationship; readonly plan: Plan };

interface Plan {
  readonly sobject: SObjectDescribe;
  readonly selections: Selection[];
  readonly where: Predicate | undefined;
  readonly order: ((a: SObjectRecord, b: SObjectRecord) => number) | undefined;
  readonly limit: number | undefined;
  readonly offset: number;
}

export interface QueryOutcome {
  readonly totalSize: number;
  /** Records shaped as the REST API returns them (`attributes`, parent objects, child query results). */
  readonly records: Array<Record<string, unknown>>;
}

/**
 * Evaluates SOQL over the in-memory org: field lists with parent relationship fields, child subqueries,
 * WHERE (comparisons, IN/NOT IN, LIKE, AND/OR/NOT, NULL, date literals), ORDER BY, LIMIT, OFFSET, COUNT().
 * Anything else answers MALFORMED_QUERY (never a crash).
 */
export class SoqlEngine {
  private readonly paths: PathReader;

  constructor(
    private readonly store: SalesforceStore,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.paths = new PathReader(store);
  }

  execute(soql: string, apiVersion: string): QueryOutcome {
    let query: Query;
    try {
      query = parseQuery(soql);
    } catch (error) {
      throw malformedQuery(error instanceof Error ? error.message : 'unexpected token');
    }
    try {
      return this.run(query, apiVersion);
    } catch (error) {
      if (error instanceof SalesforceApiError) throw error;
      throw malformedQuery(error instanceof Error ? error.message : 'unsupported query');
    }
  }

  private run(query: Query, apiVersion: string): QueryOutcome {
    const sobject = query.sObject ? findSObject(query.sObject) : undefined;
    if (!sobject) {
      throw new SalesforceApiError(
        400,
        'INVALID_TYPE',
        `sObject type '${query.sObject ?? ''}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    const fields = query.fields ?? [];
    const count = fields.length === 1 && isCountAll(fields[0]!);
    const plan = this.plan(query, sobject, count);
    const matched = this.select(plan, this.store.records(sobject.name));
    if (count) return { totalSize: matched.length, records: [] };
    return {
      totalSize: matched.length,
      records: matched.map((record) => this.shape(record, plan, apiVersion)),
    };
  }

  private plan(query: QueryBase, sobject: SObjectDescribe, count: boolean): Plan {
    if (
      query.groupBy ||
      query.having ||
      query.withDataCategory ||
      query.for ||
      query.update ||
      query.usingScope
    ) {
      throw malformedQuery(
        'GROUP BY, HAVING, WITH DATA CATEGORY, FOR and USING SCOPE are not supported by the simulator',
      );
    }
    const selections: Selection[] = [];
    if (!count) for (const field of query.fields ?? []) this.addSelection(selections, sobject, field);
    if (!count && selections.length === 0) throw malformedQuery('unexpected token: FROM');
    const orderBy =
      query.orderBy === undefined ? [] : Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy];
    return {
      sobject,
      selections,
      where: query.where ? compileWhere(query.where, sobject, this.paths, this.clock()) : undefined,
      order: orderBy.length > 0 ? this.comparator(sobject, orderBy) : undefined,
      limit: query.limit,
      offset: query.offset ?? 0,
    };
  }

  private addSelection(selections: Selection[], sobject: SObjectDescribe, field: SoqlField): void {
    switch (field.type) {
      case 'Field':
        if ('alias' in field && field.alias)
          throw malformedQuery('field aliases are only allowed in aggregate queries');
        this.addPath(selections, sobject, [], field.field);
        return;
      case 'FieldRelationship':
        this.addPath(selections, sobject, field.relationships, field.field);
        return;
      case 'FieldSubquery': {
        const relationship = findChildRelationship(sobject, field.subquery.relationshipName);
        const child = relationship && findSObject(relationship.childSObject);
        if (!relationship || !child) {
          throw new SalesforceApiError(
            400,
            'INVALID_TYPE',
            `Didn't understand relationship '${field.subquery.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
          );
        }
        selections.push({ kind: 'child', relationship, plan: this.plan(field.subquery, child, false) });
        return;
      }
      case 'FieldFunctionExpression':
      case 'FieldTypeof':
        throw malformedQuery('unsupported field expression in SELECT (only COUNT() is supported)');
    }
  }

  private addPath(
    selections: Selection[],
    sobject: SObjectDescribe,
    relationships: string[],
    name: string,
  ): void {
    const path: FieldPath = this.paths.resolve(sobject, [...relationships, name].join('.'));
    let level = selections;
    for (const reference of path.hops) {
      const target = findSObject(reference.referenceTo!)!;
      let parent = level.find(
        (selection): selection is Extract<Selection, { kind: 'parent' }> =>
          selection.kind === 'parent' && selection.reference === reference,
      );
      if (!parent) {
        parent = { kind: 'parent', reference, target, selections: [] };
        level.push(parent);
      }
      level = parent.selections;
    }
    if (!level.some((selection) => selection.kind === 'field' && selection.field === path.field)) {
      level.push({ kind: 'field', field: path.field });
    }
  }

  private comparator(
    sobject: SObjectDescribe,
    orderBy: OrderByClause[],
  ): (a: SObjectRecord, b: SObjectRecord) => number {
    const keys = orderBy.map((clause) => {
      if (!('field' in clause)) throw malformedQuery('ORDER BY functions are not supported by the simulator');
      const path = this.paths.resolve(sobject, clause.field);
      const descending = clause.order === 'DESC';
      const nullsFirst = clause.nulls === undefined ? !descending : clause.nulls === 'FIRST';
      return { path, descending, nullsFirst };
    });
    return (a, b) => {
      for (const key of keys) {
        const left = this.paths.read(a, key.path);
        const right = this.paths.read(b, key.path);
        if (left === right) continue;
        if (left === null) return key.nullsFirst ? -1 : 1;
        if (right === null) return key.nullsFirst ? 1 : -1;
        const order = compareValues(left, right);
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    };
  }

  private select(plan: Plan, records: SObjectRecord[]): SObjectRecord[] {
    let rows = plan.where ? records.filter(plan.where) : records.slice();
    if (plan.order) rows.sort(plan.order);
    if (plan.offset > 0) rows = rows.slice(plan.offset);
    if (plan.limit !== undefined) rows = rows.slice(0, plan.limit);
    return rows;
  }

  private shape(
    record: SObjectRecord,
    plan: { sobject: SObjectDescribe; selections: Selection[] },
    version: string,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {
      attributes: {
        type: plan.sobject.name,
        url: `/services/data/v${version}/sobjects/${plan.sobject.name}/${record.Id}`,
      },
    };
    for (const selection of plan.selections) {
      switch (selection.kind) {
        case 'field':
          out[selection.field.name] = record[selection.field.name] ?? null;
          break;
        case 'parent': {
          const id = record[selection.reference.name];
          const parent = typeof id === 'string' ? this.store.get(selection.target.name, id) : undefined;
          out[selection.reference.relationshipName!] = parent
            ? this.shape(parent, { sobject: selection.target, selections: selection.selections }, version)
            : null;
          break;
        }
        case 'child': {
          const { relationship, plan: childPlan } = selection;
          const children = this.select(
            childPlan,
            this.store.childrenOf(record.Id, relationship.childSObject, relationship.field),
          );
          out[relationship.relationshipName] =
            children.length === 0
              ? null
              : {
                  totalSize: children.length,
                  done: true,
                  records: children.map((child) => this.shape(child, childPlan, version)),
                };
          break;
        }
      }
    }
    return out;
  }
}

function isCountAll(field: SoqlField): boolean {
  return (
    field.type === 'FieldFunctionExpression' &&
    field.functionName.toUpperCase() === 'COUNT' &&
    field.parameters.length === 0
  );
}

function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  const a = String(left).toLowerCase();
  const b = String(right).toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}
