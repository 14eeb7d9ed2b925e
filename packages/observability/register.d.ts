// `import '@kinerja/observability/register'` only runs it; it exports nothing.
export {};
