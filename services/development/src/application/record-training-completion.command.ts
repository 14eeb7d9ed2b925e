import { randomInt } from 'node:crypto';

import { assertCanManageAgency } from '@kinerja/auth';
import { ConflictError, ValidationError } from '@kinerja/errors';
import { todayIn } from '@kinerja/kernel';

import { transitionAssignment } from '../domain/assignment';
import { type AssignmentRecord, earnedJpOf, type TrainingResult } from '../domain/assignment-record';
import { type CalendarDate, yearOf } from '../domain/calendar-date';
import { type Certificate, certificateAgencyCode } from '../domain/certificate';
import { certificateNumber, randomPart } from '../domain/certificate.rule';
import type { AssignmentRepository, CatalogueRepository, Clock, EmployeeCopyRepository, IdGenerator, PendingEvent } from '../domain/repositories';
import { type Actor, auditContextOf } from './actor';
import { completedEvent } from './assignment-records';
import { assertPppkCapAllows, loadAssignment, loadEmployee } from './assignment-steps';

export interface RecordTrainingCompletionInput {
  assignmentId: string;
  result: TrainingResult;
  completedOn: CalendarDate;
}

/**
 * HR records how a training ended. A pass earns the programme's JP, a certificate with a unique
 * number and `development.training.completed`; a fail closes the assignment with no JP.
 */
export class RecordTrainingCompletion {
  constructor(
    private readonly employees: EmployeeCopyRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly assignments: AssignmentRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    /** Draws the certificate number's random part: an integer in [0, size). */
    private readonly randomIndex: (size: number) => number = randomInt,
  ) {}

  async execute(actor: Actor, input: RecordTrainingCompletionInput): Promise<AssignmentRecord> {
    const before = await loadAssignment(this.assignments, input.assignmentId, 'input.assignmentId');
    assertCanManageAgency(actor.viewer, before.agencyId);
    let completed;
    try {
      completed = transitionAssignment(before, { type: 'COMPLETE', completedOn: input.completedOn });
    } catch (error) {
      throw error instanceof ValidationError ? error.under('input') : error;
    }
    if (input.completedOn > todayIn(this.clock)) throw new ValidationError({ field: 'input.completedOn', message: 'must not be in the future' });
    const [programme] = before.programId ? await this.catalogue.programmesByIds([before.programId]) : [];
    if (!programme) throw new ConflictError('The assignment has no programme yet', { assignmentId: before.id });
    const employee = await loadEmployee(this.employees, before.employeeId, 'input.assignmentId');
    const jp = earnedJpOf(input.result, programme.jpHours);
    // The open assignment already counts with the programme's JP in what is committed.
    if (jp > 0) await assertPppkCapAllows(this.assignments, employee, jp, input.completedOn, programme.jpHours);
    const after: AssignmentRecord = { ...before, ...completed, result: input.result, earnedJp: jp };
    let certificate: Certificate | null = null;
    const events: PendingEvent[] = [];
    if (input.result === 'PASSED') {
      const year = yearOf(input.completedOn);
      const sequence = await this.assignments.nextCertificateSequence(before.agencyId, year);
      const number = certificateNumber({ agencyCode: certificateAgencyCode(before.agencyId), year, sequence, random: randomPart(this.randomIndex) });
      certificate = {
        id: this.ids.newId(),
        number,
        assignmentId: before.id,
        agencyId: before.agencyId,
        employeeId: before.employeeId,
        programTitle: programme.title,
        jp,
        completedOn: input.completedOn,
        holderName: employee.name,
      };
      events.push(completedEvent(after, programme, certificate, new Date(`${input.completedOn}T00:00:00Z`)));
    }
    await this.assignments.complete(before, after, certificate, auditContextOf(actor), events);
    return after;
  }
}
