/**
 * Freebit operations and their paths under `/emptool/api/`. PA03-02, PA04-04 and PA05-21 paths are not in
 * the public spec excerpts: they are reconstructions shared with the sandbox (`apps/sandbox/src/freebit/`)
 * and must be checked against the full specification.
 */
export const FREEBIT_PATHS = {
  authOem: 'authOem',
  'PA03-02': 'master/getAcnt',
  'PA05-01': 'mvno/getTrafficInfo',
  'PA04-04': 'master/addSpec',
  'PA02-01': 'master/addAcnt',
  'PA02-04': 'master/cnclAcnt',
  'PA05-21': 'mvno/changePlan',
} as const;

export type FreebitOperation = keyof typeof FREEBIT_PATHS;

export function freebitUrl(baseUrl: string, operation: FreebitOperation): string {
  return `${baseUrl.replace(/\/+$/, '')}/emptool/api/${FREEBIT_PATHS[operation]}/`;
}
