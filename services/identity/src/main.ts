import '@kinerja/observability/register';

import { runStandalone } from '@kinerja/service-kit';

import { identityModule } from './identity.module';

runStandalone(identityModule);
