import { createHmac, timingSafeEqual } from 'node:crypto';

import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import type { Clock } from '@kinerja/kernel';

import {
  assessmentDocument,
  type OfficialDocumentContent,
  type OfficialDocumentFacts,
  type OfficialDocumentKind,
  skpDocument,
} from '../domain/official-document';
import type { PerformancePlan } from '../domain/plan';
import type { AssessmentRepository, EmployeeCopyRepository, PeriodRepository, PlanRepository, RealizationRepository } from '../domain/repositories';

/** How long a document link works: long enough to click, too short to pass around. */
export const DOCUMENT_LINK_TTL_MS = 5 * 60_000;

export interface DocumentLink {
  path: string;
  expiresAt: Date;
}

/**
 * Short-lived links to an employee's official documents. The link is issued only to a viewer who
 * may read the plan (the resolver sits on a plan the viewer was shown), and carries an HMAC of the
 * document, the plan and the expiry: a browser opens it without a bearer token, nobody can forge
 * one for another plan, and it stops working after a few minutes.
 */
export class DocumentLinks {
  constructor(
    private readonly secret: Buffer,
    private readonly clock: Clock,
    readonly prefix = '/documents/',
  ) {}

  private signature(kind: OfficialDocumentKind, planId: string, expires: number): Buffer {
    return createHmac('sha256', this.secret).update(`${kind}\n${planId}\n${expires}`).digest();
  }

  issue(kind: OfficialDocumentKind, plan: PerformancePlan): DocumentLink {
    const expires = this.clock.now().getTime() + DOCUMENT_LINK_TTL_MS;
    const signature = this.signature(kind, plan.id, expires).toString('base64url');
    return { path: `${this.prefix}${kind.toLowerCase()}/${plan.id}.pdf?expires=${expires}&signature=${signature}`, expiresAt: new Date(expires) };
  }

  /** The document a link names, or FORBIDDEN for a link that is forged, altered or expired. */
  verify(url: URL): { kind: OfficialDocumentKind; planId: string } {
    const match = new RegExp(`^${this.prefix}(skp|assessment)/([^/]+)\\.pdf$`).exec(url.pathname);
    const expires = Number(url.searchParams.get('expires'));
    const given = Buffer.from(url.searchParams.get('signature') ?? '', 'base64url');
    if (!match || !Number.isSafeInteger(expires)) throw new ForbiddenError('This document link is not valid');
    const kind = match[1]!.toUpperCase() as OfficialDocumentKind;
    const planId = decodeURIComponent(match[2]!);
    const expected = this.signature(kind, planId, expires);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ForbiddenError('This document link is not valid');
    if (expires < this.clock.now().getTime()) throw new ForbiddenError('This document link has expired: ask for a new one');
    return { kind, planId };
  }
}

/** Gathers what an official document prints, from this service's own records only. */
export class OfficialDocumentReader {
  constructor(
    private readonly repositories: {
      plans: PlanRepository;
      periods: PeriodRepository;
      copies: EmployeeCopyRepository;
      realizations: RealizationRepository;
      assessments: AssessmentRepository;
    },
  ) {}

  /** Whether the document exists yet: the assessment document needs a finalized annual assessment. */
  async assertAvailable(kind: OfficialDocumentKind, plan: PerformancePlan): Promise<void> {
    if (kind === 'ASSESSMENT' && !(await this.annualAssessment(plan.id))) {
      throw new NotFoundError('AnnualAssessment', plan.id, 'planId');
    }
  }

  private async annualAssessment(planId: string) {
    return (await this.repositories.assessments.ofPlans([planId])).find((a) => a.kind === 'ANNUAL') ?? null;
  }

  async content(kind: OfficialDocumentKind, planId: string): Promise<OfficialDocumentContent> {
    const { plans, periods, copies, realizations, assessments } = this.repositories;
    const [plan] = await plans.byIds([planId]);
    if (!plan) throw new NotFoundError('PerformancePlan', planId, 'id');
    // Only the evaluation prints the assessment: the SKP reads none of it.
    const assessment = kind === 'ASSESSMENT' ? await this.annualAssessment(plan.id) : null;
    if (kind === 'ASSESSMENT' && !assessment) throw new NotFoundError('AnnualAssessment', plan.id, 'planId');
    const assessorId = assessment ? assessment.assessorEmployeeId : plan.approvedByEmployeeId;
    const [[period], people, workResults] = await Promise.all([
      periods.byIds([plan.periodId]),
      copies.byIds(assessorId ? [plan.employeeId, assessorId] : [plan.employeeId]),
      plans.workResultsOfPlans([plan.id]),
    ]);
    const employee = people.find((p) => p.employeeId === plan.employeeId);
    if (!period || !employee) throw new NotFoundError('PerformancePlan', planId, 'id');
    const indicators = workResults.length > 0 ? await plans.indicatorsOfWorkResults(workResults.map((w) => w.id)) : [];
    const facts: OfficialDocumentFacts = {
      plan,
      period,
      employee,
      assessor: people.find((p) => p.employeeId === assessorId) ?? null,
      workResults,
      indicators,
      realizations: kind === 'ASSESSMENT' ? await realizations.ofPlan(plan.id) : [],
      assessment,
      behaviourRatings: assessment ? await assessments.behaviourRatingsOf([assessment.id]) : [],
    };
    return assessment ? assessmentDocument(facts, assessment) : skpDocument(facts);
  }
}
