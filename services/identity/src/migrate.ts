import { runMigrations } from '@kinerja/service-kit';

import { identityModule } from './identity.module';

runMigrations(identityModule);
