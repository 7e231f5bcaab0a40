/** Architecture rules, run by `pnpm check`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-framework-free',
      comment: 'packages/domain holds pure types, schemas and mappers: zod only.',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
        pathNot: 'node_modules/zod/',
      },
    },
    {
      name: 'domain-does-not-reach-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'bff-does-not-import-sandbox',
      comment: 'The BFF talks to the sandbox only over the network, like production.',
      severity: 'error',
      from: { path: '^apps/bff/src' },
      to: { path: '^apps/sandbox' },
    },
    {
      name: 'integrations-do-not-import-modules',
      comment: 'Provider modules sit below the portal feature modules.',
      severity: 'error',
      from: { path: '^apps/bff/src/integrations' },
      to: { path: '^apps/bff/src/modules' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(dist|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['@portal/source', 'require', 'default', 'types'] },
  },
};
