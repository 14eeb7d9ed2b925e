import { runMigrations } from '@kinerja/service-kit';

import { feedbackModule } from './feedback.module';

runMigrations(feedbackModule);
