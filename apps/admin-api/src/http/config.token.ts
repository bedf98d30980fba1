/** The app's RemitdConfig, for controllers that show configured facts (the provider name). Its own file: controllers cannot import the module that imports them. */
export const REMITD_CONFIG = Symbol('REMITD_CONFIG');
