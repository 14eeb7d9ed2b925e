import { chartDir } from './support/manifests';
import { runTool } from './support/tools';

const template = (...args: string[]) => runTool('helm', ['template', 'kinerja', chartDir, ...args]);

describe('helm/kinerja/values.schema.json', () => {
  it('accepts a well-typed override', () => {
    expect(template('--set', 'subgraphs.identity.replicas=3', '--set', 'subgraphs.identity.autoscaling.maxReplicas=4').status).toBe(0);
  });

  it.each([
    ['a wrong type (replicas: "three")', ['--set', 'subgraphs.identity.replicas=three'], /subgraphs\/identity\/replicas.*want integer/],
    ['an unknown top-level key', ['--set', 'replicaCount=3'], /additional properties 'replicaCount' not allowed/],
    ['a misspelled gateway key', ['--set', 'gateway.replica=3'], /\/gateway.*additional properties 'replica' not allowed/],
    ['a misspelled subgraph key', ['--set', 'subgraphs.identity.prot=4001'], /\/subgraphs\/identity.*additional properties 'prot' not allowed/],
    ['a port out of range', ['--set', 'subgraphs.identity.port=70000'], /subgraphs\/identity\/port/],
    ['a :latest image tag', ['--set', 'global.image.tag=latest'], /global\/image\/tag/],
    ['a secret as a plain variable', ['--set', 'gateway.env.DATABASE_URL=postgres://x'], /invalid propertyName 'DATABASE_URL'/],
    ['a subgraph named gateway', ['--set', 'subgraphs.gateway.port=4009'], /invalid propertyName 'gateway'/],
    ['a log level the services do not know', ['--set', 'global.logLevel=verbose'], /global\/logLevel/],
  ])('refuses %s at helm template', (_, args, message) => {
    const result = template(...args);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it('makes helm lint fail on a wrong type as well', () => {
    const result = runTool('helm', ['lint', chartDir, '--set', 'subgraphs.identity.replicas=three']);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/replicas/);
  });
});
