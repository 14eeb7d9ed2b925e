import { context, trace } from '@opentelemetry/api';
import { pino } from 'pino';

export type Logger = pino.Logger;

export interface LoggerOptions {
  name: string;
  level?: string;
  /** A file to append to instead of stdout (the embedded mode keeps the terminal for its banner). */
  destination?: string;
}

/** JSON logs on stdout; every line carries the active trace and span ids when there is a span. */
export function createLogger({ name, level = 'info', destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const span = trace.getSpan(context.active());
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
  };
  return destination ? pino(options, pino.destination({ dest: destination, append: true, mkdir: true, sync: false })) : pino(options);
}
