import '@kinerja/observability/register';

import { runStandalone } from '@kinerja/service-kit';

import { feedbackModule } from './feedback.module';

runStandalone(feedbackModule);
