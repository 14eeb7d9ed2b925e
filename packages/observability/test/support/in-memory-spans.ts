// The SDK's span types as @kinerja/observability resolves them (2.x). Other workspaces resolve
// `@opentelemetry/sdk-trace-base` to the 1.x copy @apollo/gateway brings along: import from here.
export { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
