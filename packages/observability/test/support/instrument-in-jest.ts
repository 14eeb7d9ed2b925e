import type { Telemetry } from '@kinerja/observability';
import type { InstrumentationBase } from '@opentelemetry/instrumentation';

/**
 * Jest loads modules through its own registry, which the SDK's require hook never sees (it even
 * hands the hook a stand-in for Node's `module`). This applies each instrumentation's own patch to
 * the given modules, as the hook does when a real process requires them — register.test.ts shows
 * the hook doing it there. Pass the modules the test's code uses (`{ http: require('node:http'),
 * kafkajs: require('kafkajs') }`); returns the function that removes the patches again.
 */
export function instrumentForJest(telemetry: Telemetry, modules: Record<string, unknown>): () => void {
  const undo: (() => void)[] = [];
  for (const instrumentation of telemetry.instrumentations as unknown as InstrumentationBase[]) {
    for (const definition of instrumentation.getModuleDefinitions()) {
      const exports = modules[definition.name];
      if (!exports || !definition.patch) continue;
      definition.patch(exports);
      undo.push(() => definition.unpatch?.(exports));
    }
  }
  return () => {
    for (const step of undo.reverse()) step();
  };
}
