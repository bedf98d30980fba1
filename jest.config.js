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
/**
 * ES-only packages the sign-in code uses (otplib's @scure/@noble, openid-client's oauth4webapi
 * and jose): Node 20.20 require()s them, jest cannot, so @swc/jest compiles them to CommonJS.
 */
const ESM_PACKAGES = ['@scure', '@noble', 'openid-client', 'oauth4webapi', 'jose'];
const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc },
  // also where npm nested them (…/node_modules/@otplib/…/node_modules/@noble/…)
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/).*/node_modules/`],
  moduleNameMapper,
  testEnvironment: 'node',
};

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
