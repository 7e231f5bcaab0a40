/**
 * Every Freebit operation the simulator serves, keyed by the name used in admin counts and faults
 * (`PUT /__admin/faults/PA03-02`). Paths sit under `/emptool/api/` and end with `/`.
 *
 * Paths marked "reconstructed" are not shown by the public spec excerpts (see README.md): they are
 * kept here, in one place, so they can be corrected when the full specification is at hand.
 */
export const FREEBIT_OPERATIONS = {
  authOem: 'authOem',
  /** PA03-02 account detail: reconstructed path. */
  'PA03-02': 'master/getAcnt',
  /** PA05-01 traffic information (confirmed path). */
  'PA05-01': 'mvno/getTrafficInfo',
  /** PA04-04 spec/quota addition: reconstructed path. */
  'PA04-04': 'master/addSpec',
  /** PA02-01 account registration (confirmed path). */
  'PA02-01': 'master/addAcnt',
  /** PA02-04 account cancellation (confirmed path). */
  'PA02-04': 'master/cnclAcnt',
  /** PA05-21 plan change: reconstructed path. */
  'PA05-21': 'mvno/changePlan',
} as const;

export type FreebitOperation = keyof typeof FREEBIT_OPERATIONS;

export const FREEBIT_API_PREFIX = '/emptool/api/';

const byPath = new Map<string, FreebitOperation>(
  Object.entries(FREEBIT_OPERATIONS).map(([operation, path]) => [path, operation as FreebitOperation]),
);

/** The operation served at a request path such as `/emptool/api/mvno/getTrafficInfo/` (trailing slash optional). */
export function operationForPath(url: string): FreebitOperation | undefined {
  const pathname = url.split('?')[0] ?? '';
  if (!pathname.startsWith(FREEBIT_API_PREFIX)) return undefined;
  return byPath.get(pathname.slice(FREEBIT_API_PREFIX.length).replace(/\/+$/, ''));
}
