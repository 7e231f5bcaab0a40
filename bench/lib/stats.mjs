// Latency statistics shared by the suites (values in ms).
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const summary = (values) => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  mean: values.reduce((a, b) => a + b, 0) / values.length,
});
