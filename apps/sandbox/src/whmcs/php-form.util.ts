/**
 * Decodes an `application/x-www-form-urlencoded` body the way PHP fills `$_POST`: `pid[0]=1&pid[1]=3`
 * and `pid[]=1&pid[]=3` become arrays, plain keys stay strings. Later duplicates of a plain key win, as in PHP.
 */
export type FormValue = string | FormArray;
export interface FormArray {
  [key: string]: FormValue;
}

const BRACKETS = /^([^[\]]+)((?:\[[^[\]]*\])+)$/;

export function parsePhpForm(body: string): FormArray {
  const result: FormArray = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = BRACKETS.exec(rawKey);
    if (!match) {
      result[rawKey] = value;
      continue;
    }
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1]!)];
    assign(result, path, value);
  }
  return result;
}

function assign(target: FormArray, path: string[], value: string): void {
  let node = target;
  for (let index = 0; index < path.length - 1; index++) {
    const key = path[index] === '' ? String(nextIndex(node)) : path[index]!;
    const existing = node[key];
    if (typeof existing === 'object') node = existing;
    else {
      const child: FormArray = {};
      node[key] = child;
      node = child;
    }
  }
  const last = path[path.length - 1]!;
  node[last === '' ? String(nextIndex(node)) : last] = value;
}

function nextIndex(node: FormArray): number {
  const indexes = Object.keys(node)
    .filter((key) => /^[0-9]+$/.test(key))
    .map(Number);
  return indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
}

/** The values of a PHP array parameter in key order, or `undefined` when it was not sent as an array. */
export function formList(value: FormValue | undefined): string[] | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  return Object.keys(value)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => {
      const item = value[key]!;
      return typeof item === 'string' ? item : '';
    });
}
