import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOpenApiDocument } from '../../src/modules/openapi/openapi-document';
import { startPortal, type PortalHarness } from './support/portal-harness';

const COMMITTED = join(__dirname, '../../openapi.json');
const REGENERATE =
  'node --conditions=@portal/source -r ./scripts/lib/ts-register.cjs apps/bff/src/modules/openapi/write-openapi.ts';

/** `METHOD /full/path` for every route in Fastify's printed route tree (HEAD and OPTIONS left out). */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = stack.join('') + match[2]!;
    stack.push(match[2]!);
    for (const method of match[3]!.split(', ')) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe('OpenAPI 3.1 document and /api/docs', () => {
  let portal: PortalHarness;

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('matches the committed apps/bff/openapi.json (regenerate when this fails)', () => {
    expect(readFileSync(COMMITTED, 'utf8'), `stale: run ${REGENERATE}`).toBe(renderOpenApiDocument());
  });

  it('documents exactly the portal routes the app serves', () => {
    const spec = JSON.parse(renderOpenApiDocument());
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const fastify = portal.app.getHttpAdapter().getInstance();
    for (const route of documented) {
      const [method, url] = route.split(' ') as [string, string];
      expect(fastify.hasRoute({ method: method, url }), route).toBe(true);
    }
    // Every /api route the app serves (other than the docs themselves) is in the document.
    const served = servedRoutes(fastify.printRoutes({ commonPrefix: false })).filter(
      (route) => route.includes(' /api/') && !route.includes('/api/docs'),
    );
    expect(served.length).toBeGreaterThan(0);
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
  });

  it('documents request and response schemas and the error codes of each operation', () => {
    const spec = JSON.parse(renderOpenApiDocument());
    expect(spec.openapi).toBe('3.1.0');
    const create = spec.paths['/api/orders'].post;
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    );
    expect(create.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/NewOrder');
    expect(create.responses['201'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Order',
    );
    expect(create.responses['409'].content['application/json'].schema.allOf[1].properties.code.enum).toEqual([
      'IDEMPOTENCY_KEY_REUSED',
      'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    ]);
    const invoice = spec.paths['/api/invoices/{id}'].get;
    expect(Object.keys(invoice.responses)).toEqual(['200', '400', '401', '404', '500', '502', '503', '504']);
    expect(invoice.responses['504'].description).toContain('PROVIDER_TIMEOUT');
    expect(spec.paths['/api/auth/login'].post.responses['429'].headers['Retry-After']).toBeDefined();
    for (const name of [
      'Invoice',
      'InvoicePage',
      'Order',
      'NewOrder',
      'SimUsage',
      'CustomerProfile',
      'ErrorEnvelope',
    ]) {
      expect(spec.components.schemas[name], name).toMatchObject({ type: 'object' });
    }
    expect(JSON.stringify(spec)).not.toContain('#/$defs/');
  });

  it('serves the document and an interactive reference at /api/docs without a token', async () => {
    const page = await portal.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<script src="/api/docs/docs.js">');
    // The HTML page widens the API's `default-src 'none'` just enough for its own script and styles.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await portal.request('GET', '/api/docs/docs.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    const json = await portal.request('GET', '/api/docs/openapi.json');
    expect(json.status).toBe(200);
    expect(json.text).toBe(readFileSync(COMMITTED, 'utf8'));
  });
});
