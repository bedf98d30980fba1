/** the IdentityConfig (libs/config) the module was started with */
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
