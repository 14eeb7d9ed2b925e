// The package exposes its contrib extensions through `exports` only, which `moduleResolution: node10`
// does not read; Node resolves the path at run time.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  // An ambient module cannot import at its top without becoming an augmentation of a module that
  // node10 resolution does not find.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const pg_trgm: import('@electric-sql/pglite').Extension;
}
