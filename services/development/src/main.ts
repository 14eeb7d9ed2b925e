import '@kinerja/observability/register';

import { runStandalone } from '@kinerja/service-kit';

import { developmentModule } from './development.module';

runStandalone(developmentModule);
