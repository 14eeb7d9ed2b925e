import { sanctionIssued } from '../domain/events';
import { newSanction, type Sanction } from '../domain/follow-up.rule';
import type { Clock, IdGenerator } from '../domain/ports';
import type { AssessmentRepository, EmployeeCopyRepository, FollowUpRepository } from '../domain/repositories';
import type { SanctionKind } from '../domain/vocabulary';
import { type Actor, auditContextOf } from './actor';
import { followUpBasis } from './follow-up-basis';

export interface IssueSanctionInput {
  employeeId: string;
  kind: SanctionKind;
  assessmentId: string | null;
  note: string;
}

/** Coaching (pembinaan) and written warnings may come from the direct supervisor; a discipline referral does not. */
const SUPERVISOR_SANCTIONS: readonly SanctionKind[] = ['COACHING', 'WRITTEN_WARNING'];

export class IssueSanction {
  constructor(
    private readonly copies: EmployeeCopyRepository,
    private readonly assessments: AssessmentRepository,
    private readonly followUps: FollowUpRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: IssueSanctionInput): Promise<Sanction> {
    const { subject, assessment } = await followUpBasis(
      { copies: this.copies, assessments: this.assessments },
      actor,
      input,
      SUPERVISOR_SANCTIONS.includes(input.kind),
    );
    const sanction = newSanction(
      this.ids.newId(),
      {
        agencyId: subject.agencyId,
        employeeId: subject.employeeId,
        assessmentId: input.assessmentId,
        kind: input.kind,
        note: input.note,
        issuedAt: this.clock.now(),
      },
      assessment,
    );
    await this.followUps.issueSanction(sanction, auditContextOf(actor), [sanctionIssued(sanction)]);
    return sanction;
  }
}
