import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLogger } from '@kinerja/logger';

import { loadGatewayConfig } from '../src/env';
import { FIRST_PAGE_TABS, HR_SEARCH_EXAMPLE, LOGIN_EXAMPLE, TEAM_EXAMPLE } from '../src/first-page';
import { startGateway } from '../src/gateway';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

// A first visit should get a query to run, not GraphiQL's generic welcome: the README's examples.
describe("GraphiQL's first page", () => {
  it.each([
    ['the login', LOGIN_EXAMPLE],
    ["the supervisor's team", TEAM_EXAMPLE],
    ['the HR search', HR_SEARCH_EXAMPLE],
  ])('opens with %s exactly as the README shows it', (_name, example) => {
    expect(README).toContain(`\`\`\`graphql\n${example}\n\`\`\``);
    expect(FIRST_PAGE_TABS.some((tab) => tab.query.includes(example))).toBe(true);
  });

  it('is served by the gateway with the tabs, the demo accounts and the token header', async () => {
    const gateway = await startGateway(
      loadGatewayConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', PORT: '0' }),
      createLogger({ name: 'gateway', level: 'silent' }),
    );
    try {
      const page = await (await fetch(`${gateway.url}/`, { headers: { accept: 'text/html' } })).text();
      expect(page).toContain('defaultTabs');
      expect(page).toContain('supervisor.siulak@kinerja.demo');
      expect(page).toContain('Bearer <accessToken dari login>');
      expect(page).toContain('employees(filter: { search: \\"santoso\\" }, first: 20)');
    } finally {
      await gateway.stop();
    }
  });
});
