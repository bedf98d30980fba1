/** A real dynamic import(): TypeScript's CommonJS output would turn `import()` into require(), which cannot load ES modules. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const esmImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
