import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WhmcsSimulator } from '../../../../sandbox/src/whmcs/whmcs-simulator';
import { WhmcsInvoiceService } from '../../../src/integrations/whmcs/services/whmcs-invoice.service';
import type { TestApp } from '../../support/test-app';
import { bootAppFor, SIM_SECRET, startWhmcsSimulator } from './whmcs-harness';

// Its own file: the app's log capture must be the only one in this process.
describe('WHMCS credentials refused', () => {
  let simulator: WhmcsSimulator;
  let harness: TestApp;

  beforeAll(async () => {
    simulator = await startWhmcsSimulator({ secret: 'rotated-on-the-whmcs-side' });
    harness = await bootAppFor(simulator);
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.stop();
  });

  it('raises UNAUTHORIZED with an alert-level log that never contains the request body', async () => {
    const error = await harness.app
      .get(WhmcsInvoiceService)
      .getPage(1, { page: 1, pageSize: 5 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'WHMCS_API_AUTH_FAILED', category: 'UNAUTHORIZED' });
    const alert = await vi.waitFor(() => {
      const found = harness.logs.records().find((record) => record.alert === true);
      if (!found) throw new Error('no alert log yet');
      return found;
    });
    expect(alert).toMatchObject({ level: 50, status: 403, code: 'WHMCS_API_AUTH_FAILED' });
    expect(['GetInvoices', 'GetCurrencies']).toContain(alert?.action);
    expect(harness.logs.text()).not.toContain(SIM_SECRET);
    expect(harness.logs.text()).not.toContain('identifier=');
  });
});
