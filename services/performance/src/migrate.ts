import { runMigrations } from '@kinerja/service-kit';

import { performanceModule } from './performance.module';

runMigrations(performanceModule);
