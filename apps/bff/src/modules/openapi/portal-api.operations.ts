import { Orders } from '@portal/domain';
import { type z } from 'zod';
import { loginRequestSchema, refreshRequestSchema } from '../auth/auth.schema';
import { catalogQuerySchema } from '../catalog/catalog.schema';
import { invoiceIdParamSchema, invoiceListQuerySchema } from '../invoices/invoices.schema';
import { idempotencyKeySchema, orderIdParamSchema, orderListQuerySchema } from '../orders/orders.schema';
import { simUsageQuerySchema } from '../sim/sim.schema';
import { subscriptionIdParamSchema } from '../subscriptions/subscriptions.schema';

type ObjectSchema = z.ZodObject;

/** A response body: a named component schema, or an array of one. */
export type BodyRef = { readonly component: string } | { readonly arrayOf: string };

/** One portal API operation as the OpenAPI document describes it; schemas are the ones the routes validate with. */
export interface PortalOperation {
  readonly method: 'get' | 'post';
  /** OpenAPI path (`{id}` placeholders). */
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly authenticated: boolean;
  readonly params?: ObjectSchema;
  readonly query?: ObjectSchema;
  readonly headers?: Readonly<Record<string, { readonly schema: z.ZodType; readonly required: boolean }>>;
  /** Request body: a component name. */
  readonly body?: string;
  readonly success: { readonly status: number; readonly description: string; readonly body?: BodyRef };
  /** Error status → the codes it can carry (beyond the ones every authenticated route shares). */
  readonly errors: Readonly<Record<number, readonly string[]>>;
}

/** Request schemas that get a component of their own. */
export const requestComponents: Readonly<Record<string, z.ZodType>> = {
  LoginRequest: loginRequestSchema,
  RefreshRequest: refreshRequestSchema,
  NewOrder: Orders.newOrderSchema,
};

