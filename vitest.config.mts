import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the Nest decorators (with metadata) that esbuild cannot; the custom
// condition makes workspace packages resolve to their TypeScript sources.
const shared = {
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { conditions: ['@portal/source'] },
  ssr: { resolve: { conditions: ['@portal/source'] } },
};

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
    env: { TZ: 'UTC', NODE_ENV: 'test' },
    projects: [
      {
        ...shared,
        test: {
          name: 'domain',
          include: ['packages/domain/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.spec.ts', 'apps/*/test/unit/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['apps/*/test/integration/**/*.spec.ts', 'apps/*/test/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test-support/redis-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
