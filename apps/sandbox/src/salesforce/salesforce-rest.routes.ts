import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SalesforceApiError, notFound, sessionInvalid } from './salesforce-api-error';
import { SalesforceIdFactory } from './salesforce-ids';
import { findChildRelationship, findSObject } from './salesforce-objects';
import { bearer } from './salesforce-oauth.routes';
import type { SalesforceSimulatorContext } from './salesforce-simulator.types';
import type { SObjectRecord } from './salesforce-store';
import { SoqlEngine } from './soql/soql-engine';

const JSON_TYPE = 'application/json;charset=UTF-8';
const VERSION = /^v(\d{2,3}\.\d)$/;
const DEFAULT_BATCH = 2000;
const MAX_OPEN_CURSORS = 50;
const MAX_COLLECTION = 200;

interface Cursor {
  readonly records: Array<Record<string, unknown>>;
  readonly totalSize: number;
  readonly batchSize: number;
}

interface SaveError {
  statusCode: string;
  message: string;
  fields: string[];
}

type Params = { version: string; type?: string; id?: string; locator?: string };

/**
 * The REST API under `/services/data/vNN.N/`: query/queryAll + query-more locators, sObject create/retrieve/update,
 * `composite/sobjects` collections create (all-or-none) and `composite/tree/<Type>` (parent + children, atomic).
 * Each operation is counted and can carry an injected fault under the name shown in `operation(...)`.
 */
