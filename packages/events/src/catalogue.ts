import { z } from 'zod';

import { coreValue, employmentType, expectationRating, id, isoDate, isoDateTime, predikat, REMINDER_STEPS } from './vocabulary';

export type Service = 'identity' | 'performance' | 'feedback' | 'development' | 'recruitment';

export interface EventDefinition<Payload extends z.ZodObject = z.ZodObject> {
  version: number;
  producer: Service;
  /** The services with a handler for it (their consumer groups); a drift test holds this to their handler maps. */
  consumers: readonly Service[];
  description: string;
  payload: Payload;
  /** The Kafka key: every event of one employee (or applicant) goes to one partition, in order. */
  key: (payload: z.output<Payload>) => string;
}

const define = <Payload extends z.ZodObject>(definition: EventDefinition<Payload>) => definition;

const employeeSnapshot = z.object({
  employeeId: id,
  /** performance prints it on the SKP and the evaluation; development matches a hire's Latsar by it. */
  nip: z.string().regex(/^\d{18}$/),
  name: z.string().min(1),
  agencyId: id,
  orgUnitId: id,
  positionId: id.nullable(),
  /** The holder of the supervising position (the next filled post up when it is vacant). */
  supervisorEmployeeId: id.nullable(),
  employmentType,
});

/**
 * One audit row of a service, relayed so that identity keeps the one readable audit trail of the
 * province. Written by a database trigger on the service's `audit_log` into its outbox, in the
 * transaction of the change (see the services' `*_audit_relay` migrations), so no audit row is
 * ever left out. `agencyId` is null for province-wide records (the envelope then carries the nil UUID).
 */
export const auditRecordedPayload = z.object({
  auditId: id,
  occurredAt: isoDateTime,
  actorUserId: z.string().nullable(),
  requestId: z.string().nullable(),
  agencyId: id.nullable(),
  action: z.string().min(1),
  entityType: z.string().min(1),
  entityId: z.string().min(1),
  /** The record before the change as the service recorded it (any JSON value); null when created. */
  before: z.unknown(),
  /** The record after the change (any JSON value); null when removed. */
  after: z.unknown(),
});

/** The envelope's agency of an audit row that belongs to no agency (province-wide records). */
export const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

/**
 * A deadline is near and its recipient still has something to do (issue 17): identity, which holds
 * people's e-mail addresses, turns it into a notification and a mail. The producer claims the
 * reminder (recipient, step, subject, deadline, days before) in the transaction that writes it to
 * the outbox, so replicas running the schedule at once publish it once. No free text: identity
 * words the message from the step and the dates.
 */
const reminderDue = z.object({
  /** The producer's claim row: one per recipient, step, subject, deadline and days before. */
  reminderId: id,
  recipientEmployeeId: id,
  step: z.enum(REMINDER_STEPS),
  /** The performance period (plan, realization, assessment) or the 360° cycle whose deadline it is. */
  subjectId: id,
  /** How much is outstanding: 1 for a plan, the indicators without a realization, the assessments (of all the recipient's direct reports) not finalized, the 360° requests not answered. */
  pending: z.number().int().min(1),
  deadline: isoDate,
  daysBefore: z.number().int().min(0).max(366),
});

const auditRecorded = (producer: Service) =>
  define({
    version: 1,
    producer,
    consumers: ['identity'],
    description: `A change was recorded in ${producer}'s audit log (who, what, when, before and after); identity keeps the readable audit trail.`,
    payload: auditRecordedPayload,
    key: (p) => `${p.entityType}:${p.entityId}`,
  });

/**
 * Every event type of the system, one topic each (the type is the topic name), versioned.
 * Adding a field that consumers may ignore keeps the version; anything else is a new version.
 * Dropping a field no consumer reads keeps it too (a payload's unknown fields are stripped when
 * read, so events still in flight with it stay valid), provided the consumers are deployed first.
 * A payload carries only what its consumers use: no free text about a person (a sanction's note,
 * why someone left), and personal numbers (NIP) only where a consumer reads them.
 */
