import { op, type Session, waitUntil } from './demo-activity.client';
import type { DemoContext, Member } from './demo-team';

/** Development assigns the poor ratings' programmes (one per gap) from performance's event; HR passes Komunikasi Efektif and starts the others. */
export async function followUpTrainings(context: DemoContext, hr: Session, poor: readonly Member[]): Promise<void> {
  const { gateway } = context;
  // One programme per value rated BELOW (the work results rated BELOW wait for HR's choice of a programme; the coaching sanction brings its own).
  const expected = new Map(poor.map((member) => [member.person.id, member.outcome.below.length]));
  const assigned = await waitUntil(`development's assignments in ${context.slug}`, async () => {
    // One page is enough: the demo agency's first start has only these few assignments.
    const data = await gateway.request<{
      agencyTrainingAssignments: { edges: { node: { id: string; reason: string; employee: { id: string }; program: { code: string } | null } }[] };
    }>(
      'query ($a: ID!) { agencyTrainingAssignments(agencyId: $a, status: ASSIGNED, first: 200) { edges { node { id reason employee { id } program { code } } } } }',
      { a: hr.agencyId },
      hr.token,
    );
    const caused = data.agencyTrainingAssignments.edges.map((edge) => edge.node).filter((a) => expected.has(a.employee.id) && a.reason === 'PERFORMANCE_GAP');
    const complete = [...expected].every(([id, count]) => caused.filter((a) => a.employee.id === id).length >= count);
    return complete ? caused : null;
  });
  context.counters.assignments += assigned.length;
  const results = await gateway.mutate<{ certificate?: { number: string } | null }>(
    hr.token,
    assigned.map((assignment) =>
      assignment.program?.code === 'KOM-EFEKTIF'
        ? op(
            'recordTrainingCompletion',
            { input: ['RecordTrainingCompletionInput!', { assignmentId: assignment.id, result: 'PASSED', completedOn: context.today }] },
            'id status certificate { number }',
          )
        : op('startTraining', { assignmentId: ['ID!', assignment.id] }, 'id status'),
    ),
  );
  context.counters.certificates += results.filter((result) => result.certificate?.number).length;
}
