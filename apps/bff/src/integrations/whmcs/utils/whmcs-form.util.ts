export type WhmcsScalar = string | number | boolean;
/** Parameters of one API call; arrays become PHP arrays (`pid[0]=…`), `undefined` is left out. */
export type WhmcsParams = Record<string, WhmcsScalar | readonly WhmcsScalar[] | undefined>;

/** Encodes parameters the way PHP's `http_build_query` does: `pid[0]=301&pid[1]=302`, `true` as `1`. */
export function buildWhmcsForm(params: WhmcsParams): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      (value as readonly WhmcsScalar[]).forEach((item, index) =>
        form.append(`${key}[${index}]`, scalar(item)),
      );
    } else {
      form.append(key, scalar(value as WhmcsScalar));
    }
  }
  return form;
}

function scalar(value: WhmcsScalar): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
