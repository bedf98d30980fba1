/** A real dynamic import(): TypeScript's CommonJS output would turn `import()` into require(), which cannot load ES modules. */

export const esmImport = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;
