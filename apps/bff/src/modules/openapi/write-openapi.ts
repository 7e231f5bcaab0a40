import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderOpenApiDocument } from './openapi-document';

/**
 * Regenerates `apps/bff/openapi.json` (from src through the TS loader, or from dist after a build):
 * `node --conditions=@portal/source -r ./scripts/lib/ts-register.cjs apps/bff/src/modules/openapi/write-openapi.ts`.
 */
const target = join(__dirname, '../../../openapi.json');
writeFileSync(target, renderOpenApiDocument());
process.stdout.write(`wrote ${target}\n`);