export function registerRestRoutes(app: FastifyInstance, context: SalesforceSimulatorContext): void {
  const { store, tokens, faults, counter, config } = context;
  const engine = new SoqlEngine(store);
  const cursors = new Map<string, Cursor>();
  const locatorIds = new SalesforceIdFactory();
  let apiUsage = 0;

  /** Count, apply the injected fault, check the session, then run the handler; errors get Salesforce's shape. */
  const operation =
    (
      name: (request: FastifyRequest) => string,
      handler: (request: FastifyRequest, reply: FastifyReply, version: string) => unknown,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
      const op = name(request);
      counter.increment(op);
      apiUsage += 1;
      reply.header('Sforce-Limit-Info', `api-usage=${apiUsage}/${config.apiRequestLimit}`);
      reply.header('content-type', JSON_TYPE);
      const decision = faults.decide(op);
      await faults.delay(decision);
      if (decision.failure) return context.sendFailure(reply, decision.failure);
      try {
        if (!tokens.isValidAccessToken(bearer(request.headers.authorization))) throw sessionInvalid();
        const version = VERSION.exec((request.params as Params).version)?.[1];
        if (!version) throw notFound();
        return await handler(request, reply, version);
      } catch (error) {
        if (error instanceof SalesforceApiError) return reply.code(error.status).send(error.toBody());
        throw error;
      }
    };

  const sobjectName = (request: FastifyRequest): string => {
    const type = (request.params as Params).type ?? '';
    return findSObject(type)?.name ?? type;
  };

  const page = (
    cursorId: string,
    cursor: Cursor,
    offset: number,
    version: string,
  ): Record<string, unknown> => {
    const end = Math.min(offset + cursor.batchSize, cursor.records.length);
    const done = end >= cursor.records.length;
    if (done) cursors.delete(cursorId);
    return {
      totalSize: cursor.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${cursorId}-${end}` }),
      records: cursor.records.slice(offset, end),
    };
  };

  const runQuery = (request: FastifyRequest, _reply: FastifyReply, version: string): unknown => {
    const q = (request.query as { q?: string }).q;
    if (!q) throw new SalesforceApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const outcome = engine.execute(q, version);
    const cursorId = locatorIds.next('01g');
    const cursor = { records: outcome.records, totalSize: outcome.totalSize, batchSize: batchSize(request) };
    cursors.set(cursorId, cursor);
    if (cursors.size > MAX_OPEN_CURSORS) cursors.delete(cursors.keys().next().value!);
    return page(cursorId, cursor, 0, version);
  };

  for (const path of ['query', 'query/', 'queryAll', 'queryAll/']) {
    app.get(
      `/services/data/:version/${path}`,
      operation(() => 'query', runQuery),
    );
  }

  app.get(
    '/services/data/:version/query/:locator',
    operation(
      () => 'queryMore',
      (request, _reply, version) => {
        const match = /^(01g[a-zA-Z0-9]{15})-(\d+)$/.exec((request.params as Params).locator ?? '');
        const cursor = match ? cursors.get(match[1]!) : undefined;
        if (!match || !cursor)
          throw new SalesforceApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        return page(match[1]!, cursor, Number(match[2]), version);
      },
    ),
  );

  app.post(
    '/services/data/:version/sobjects/:type',
    operation(
      (request) => `create:${sobjectName(request)}`,
      (request, reply) => {
        const record = store.create(sobjectName(request), body(request));
        return reply.code(201).send({ id: record.Id, success: true, errors: [] });
      },
    ),
  );

  app.get(
    '/services/data/:version/sobjects/:type/:id',
    operation(
      (request) => `retrieve:${sobjectName(request)}`,
      (request, _reply, version) => {
        const name = sobjectName(request);
        const sobject = findSObject(name);
        const record = sobject && store.get(sobject.name, (request.params as Params).id ?? '');
        if (!sobject || !record) throw notFound();
        const fields = (request.query as { fields?: string }).fields;
        const soql = `SELECT ${fields ?? [...sobject.fields.values()].map((field) => field.name).join(', ')} FROM ${sobject.name} WHERE Id = '${record.Id}'`;
        return engine.execute(soql, version).records[0];
      },
    ),
  );

  app.patch(
    '/services/data/:version/sobjects/:type/:id',
    operation(
      (request) => `update:${sobjectName(request)}`,
      (request, reply) => {
        if (!findSObject(sobjectName(request))) throw notFound();
        store.update(sobjectName(request), (request.params as Params).id ?? '', body(request));
        return reply.code(204).send();
      },
    ),
  );

  app.post(
    '/services/data/:version/composite/sobjects',
    operation(
      () => 'composite.sobjects',
      (request) => {
        const { allOrNone, records } = body(request) as { allOrNone?: unknown; records?: unknown };
        if (!Array.isArray(records) || records.length === 0) {
          throw new SalesforceApiError(400, 'INVALID_INPUT', 'records: A list of records is required');
        }
        if (records.length > MAX_COLLECTION) {
          throw new SalesforceApiError(
            400,
            'EXCEEDED_ID_LIMIT',
            `Number of records exceeds max limit of ${MAX_COLLECTION}`,
          );
        }
        return createCollection(context, records as Array<Record<string, unknown>>, allOrNone === true);
      },
    ),
  );

  app.post(
    '/services/data/:version/composite/tree/:type',
    operation(
      (request) => `composite.tree:${sobjectName(request)}`,
      (request, reply) => {
        const outcome = createTree(context, sobjectName(request), body(request));
        return reply.code(outcome.hasErrors ? 400 : 201).send(outcome);
      },
    ),
  );
}

function body(request: FastifyRequest): Record<string, unknown> {
  const value = request.body;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SalesforceApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function batchSize(request: FastifyRequest): number {
  const header = request.headers['sforce-query-options'];
  const match = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  // Salesforce honours 200..2000 and may pick another size; the simulator clamps.
  return match ? Math.min(2000, Math.max(200, Number(match[1]))) : DEFAULT_BATCH;
}

function typeOf(record: Record<string, unknown>): string {
  const attributes = record.attributes as { type?: unknown } | undefined;
  if (typeof attributes?.type !== 'string') {
    throw new SalesforceApiError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  }
  return attributes.type;
}

const rolledBack: SaveError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

function saveError(error: unknown): SaveError {
  if (error instanceof SalesforceApiError) return error.toSaveError();
  throw error;
}

function createCollection(
  context: SalesforceSimulatorContext,
  records: Array<Record<string, unknown>>,
  allOrNone: boolean,
): Array<{ id?: string; success: boolean; errors: SaveError[] }> {
  const results: Array<{ id?: string; success: boolean; errors: SaveError[] }> = [];
  const createAll = (): void => {
    for (const record of records) {
      try {
        const { attributes: _attributes, ...fields } = record;
        const created = context.store.create(typeOf(record), fields);
        results.push({ id: created.Id, success: true, errors: [] });
      } catch (error) {
        results.push({ success: false, errors: [saveError(error)] });
      }
    }
    if (allOrNone && results.some((result) => !result.success)) throw new RollBack();
  };
  try {
    context.store.atomically(createAll);
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return results.map((result) => (result.success ? { success: false, errors: [rolledBack] } : result));
  }
  return results;
}

class RollBack extends Error {}

interface TreeOutcome {
  hasErrors: boolean;
  results: Array<{ referenceId: string; id?: string; errors?: SaveError[] }>;
}

/** sObject Tree: parents with nested child records, created together; any error leaves nothing behind. */
function createTree(
  context: SalesforceSimulatorContext,
  type: string,
  input: Record<string, unknown>,
): TreeOutcome {
  const { records } = input as { records?: unknown };
  if (!Array.isArray(records) || records.length === 0) {
    throw new SalesforceApiError(400, 'INVALID_INPUT', 'records: A list of records is required');
  }
  const results: TreeOutcome['results'] = [];
  const referenceIds = new Set<string>();
  let total = 0;
  let failed: TreeOutcome | undefined;

  const insert = (
    sobject: string,
    record: Record<string, unknown>,
    parentLink?: { field: string; id: string },
  ): void => {
    total += 1;
    if (total > MAX_COLLECTION) {
      throw new SalesforceApiError(
        400,
        'EXCEEDED_ID_LIMIT',
        `Number of records exceeds max limit of ${MAX_COLLECTION}`,
      );
    }
    const { attributes, ...rest } = record as { attributes?: { type?: unknown; referenceId?: unknown } };
    const referenceId = attributes?.referenceId;
    if (typeof referenceId !== 'string' || referenceIds.has(referenceId)) {
      throw new SalesforceApiError(400, 'INVALID_INPUT', 'Include a unique reference ID for each record.');
    }
    referenceIds.add(referenceId);
    if (attributes?.type !== sobject) {
      throw new SalesforceApiError(
        400,
        'INVALID_TYPE',
        `Record type ${String(attributes?.type)} does not match ${sobject}`,
      );
    }
    const describe = findSObject(sobject)!;
    const fields: Record<string, unknown> = {};
    const nested: Array<[string, unknown]> = [];
    for (const [key, value] of Object.entries(rest)) {
      if (findChildRelationship(describe, key)) nested.push([key, value]);
      else fields[key] = value;
    }
    if (parentLink) fields[parentLink.field] = parentLink.id;
    let created: SObjectRecord;
    try {
      created = context.store.create(sobject, fields);
    } catch (error) {
      failed = { hasErrors: true, results: [{ referenceId, errors: [saveError(error)] }] };
      throw new RollBack();
    }
    results.push({ referenceId, id: created.Id });
    for (const [relationshipName, value] of nested) {
      const relationship = findChildRelationship(describe, relationshipName)!;
      const children = (value as { records?: unknown } | null)?.records;
      if (!Array.isArray(children)) continue;
      for (const child of children as Array<Record<string, unknown>>) {
        insert(relationship.childSObject, child, { field: relationship.field, id: created.Id });
      }
    }
  };

  if (!findSObject(type)) throw notFound();
  try {
    context.store.atomically(() => {
      for (const record of records as Array<Record<string, unknown>>) insert(findSObject(type)!.name, record);
    });
  } catch (error) {
    if (error instanceof RollBack && failed) return failed;
    throw error;
  }
  return { hasErrors: false, results };
}
