/** Three tiers: unit (pure rules), integration (real PostgreSQL), e2e (the apps over HTTP/SFTP/SMTP). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@remitd/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@remitd/([a-z-]+)/(.+)$': '<rootDir>/libs/$1/src/$2',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const base = { rootDir: __dirname, transform: { '^.+\\.(t|j)s$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/libs/**/*.int-spec.ts',
        '<rootDir>/apps/**/*.int-spec.ts',
        '<rootDir>/test/**/*.e2e-spec.ts',
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
};
