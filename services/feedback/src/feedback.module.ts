import 'reflect-metadata';

import { join } from 'node:path';

import { EMPLOYEE_EVENT_TYPES } from '@kinerja/events';
import { type Clock, type IdGenerator, systemClock } from '@kinerja/kernel';
import type { HandlerMap } from '@kinerja/messaging';
import { countingJob, defineService, type RunningService, type ServiceWiring } from '@kinerja/service-kit';

import { AcknowledgeDialogue } from './application/acknowledge-dialogue.command';
import { IssueSurveyToken, RateLimiter, SetServiceUnit, SubmitPublicFeedback, type SurveyLimits } from './application/citizen-survey';
import { CloseDueFeedbackCycles } from './application/close-due-feedback-cycles.command';
import { CloseFeedbackCycle } from './application/close-feedback-cycle.command';
import { DialogueReader } from './application/dialogue.reader';
import { AddFeedbackRater, OpenFeedbackCycle, RemoveFeedbackRater } from './application/draft-feedback-cycle.commands';
import { FeedbackCycleReader } from './application/feedback-cycle.reader';
import { FeedbackNoteReader } from './application/feedback-note.reader';
import { ReadFeedbackQuestionnaire, SetFeedbackQuestionnaire } from './application/feedback-questionnaire';
import { feedbackHandlers } from './application/handlers/feedback-handlers';
import { RecordDialogue } from './application/record-dialogue.command';
import { RecordFeedbackNote } from './application/record-feedback-note.command';
import { ReplyToFeedbackNote } from './application/reply-to-feedback-note.command';
import { SatisfactionReader } from './application/satisfaction.reader';
import { ScheduleFeedbackReminders } from './application/schedule-feedback-reminders.command';
import { SetFeedbackSettings } from './application/set-feedback-settings.command';
import { StartFeedbackCycle } from './application/start-feedback-cycle.command';
import { SubmitFeedback } from './application/submit-feedback.command';
import { type FeedbackConfig, feedbackEnvSchema } from './env';
import { CitizenSurveyResolver, UnitSatisfactionResolver } from './graphql/citizen-survey.resolver';
import { createLoaders, type FeedbackContext } from './graphql/context';
import { DialogueResolver } from './graphql/dialogue.resolver';
import { EmployeeFeedbackResolver } from './graphql/employee.resolver';
import { FeedbackCycleResolver } from './graphql/feedback-cycle.resolver';
import { FeedbackNoteResolver } from './graphql/feedback-note.resolver';
import { FeedbackQuestionnaireResolver } from './graphql/feedback-questionnaire.resolver';
import { longTextInputs } from './graphql/long-text-inputs';
import { EmployeeType, OrgUnitType } from './graphql/types';
import { PrismaAgencySettingsRepository } from './infrastructure/prisma-agency-settings.repository';
import { PrismaCitizenSurveyRepository } from './infrastructure/prisma-citizen-survey.repository';
import { createPrismaClient, type FeedbackPrisma } from './infrastructure/prisma-client';
import { PrismaDialogueRepository } from './infrastructure/prisma-dialogue.repository';
import { PrismaEmployeeCopyRepository } from './infrastructure/prisma-employee-copy.repository';
import { CONSUMER, PrismaEventStore } from './infrastructure/prisma-event.store';
import { PrismaFeedbackCycleRepository } from './infrastructure/prisma-feedback-cycle.repository';
import { PrismaFeedbackNoteRepository } from './infrastructure/prisma-feedback-note.repository';
import { PrismaFeedbackReminderSchedule } from './infrastructure/prisma-feedback-reminder.schedule';
import { PrismaQuestionnaireRepository } from './infrastructure/prisma-questionnaire.repository';
import { cryptoSurveyTokens } from './infrastructure/survey-tokens';
import { seedDemoSatisfaction } from './seed/seed-demo-satisfaction';

export type FeedbackWiring = ServiceWiring<FeedbackContext>;

/** The event handlers over the database; `notifyOutbox` wakes the relay when a handler published. */
export function feedbackEventHandlers(prisma: FeedbackPrisma, deps: { ids: IdGenerator; clock: Clock; notifyOutbox?: () => void }): HandlerMap {
  return feedbackHandlers({ events: new PrismaEventStore(prisma, deps.notifyOutbox ?? (() => undefined)), ids: deps.ids, clock: deps.clock });
}

