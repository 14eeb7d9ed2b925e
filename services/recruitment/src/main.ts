import '@kinerja/observability/register';

import { runStandalone } from '@kinerja/service-kit';

import { recruitmentModule } from './recruitment.module';

runStandalone(recruitmentModule);
