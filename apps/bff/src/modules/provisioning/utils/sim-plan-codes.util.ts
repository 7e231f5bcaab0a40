/** Parses PROVISIONING_SIM_PLAN_CODES (`SKU=PLAN,SKU=PLAN`, format checked by the config schema). */
export function simPlanCodes(setting: string): ReadonlyMap<string, string> {
  return new Map(
    setting.split(',').map((pair) => {
      const [sku = '', plan = ''] = pair.split('=');
      return [sku, plan];
    }),
  );
}
