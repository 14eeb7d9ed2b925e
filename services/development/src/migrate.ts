import { runMigrations } from '@kinerja/service-kit';

import { developmentModule } from './development.module';

runMigrations(developmentModule);
