import { runMigrations } from '@kinerja/service-kit';

import { __name__Module } from './__name__.module';

runMigrations(__name__Module);
