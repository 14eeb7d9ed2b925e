/**
 * The alert rules shipped beside the manifests: deploy/prometheus-rules.yml (compose's Prometheus)
 * and k8s/monitoring/prometheus-rule.yaml (the Prometheus Operator) parse, hold the same groups,
 * cover the backbone (consumer lag, dead letters, outbox age) and name only metrics the processes
 * export — a renamed metric would otherwise leave an alert that never fires.
 */
import { createMetrics } from '@kinerja/observability';

import { loadCompose } from './support/compose';
import { readYaml } from './support/manifests';

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}
interface Groups {
  groups: { name: string; rules: Rule[] }[];
}

/** Every metric name the processes export, with a value for each of them. */
async function exportedMetricNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  metrics.addSources('development', {
    outboxBacklog: () => 1,
    outboxOldestUnsentAge: () => 1,
    dbPool: () => ({ total: 1, idle: 1, waiting: 0 }),
    consumer: {
      isRunning: () => true,
      lag: () => 1,
      group: 'development',
      lagByPartition: async () => [{ topic: 't', partition: 0, lag: 1 }],
      deadLetterCounts: () => [{ topic: 't', reason: 'HANDLER_FAILED', count: 1 }],
    },
  });
  const { body } = await metrics.scrape();
  return new Set([...body.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] as string));
}

/** The metric names in an expression: PromQL's functions, keywords and these rules' labels have no underscore. */
const metricsIn = (expr: string) => [...new Set(expr.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) ?? [])];

describe('alert rules', () => {
  const plain = readYaml('deploy/prometheus-rules.yml') as Groups;
  const operator = readYaml('k8s/monitoring/prometheus-rule.yaml') as { apiVersion: string; kind: string; spec: Groups };
  const rules = plain.groups.flatMap((group) => group.rules);

  it('ship the same groups for compose’s Prometheus and for the Prometheus Operator', () => {
    expect(operator).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule' });
    expect(operator.spec).toEqual(plain);
  });

  it('are loaded by compose’s Prometheus', () => {
    const config = readYaml('deploy/prometheus.yml') as { rule_files?: string[] };
    const volumes = loadCompose().services['prometheus']?.volumes ?? [];
    expect(config.rule_files).toEqual(['/etc/prometheus/rules.yml']);
    expect(volumes).toContain('./deploy/prometheus-rules.yml:/etc/prometheus/rules.yml:ro');
  });

  it('cover consumer lag, dead letters and the outbox’s age', () => {
    const named = new Set(rules.flatMap((rule) => metricsIn(rule.expr)));
    for (const metric of ['consumer_group_lag', 'consumer_dead_letters_total', 'outbox_oldest_unsent_age_seconds']) expect(named).toContain(metric);
  });

  it('name only metrics the processes export, and each says how bad and what to do', async () => {
    const exported = await exportedMetricNames();
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      const named = metricsIn(rule.expr);
      expect([rule.alert, named.length > 0]).toEqual([rule.alert, true]);
      expect([rule.alert, named.filter((metric) => !exported.has(metric))]).toEqual([rule.alert, []]);
      expect([rule.alert, rule.labels.severity]).toEqual([rule.alert, expect.stringMatching(/^(warning|critical)$/)]);
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
      expect(rule.annotations.description.length).toBeGreaterThan(0);
      // Balanced parentheses: a cheap guard against a broken expression (no promtool here).
      let depth = 0;
      for (const char of rule.expr) {
        depth += char === '(' ? 1 : char === ')' ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect([rule.alert, depth]).toEqual([rule.alert, 0]);
    }
  });
});
