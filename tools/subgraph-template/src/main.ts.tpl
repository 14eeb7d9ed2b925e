import '@kinerja/observability/register';

import { runStandalone } from '@kinerja/service-kit';

import { __name__Module } from './__name__.module';

runStandalone(__name__Module);
