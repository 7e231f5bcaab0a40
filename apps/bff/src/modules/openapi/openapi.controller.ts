import { Controller, Get, Header } from '@nestjs/common';
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_HTML, DOCS_SCRIPT } from './docs-page';
import { renderOpenApiDocument } from './openapi-document';

/** The API description (`/api/docs/openapi.json`) and its interactive reference (`/api/docs`); public. */
@Controller('docs')
export class OpenApiController {
  /** Built once at boot from the zod schemas; the committed `apps/bff/openapi.json` is checked against it. */
  private readonly document = renderOpenApiDocument();

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY)
  page(): string {
    return DOCS_HTML;
  }

  @Get('docs.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  script(): string {
    return DOCS_SCRIPT;
  }

  @Get('openapi.json')
  @Header('content-type', 'application/json; charset=utf-8')
  openapi(): string {
    return this.document;
  }
}
