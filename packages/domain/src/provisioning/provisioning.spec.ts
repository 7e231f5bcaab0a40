import { describe, expect, it } from 'vitest';
import event from '../../fixtures/salesforce/order-provision-requested-event.json';
import { MappingError } from '../common/mapping.errors';
import { Provisioning } from '../index';

const { parseOrderProvisionRequestedEvent } = Provisioning.Providers.Salesforce;

describe('Provisioning.Providers.Salesforce.parseOrderProvisionRequestedEvent', () => {
  it('parses the decoded event', () => {
    expect(parseOrderProvisionRequestedEvent(event)).toEqual({
      orderId: event.OrderId__c,
      idempotencyKey: event.IdemKey__c,
      correlationId: event.CorrelationId__c,
      requestedBy: event.RequestedBy__c,
      version: 1,
      createdAt: new Date(event.CreatedDate).toISOString(),
      createdById: event.CreatedById,
    });
  });

  it('accepts other casings of the API names, Avro union wrappers and a 15-character id', () => {
    const parsed = parseOrderProvisionRequestedEvent({
      orderId__c: { string: event.OrderId__c.slice(0, 15) },
      idemKey__c: { string: 'key-1' },
      CORRELATIONID__C: null,
      version__c: { double: 2 },
      createddate: '2026-03-31T09:03:40.000+0000',
    });
    expect(parsed).toMatchObject({
      orderId: event.OrderId__c,
      idempotencyKey: 'key-1',
      correlationId: null,
      requestedBy: null,
      version: 2,
      createdAt: '2026-03-31T09:03:40.000Z',
      createdById: null,
    });
  });

  it('rejects a missing or malformed order id without echoing it', () => {
    expect(() => parseOrderProvisionRequestedEvent({ IdemKey__c: 'k' })).toThrowError(
      expect.objectContaining({ name: 'MappingError', path: 'orderid__c' }),
    );
    try {
      parseOrderProvisionRequestedEvent({ OrderId__c: "801' OR 1=1 --" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect((error as Error).message).not.toContain('OR 1=1');
    }
    expect(() => parseOrderProvisionRequestedEvent(null)).toThrowError(MappingError);
    expect(() => parseOrderProvisionRequestedEvent({ ...event, IdemKey__c: 'x'.repeat(81) })).toThrowError(
      expect.objectContaining({ stage: 'domain', path: 'idempotencyKey' }),
    );
  });
});

describe('Provisioning.toProvisioningJobData', () => {
  it('builds job data with a deterministic idempotency key', () => {
    const parsed = parseOrderProvisionRequestedEvent(event);
    const receivedAt = new Date('2026-11-25T12:00:00Z');
    expect(
      Provisioning.toProvisioningJobData(parsed, {
        source: 'platform_event',
        requestId: 'req-1',
        receivedAt,
      }),
    ).toEqual({
      orderId: event.OrderId__c,
      idempotencyKey: event.IdemKey__c,
      correlationId: event.CorrelationId__c,
      requestedBy: event.RequestedBy__c,
      requestId: 'req-1',
      source: 'platform_event',
      receivedAt: '2026-11-25T12:00:00.000Z',
    });
    const keyless = { ...parsed, idempotencyKey: null };
    expect(
      Provisioning.toProvisioningJobData(keyless, { source: 'manual', requestId: null, receivedAt })
        .idempotencyKey,
    ).toBe(event.OrderId__c);
  });
});