export const feedbackModule = defineService({
  name: 'feedback',
  defaultPort: 4003,
  envSchema: feedbackEnvSchema,
  migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
  consumerGroup: CONSUMER,
  // The event types its handlers take; keep in step with `handlers` below and packages/events.
  consumes: [...EMPLOYEE_EVENT_TYPES, 'performance.assessment.finalized'],
  resolvers: [
    FeedbackNoteResolver,
    DialogueResolver,
    FeedbackCycleResolver,
    FeedbackQuestionnaireResolver,
    EmployeeFeedbackResolver,
    CitizenSurveyResolver,
    UnitSatisfactionResolver,
  ],
  // feedback adds fields to identity's Employee and OrgUnit.
  orphanedTypes: [EmployeeType, OrgUnitType],
  longTextInputs: () => longTextInputs(),
  createPrisma: createPrismaClient,

  // Adapters, then use cases, then resolvers and handlers.
  async wire({ config, prisma, database, ids, clock, logger, notifyOutbox }): Promise<FeedbackWiring> {
    const employees = new PrismaEmployeeCopyRepository(prisma, database.sql);
    const notes = new PrismaFeedbackNoteRepository(prisma);
    const dialogues = new PrismaDialogueRepository(prisma, notifyOutbox, database.sql);
    const settings = new PrismaAgencySettingsRepository(prisma);
    const cycles = new PrismaFeedbackCycleRepository(prisma, notifyOutbox, database.sql);
    const survey = new PrismaCitizenSurveyRepository(prisma, database.sql);
    const questionnaires = new PrismaQuestionnaireRepository(prisma);
    const limits: SurveyLimits = {
      perAddress: { capacity: config.SURVEY_ADDRESS_BURST, perMinute: config.SURVEY_ADDRESS_PER_MINUTE },
      perUnit: { capacity: config.SURVEY_UNIT_BURST, perMinute: config.SURVEY_UNIT_PER_MINUTE },
      commentMaxLength: config.SURVEY_COMMENT_MAX_LENGTH,
      tokenTtlMinutes: config.SURVEY_TOKEN_TTL_MINUTES,
    };
    const perAddress = new RateLimiter(limits.perAddress, clock);
    const perUnit = new RateLimiter(limits.perUnit, clock);
    const readers = {
      satisfaction: new SatisfactionReader(survey, clock),
      notes: new FeedbackNoteReader(employees, notes),
      dialogues: new DialogueReader(employees, dialogues),
      cycles: new FeedbackCycleReader(employees, cycles, clock),
    };
    const closeDue = new CloseDueFeedbackCycles(cycles, clock);
    const reminders = new ScheduleFeedbackReminders(new PrismaFeedbackReminderSchedule(prisma, notifyOutbox), clock, ids);
    return {
      resolvers: [
        new FeedbackNoteResolver(new RecordFeedbackNote(employees, notes, ids, clock), new ReplyToFeedbackNote(readers.notes, notes, clock)),
        new DialogueResolver(
          new RecordDialogue(employees, dialogues, ids, clock),
          new AcknowledgeDialogue(readers.dialogues, dialogues, clock),
          new SetFeedbackSettings(settings),
        ),
        new FeedbackCycleResolver(
          new StartFeedbackCycle(employees, cycles, questionnaires, ids, clock),
          new SubmitFeedback(cycles, clock),
          new CloseFeedbackCycle(employees, cycles, clock),
          {
            add: new AddFeedbackRater(employees, cycles, ids),
            remove: new RemoveFeedbackRater(cycles),
            open: new OpenFeedbackCycle(employees, cycles, questionnaires, clock),
          },
          cycles,
        ),
        new FeedbackQuestionnaireResolver(new ReadFeedbackQuestionnaire(questionnaires), new SetFeedbackQuestionnaire(questionnaires, clock)),
        new EmployeeFeedbackResolver(),
        new CitizenSurveyResolver(
          new SetServiceUnit(survey, clock),
          new IssueSurveyToken(survey, cryptoSurveyTokens, perAddress, limits, clock),
          new SubmitPublicFeedback(survey, cryptoSurveyTokens, perAddress, perUnit, limits, ids, clock),
          clock,
        ),
        new UnitSatisfactionResolver(readers.satisfaction),
      ],
      references: {
        // identity owns the employee; each field added here checks access itself.
        Employee: (ref) => ({ id: ref.id }),
        OrgUnit: (ref) => ({ id: ref.id }),
        FeedbackNote: (ref, context) => context.loaders.feedbackNote.load(ref.id),
        PerformanceDialogue: (ref, context) => context.loaders.dialogue.load(ref.id),
        FeedbackCycle: (ref, context) => context.loaders.feedbackCycle.load(ref.id),
      },
      handlers: feedbackEventHandlers(prisma, { ids, clock, notifyOutbox }),
      jobs: [
        // Closes the overdue 360° cycles while the service runs.
        countingJob('close-due-feedback-cycles', config.CYCLE_CLOSE_INTERVAL_SECONDS, logger, {
          run: async () => (await closeDue.execute()).length,
          field: 'closed',
          message: 'closed 360° cycles past their due date',
        }),
        // Looks for the 360° reminders due (every replica; each claimed once).
        countingJob('feedback-reminders', config.REMINDER_INTERVAL_SECONDS, logger, {
          run: () => reminders.execute(),
          field: 'claimed',
          message: '360° reminders sent',
        }),
      ],
      extendContext: (base) => ({ ...base, loaders: createLoaders(readers, base) }),
    };
  },

  // Demo citizen answers for two units of every agency the copy knows (none on an empty copy).
  // Notes, dialogues and cycles are left to the demo users: they need identity's people and performance's periods.
  async seed(service) {
    if (service.config.SEED_DEMO_DATA !== 'auto') return null;
    // On a first start identity's snapshots are still arriving: wait a little for the copy (not in
    // tests, which seed before anyone publishes).
    if (service.config.NODE_ENV !== 'test') await copyFilled(service.prisma, SEED_WAIT_MS);
    return { summary: { demoServiceUnits: await seedDemoSatisfaction(service.prisma, systemClock) } };
  },
});

/** How long the demo seed waits for identity's first snapshots on a first start. */
const SEED_WAIT_MS = 5_000;

async function copyFilled(prisma: FeedbackPrisma, waitMs: number): Promise<void> {
  // Until some employees arrived and no more came for a moment (the snapshots come in one burst).
  const deadline = Date.now() + waitMs;
  let previous = -1;
  for (let count = await prisma.employeeCopy.count(); (count === 0 || count !== previous) && Date.now() < deadline; count = await prisma.employeeCopy.count()) {
    previous = count;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

export type FeedbackService = RunningService<FeedbackConfig, FeedbackPrisma, FeedbackWiring>;
