// `@kinerja/observability/register`: see src/register.ts. (This package has no "exports" map, so the
// subpath resolves to this file, for `import` and `node --require` alike.)
require('./dist/register');