export const EVENT_CATALOGUE = {
  'identity.employee.registered': define({
    version: 1,
    producer: 'identity',
    consumers: ['performance', 'feedback', 'development', 'recruitment'],
    description: 'An employee joined an agency (registered by HR, or hired from a selection).',
    payload: employeeSnapshot,
    key: (p) => p.employeeId,
  }),
  'identity.employee.transferred': define({
    version: 1,
    producer: 'identity',
    consumers: ['performance', 'feedback', 'development', 'recruitment'],
    description: 'An employee moved to another unit or position of their agency (mutasi).',
    payload: employeeSnapshot.extend({ previousOrgUnitId: id, previousPositionId: id.nullable() }),
    key: (p) => p.employeeId,
  }),
  'identity.employee.left': define({
    version: 1,
    producer: 'identity',
    consumers: ['performance', 'feedback', 'development', 'recruitment'],
    description: 'An employee left the service (retirement, resignation, dismissal, death), naming the position given up.',
    // Why they left stays in identity (free text: a dismissal's grounds are nobody else's business).
    payload: employeeSnapshot.extend({ leftAt: isoDateTime, previousPositionId: id.nullable().optional() }),
    key: (p) => p.employeeId,
  }),
  'identity.employee.snapshot': define({
    version: 1,
    producer: 'identity',
    consumers: ['performance', 'feedback', 'development', 'recruitment'],
    description: 'The current state of an employee, republished to backfill a fresh consumer (npm run backfill).',
    payload: employeeSnapshot.extend({ status: z.enum(['ACTIVE', 'ON_LEAVE', 'LEFT']) }),
    key: (p) => p.employeeId,
  }),
  'performance.assessment.finalized': define({
    version: 1,
    producer: 'performance',
    consumers: ['feedback', 'development'],
    description: 'A periodic or annual assessment was finalized with its predikat.',
    payload: z.object({
      assessmentId: id,
      employeeId: id,
      periodId: id,
      kind: z.enum(['ANNUAL', 'PERIODIC']),
      workResultRating: expectationRating,
      behaviourRating: expectationRating,
      predikat,
      behaviourGaps: z.array(coreValue),
      workResultGaps: z.array(z.object({ workResultId: id, title: z.string() })),
    }),
    key: (p) => p.employeeId,
  }),
  'performance.reward.granted': define({
    version: 1,
    producer: 'performance',
    consumers: [],
    description: 'A reward was granted (certificate, bonus or promotion recommendation, best team).',
    // The note is free text about a person: it stays in performance.
    payload: z.object({ rewardId: id, employeeId: id, kind: z.string(), assessmentId: id.nullable() }),
    key: (p) => p.employeeId,
  }),
  'performance.sanction.issued': define({
    version: 1,
    producer: 'performance',
    consumers: ['development'],
    description: 'A sanction was issued (coaching, written warning, referral to discipline).',
    payload: z.object({
      sanctionId: id,
      employeeId: id,
      kind: z.enum(['COACHING', 'WRITTEN_WARNING', 'DISCIPLINE_REFERRAL']),
      assessmentId: id.nullable(),
      // No note: free text about a person's conduct stays in performance; development needs the kind only.
    }),
    key: (p) => p.employeeId,
  }),
  'feedback.cycle.completed': define({
    version: 1,
    producer: 'feedback',
    consumers: ['performance'],
    description: 'A 360° feedback cycle closed; aggregates only where at least three raters answered.',
    payload: z.object({
      cycleId: id,
      subjectId: id,
      periodId: id,
      aggregate: z.array(z.object({ value: coreValue, average: z.number().min(1).max(5).nullable(), responses: z.number().int().min(0) })),
    }),
    key: (p) => p.subjectId,
  }),
  'feedback.dialogue.recorded': define({
    version: 1,
    producer: 'feedback',
    consumers: [],
    description: 'A performance dialogue (dialog kinerja) was recorded; a PLANNING one is the dialogue required before the SKP is set.',
    payload: z.object({
      dialogueId: id,
      employeeId: id,
      supervisorEmployeeId: id.nullable(),
      kind: z.enum(['PLANNING', 'MONITORING', 'FOLLOW_UP']),
      /** The day it took place (YYYY-MM-DD) and its year, the plan's year. */
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      year: z.number().int(),
    }),
    key: (p) => p.employeeId,
  }),
  'development.training.assigned': define({
    version: 1,
    producer: 'development',
    consumers: [],
    description: 'A training was assigned, with its reason and the event that caused it.',
    payload: z.object({ assignmentId: id, employeeId: id, programId: id.nullable(), reason: z.string(), sourceEventId: id.nullable() }),
    key: (p) => p.employeeId,
  }),
  'development.training.completed': define({
    version: 1,
    producer: 'development',
    consumers: ['performance', 'recruitment'],
    description: 'A training was completed; performance keeps it as development evidence, recruitment qualifies trained committee members.',
    payload: z.object({
      assignmentId: id,
      employeeId: id,
      programId: id,
      programTitle: z.string(),
      jp: z.number().int().positive(),
      competencies: z.array(z.string()),
      completedAt: isoDateTime,
      certificateNumber: z.string().nullable(),
    }),
    key: (p) => p.employeeId,
  }),
  'recruitment.applicant.hired': define({
    version: 1,
    producer: 'recruitment',
    consumers: ['identity', 'development'],
    description: 'An applicant was hired into a formation; identity creates the CPNS employee.',
    payload: z.object({
      applicationId: id,
      applicantId: id,
      vacancyId: id,
      agencyId: id,
      orgUnitId: id,
      positionId: id.nullable(),
      name: z.string().min(1),
      nip: z.string().regex(/^\d{18}$/),
      email: z.email().nullable(),
      employmentType,
    }),
    key: (p) => p.applicantId,
  }),
  'recruitment.application.withdrawn': define({
    version: 1,
    producer: 'recruitment',
    consumers: [],
    description: 'An applicant withdrew (or HR recorded it); a selected one passed the place to the next ranked applicant of the formation.',
    payload: z.object({
      applicationId: id,
      applicantId: id,
      vacancyId: id,
      selectionId: id,
      /** The status it had: SELECTED when a place was passed on. */
      withdrawnFrom: z.string(),
      promotedApplicationId: id.nullable(),
    }),
    key: (p) => p.applicantId,
  }),
  'performance.reminder.due': define({
    version: 1,
    producer: 'performance',
    consumers: ['identity'],
    description: 'A plan, realization or assessment deadline is near and the recipient has not done their part yet.',
    payload: reminderDue,
    key: (p) => p.recipientEmployeeId,
  }),
  'feedback.reminder.due': define({
    version: 1,
    producer: 'feedback',
    consumers: ['identity'],
    description:
      'A 360° due date is near and the rater has not answered: one reminder per rater and due date for all their open requests (subjectId: the first of those cycles).',
    payload: reminderDue,
    key: (p) => p.recipientEmployeeId,
  }),
  'identity.audit.recorded': auditRecorded('identity'),
  'performance.audit.recorded': auditRecorded('performance'),
  'feedback.audit.recorded': auditRecorded('feedback'),
  'development.audit.recorded': auditRecorded('development'),
  'recruitment.audit.recorded': auditRecorded('recruitment'),
} as const;

export const AUDIT_EVENT_TYPES = [
  'identity.audit.recorded',
  'performance.audit.recorded',
  'feedback.audit.recorded',
  'development.audit.recorded',
  'recruitment.audit.recorded',
] as const;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type EventPayload<T extends EventType> = z.output<(typeof EVENT_CATALOGUE)[T]['payload']>;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

/**
 * An event a change produces, as the domain states it: the repository writes it to the outbox in
 * the change's transaction (the envelope, id, topic and key are added there).
 */
export interface DomainEvent<T extends EventType = EventType> {
  type: T;
  agencyId: string;
  payload: EventPayload<T>;
}

export const isEventType = (value: string): value is EventType => Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, value);
