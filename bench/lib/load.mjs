// Runs autocannon in its own process (so it never competes with the server's event loop) and prints one JSON
// line: { requests, p50, p99, errors, non2xx }. Usage: node load.mjs <url> <connections> <seconds> [header=value...]
import autocannon from 'autocannon';

const [url, connections = '50', duration = '10', ...headerArgs] = process.argv.slice(2);
const headers = Object.fromEntries(
  headerArgs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(duration),
  headers,
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
