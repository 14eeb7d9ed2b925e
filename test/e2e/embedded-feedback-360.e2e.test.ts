import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type StartedEmbedded, startEmbedded, stopEmbedded } from '../support/embedded';
import { graphql, login } from '../support/graphql-client';
import { describeFeedback360 } from './feedback-360.scenario';

/** Ports of its own: the other embedded files use 300, 400 and 600. */
const PORT_OFFSET = 700;
const URL = `http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`;

/** The 360° flow (feedback-360.scenario.ts) in the embedded `npm start`: one process, the in-process event bus. */
const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-feedback-360-'));
let started: StartedEmbedded | undefined;

describeFeedback360(
  '360° feedback in the embedded npm start',
  async () => {
    // Once the demo activity is recorded the years are open and nothing seeds beside the test.
    started = await startEmbedded(dataDir, { portOffset: PORT_OFFSET, until: 'Demo activity (', env: { KINERJA_DEMO_AGENCIES: 'siulak' } });
    return {
      gql: (query, variables, token) => graphql(URL, query, variables, token),
      login: (input) => login(URL, input),
    };
  },
  async () => {
    if (started && started.child.exitCode === null) expect(await stopEmbedded(started)).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  },
);