export const portalOperations: readonly PortalOperation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    operationId: 'login',
    tag: 'Auth',
    summary: 'Log in with the billing account email and password',
    authenticated: false,
    body: 'LoginRequest',
    success: { status: 200, description: 'Access and refresh tokens', body: { component: 'TokenPair' } },
    errors: { 400: ['VALIDATION_FAILED'], 401: ['INVALID_CREDENTIALS'], 429: ['RATE_LIMITED'] },
  },
  {
    method: 'post',
    path: '/api/auth/refresh',
    operationId: 'refresh',
    tag: 'Auth',
    summary: 'Rotate a refresh token (reusing a rotated one revokes its whole family)',
    authenticated: false,
    body: 'RefreshRequest',
    success: { status: 200, description: 'New access and refresh tokens', body: { component: 'TokenPair' } },
    errors: { 400: ['VALIDATION_FAILED'], 401: ['INVALID_REFRESH_TOKEN'] },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    operationId: 'logout',
    tag: 'Auth',
    summary: "Revoke the refresh token's family",
    authenticated: false,
    body: 'RefreshRequest',
    success: { status: 204, description: 'Logged out (also for unknown tokens)' },
    errors: { 400: ['VALIDATION_FAILED'] },
  },
  {
    method: 'get',
    path: '/api/me',
    operationId: 'getProfile',
    tag: 'Customer',
    summary: 'The caller’s profile (Salesforce account and WHMCS client merged)',
    authenticated: true,
    success: { status: 200, description: 'Profile', body: { component: 'CustomerProfile' } },
    errors: {},
  },
  {
    method: 'get',
    path: '/api/invoices',
    operationId: 'listInvoices',
    tag: 'Billing',
    summary: 'A page of the caller’s invoices, newest first',
    authenticated: true,
    query: invoiceListQuerySchema,
    success: { status: 200, description: 'Invoice page', body: { component: 'InvoicePage' } },
    errors: { 400: ['VALIDATION_FAILED'] },
  },
  {
    method: 'get',
    path: '/api/invoices/{id}',
    operationId: 'getInvoice',
    tag: 'Billing',
    summary: 'One of the caller’s invoices with its items',
    authenticated: true,
    params: invoiceIdParamSchema,
    success: { status: 200, description: 'Invoice', body: { component: 'Invoice' } },
    errors: { 400: ['VALIDATION_FAILED'], 404: ['INVOICE_NOT_FOUND'] },
  },
  {
    method: 'get',
    path: '/api/subscriptions',
    operationId: 'listSubscriptions',
    tag: 'Services',
    summary: 'The caller’s services',
    authenticated: true,
    success: { status: 200, description: 'Services', body: { component: 'SubscriptionList' } },
    errors: {},
  },
  {
    method: 'get',
    path: '/api/subscriptions/{id}',
    operationId: 'getSubscription',
    tag: 'Services',
    summary: 'One of the caller’s services',
    authenticated: true,
    params: subscriptionIdParamSchema,
    success: { status: 200, description: 'Service', body: { component: 'Subscription' } },
    errors: { 400: ['VALIDATION_FAILED'], 404: ['SUBSCRIPTION_NOT_FOUND'] },
  },
  {
    method: 'get',
    path: '/api/subscriptions/{id}/sim',
    operationId: 'getSimDetails',
    tag: 'Services',
    summary: 'Details of the SIM on one of the caller’s services',
    authenticated: true,
    params: subscriptionIdParamSchema,
    success: { status: 200, description: 'SIM details', body: { component: 'SimDetails' } },
    errors: { 400: ['VALIDATION_FAILED'], 404: ['SUBSCRIPTION_NOT_FOUND', 'SIM_NOT_FOUND'] },
  },
  {
    method: 'get',
    path: '/api/subscriptions/{id}/sim/usage',
    operationId: 'getSimUsage',
    tag: 'Services',
    summary: 'Daily data usage of the SIM on one of the caller’s services',
    authenticated: true,
    params: subscriptionIdParamSchema,
    query: simUsageQuerySchema,
    success: { status: 200, description: 'SIM usage', body: { component: 'SimUsage' } },
    errors: { 400: ['VALIDATION_FAILED'], 404: ['SUBSCRIPTION_NOT_FOUND', 'SIM_NOT_FOUND'] },
  },
  {
    method: 'get',
    path: '/api/catalog',
    operationId: 'listCatalog',
    tag: 'Catalog',
    summary: 'Orderable products of one family with portal prices',
    authenticated: true,
    query: catalogQuerySchema,
    success: { status: 200, description: 'Products', body: { arrayOf: 'CatalogProduct' } },
    errors: { 400: ['VALIDATION_FAILED'] },
  },
  {
    method: 'get',
    path: '/api/orders',
    operationId: 'listOrders',
    tag: 'Orders',
    summary: 'A page of the caller’s orders, newest first',
    authenticated: true,
    query: orderListQuerySchema,
    success: { status: 200, description: 'Order page', body: { component: 'OrderPage' } },
    errors: { 400: ['VALIDATION_FAILED'] },
  },
  {
    method: 'get',
    path: '/api/orders/{id}',
    operationId: 'getOrder',
    tag: 'Orders',
    summary: 'One of the caller’s orders with its items',
    authenticated: true,
    params: orderIdParamSchema,
    success: { status: 200, description: 'Order', body: { component: 'Order' } },
    errors: { 400: ['VALIDATION_FAILED'], 404: ['ORDER_NOT_FOUND'] },
  },
  {
    method: 'post',
    path: '/api/orders',
    operationId: 'createOrder',
    tag: 'Orders',
    summary:
      'Place an order (status "Pending Review"); the same Idempotency-Key and body answer the same order',
    authenticated: true,
    headers: { 'Idempotency-Key': { schema: idempotencyKeySchema, required: true } },
    body: 'NewOrder',
    success: {
      status: 201,
      description: 'The order (header `idempotent-replayed: true` when the key already stood for it)',
      body: { component: 'Order' },
    },
    errors: {
      400: ['VALIDATION_FAILED'],
      409: ['IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_REQUEST_IN_PROGRESS'],
    },
  },
];
