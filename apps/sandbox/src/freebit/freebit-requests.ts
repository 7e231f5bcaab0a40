import { z } from 'zod';
import { fromFreebitDate, toFreebitDate } from './freebit-clock';
import type { FreebitOperation } from './freebit-paths';

/** Parameter rules from the spec: MSISDN 11–14 digits, product number 2 letters + 13 digits, `YYYYMMDD`, `"10"`/`"20"`. */
const msisdn = z.string().regex(/^\d{11,14}$/);
const productNumber = z.string().regex(/^[A-Z]{2}\d{13}$/);
const yyyymmdd = z
  .string()
  .regex(/^\d{8}$/)
  .refine((value) => toFreebitDate(fromFreebitDate(value)) === value, 'not a calendar date');
/** PA02-04 also accepts `YYYY/MM/DD` and `YYYY-MM-DD`; normalised to `YYYYMMDD`. */
const looseDate = z
  .string()
  .regex(/^\d{4}[-/]?\d{2}[-/]?\d{2}$/)
  .transform((value) => value.replace(/[-/]/g, ''))
  .pipe(yyyymmdd);
const flag = z.enum(['10', '20']);
const authKey = z.string().min(1);
const planCode = z.string().regex(/^[A-Za-z0-9_]{1,32}$/);

export const freebitRequestSchemas = {
  authOem: z.object({ oemId: z.string().min(1), oemKey: z.string().min(1) }),
  'PA03-02': z.object({
    authKey,
    displayPass: flag.optional(),
    version: z.string().optional(),
    requestDatas: z.array(z.object({ kind: z.enum(['MVNO', 'MASTER']), account: msisdn })).min(1),
  }),
  'PA05-01': z.object({ authKey, account: msisdn }),
  'PA04-04': z.object({
    authKey,
    kind: z.literal('MVNO').optional(),
    account: msisdn,
    quota: z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(512_000)),
    quotaCode: z.string().min(1).max(512).optional(),
    expire: yyyymmdd.optional(),
  }),
  'PA02-01': z.object({
    authKey,
    createType: z.enum(['new', 'add']),
    masterAccount: z.string().min(1).max(64).optional(),
    masterPassword: z.string().min(1).max(256).optional(),
    startDate: yyyymmdd.optional(),
    relationCode: z.string().optional(),
    // Beyond the public excerpt (reconstructed): the MVNO account being registered.
    kind: z.literal('MVNO'),
    account: msisdn,
    productNumber,
    planCode,
    eid: z
      .string()
      .regex(/^\d{32}$/)
      .optional(),
    contractLine: z.enum(['4G', '5G']).optional(),
    voiceMail: flag.optional(),
    callWaiting: flag.optional(),
  }),
  'PA02-04': z.object({
    authKey,
    kind: z.literal('MVNO'),
    account: msisdn,
    runDate: looseDate.optional(),
  }),
  'PA05-21': z.object({
    authKey,
    account: msisdn,
    planCode,
    globalIp: flag.optional(),
    runTime: yyyymmdd.optional(),
  }),
} satisfies Record<FreebitOperation, z.ZodType>;

export type FreebitRequest<O extends FreebitOperation> = z.output<(typeof freebitRequestSchemas)[O]>;

/** The detailed `status.statusCode` for the first invalid field (reconstructed codes, see README.md). */
export function statusCodeForField(field: string): string {
  switch (field) {
    case 'account':
      return '301';
    case 'productNumber':
      return '302';
    case 'startDate':
    case 'runDate':
    case 'runTime':
    case 'expire':
      return '303';
    case 'displayPass':
    case 'globalIp':
    case 'voiceMail':
    case 'callWaiting':
      return '304';
    case 'quota':
      return '305';
    case 'planCode':
      return '306';
    default:
      return '309';
  }
}
