// The V8 flags the BFF runs with wherever it runs: `pnpm start`, `pnpm dev`, the benches (the Dockerfile and
// apps/bff's `start` script repeat them). A 64 MiB young generation (V8's default is 16) lets the objects of
// in-flight requests die young under load instead of being promoted and collected by full GCs: on the portal
// bench the default let the BFF fall, run after run, into a mode with a quarter of its CPU spent in GC.
export const BFF_NODE_FLAGS = ['--max-semi-space-size=64'];
