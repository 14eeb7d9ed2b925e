import { runMigrations } from '@kinerja/service-kit';

import { recruitmentModule } from './recruitment.module';

runMigrations(recruitmentModule);
