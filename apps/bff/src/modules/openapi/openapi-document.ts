import { domainJsonSchemas } from '@portal/domain';
import { z } from 'zod';
import { tokenPairSchema } from '../auth/auth.schema';
import { orderPageSchema } from '../orders/orders.schema';
import {
  portalOperations,
  requestComponents,
  type BodyRef,
  type PortalOperation,
} from './portal-api.operations';

type Json = Record<string, unknown>;

const errorEnvelopeSchema = z.object({
  code: z.string().describe('Stable error code'),
  message: z.string().describe('Safe for end users; never provider details'),
  requestId: z.string().describe('Echoes the `x-request-id` response header'),
  fields: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Validation failures by field path'),
});

/** Codes every authenticated route can answer besides its own. */
const SHARED_ERRORS: Readonly<Record<number, readonly string[]>> = {
  401: ['INVALID_TOKEN'],
  502: ['PROVIDER_INVALID_RESPONSE'],
  503: ['PROVIDER_UNAVAILABLE'],
  504: ['PROVIDER_TIMEOUT'],
};

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid request (field paths in `fields`)',
  401: 'Not authenticated',
  404: 'Not found (another customer’s resource answers exactly like a missing one)',
  409: 'Conflict',
  429: 'Too many attempts (see `Retry-After`)',
  500: 'Unexpected error (no details)',
  502: 'A backend service answered unexpectedly',
  503: 'A backend service is unavailable',
  504: 'A backend service did not answer in time',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dropped, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function components(): Json {
  const schemas: Json = {};
  for (const [name, schema] of Object.entries(domainJsonSchemas())) {
    const { $schema: _dropped, ...rest } = schema;
    schemas[name] = rest;
  }
  for (const [name, schema] of Object.entries(requestComponents)) schemas[name] = jsonSchema(schema, 'input');
  schemas.TokenPair = jsonSchema(tokenPairSchema, 'output');
  schemas.OrderPage = jsonSchema(orderPageSchema, 'output');
  schemas.ErrorEnvelope = jsonSchema(errorEnvelopeSchema, 'output');
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

function bodySchema(body: BodyRef): Json {
  return 'component' in body ? ref(body.component) : { type: 'array', items: ref(body.arrayOf) };
}

function parameters(operation: PortalOperation): Json[] {
  const list: Json[] = [];
  const add = (location: 'path' | 'query', object: z.ZodObject | undefined) => {
    if (!object) return;
    const schema = jsonSchema(object, 'input');
    const required = new Set((schema.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries((schema.properties as Record<string, Json>) ?? {})) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: location,
        required: location === 'path' || required.has(name),
        ...(description === undefined ? {} : { description }),
        schema: rest,
      });
    }
  };
  add('path', operation.params);
  add('query', operation.query);
  for (const [name, header] of Object.entries(operation.headers ?? {})) {
    const { description, ...rest } = jsonSchema(header.schema, 'input');
    list.push({
      name,
      in: 'header',
      required: header.required,
      ...(description === undefined ? {} : { description }),
      schema: rest,
    });
  }
  return list;
}

function errorResponses(operation: PortalOperation): Json {
  const codes = new Map<number, Set<string>>();
  const merge = (source: Readonly<Record<number, readonly string[]>>) => {
    for (const [status, list] of Object.entries(source)) {
      const set = codes.get(Number(status)) ?? new Set<string>();
      list.forEach((code) => set.add(code));
      codes.set(Number(status), set);
    }
  };
  merge(operation.errors);
  if (operation.authenticated) merge(SHARED_ERRORS);
  else merge({ 502: SHARED_ERRORS[502]!, 503: SHARED_ERRORS[503]!, 504: SHARED_ERRORS[504]! });
  merge({ 500: ['INTERNAL'] });
  const responses: Json = {};
  for (const status of [...codes.keys()].sort((a, b) => a - b)) {
    const list = [...codes.get(status)!].sort();
    responses[String(status)] = {
      description: `${ERROR_DESCRIPTIONS[status] ?? 'Error'}: ${list.join(', ')}`,
      ...(status === 429
        ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
        : {}),
      content: {
        'application/json': {
          schema: { allOf: [ref('ErrorEnvelope'), { properties: { code: { enum: list } } }] },
        },
      },
    };
  }
  return responses;
}

function operationObject(operation: PortalOperation): Json {
  const { success } = operation;
  const params = parameters(operation);
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.authenticated ? { security: [{ bearer: [] }] } : { security: [] }),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.body === undefined
      ? {}
      : {
          requestBody: { required: true, content: { 'application/json': { schema: ref(operation.body) } } },
        }),
    responses: {
      [String(success.status)]: {
        description: success.description,
        ...(success.body === undefined
          ? {}
          : { content: { 'application/json': { schema: bodySchema(success.body) } } }),
      },
      ...errorResponses(operation),
    },
  };
}

/** The OpenAPI 3.1 document of the portal API, built from the zod schemas the routes validate and answer with. */
export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const operation of portalOperations) {
    paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portal BFF API',
      version: '1.0.0',
      description:
        'The customer portal API. Money values are integer minor units with an ISO 4217 currency code. Errors ' +
        'answer `{ code, message, requestId }` (+ `fields` for validation). Provider trouble answers 502/503/504 ' +
        'with stable codes, or a stale cached value marked `x-cache: stale`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: ['Auth', 'Customer', 'Billing', 'Services', 'Catalog', 'Orders'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: components(),
    },
  };
}

/** The document as committed in `apps/bff/openapi.json`. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
