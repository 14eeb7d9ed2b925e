import '@kinerja/observability/register';

import { runStandalone } from '@kinerja/service-kit';

import { performanceModule } from './performance.module';

runStandalone(performanceModule);
