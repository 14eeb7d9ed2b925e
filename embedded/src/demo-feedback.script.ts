import { DemoActivityError, op, type Session } from './demo-activity.client';
import type { DemoContext, Member, Person } from './demo-team';

/* The conversations of the demo year in feedback: the planning and follow-up dialogues, and the 360° cycles. */

/** The supervisor's planning dialogue with each of the team, for each year; the demo employee acknowledges theirs. */
export async function planningDialogues(context: DemoContext, supervisor: Person, members: readonly Member[], years: readonly number[]): Promise<void> {
  const recorded = await context.gateway.mutate<{ id: string }>(
    supervisor.session.token,
    years.flatMap((year) =>
      members.map((member) =>
        op(
          'recordDialogue',
          {
            input: [
              'RecordDialogueInput!',
              {
                employeeId: member.person.id,
                kind: 'PLANNING',
                date: `${year}-01-${String(10 + members.indexOf(member)).padStart(2, '0')}`,
                summary: `Dialog perencanaan SKP ${year}: rencana hasil kerja diselaraskan dengan sasaran bidang.`,
                agreements: 'Target dan indikator disepakati; realisasi dilaporkan setiap triwulan dengan bukti dukung.',
              },
            ],
          },
          'id',
        ),
      ),
    ),
  );
  context.counters.dialogues += recorded.length;
  const demoIndex = members.findIndex((member) => member.demo);
  const demo = members[demoIndex];
  const own = years.map((_, y) => recorded[y * members.length + demoIndex]?.id).filter((id): id is string => Boolean(id));
  if (demo)
    await context.gateway.mutate(
      demo.person.session.token,
      own.map((id) => op('acknowledgeDialogue', { dialogueId: ['ID!', id] }, 'id status')),
    );
}

/** The follow-up dialogue each poor rating made due, recorded today. */
export async function followUpDialogues(context: DemoContext, supervisor: Person, poor: readonly Member[]): Promise<void> {
  const recorded = await context.gateway.mutate(
    supervisor.session.token,
    poor.map((member) =>
      op(
        'recordDialogue',
        {
          input: [
            'RecordDialogueInput!',
            {
              employeeId: member.person.id,
              kind: 'FOLLOW_UP',
              date: context.today,
              summary: `Tindak lanjut predikat ${member.outcome.predikat.replace('_', ' ')} tahun ${context.years.previous}: hasil penilaian dan umpan balik dibahas bersama.`,
              agreements: 'Mengikuti pelatihan yang ditugaskan dan pendampingan bulanan oleh atasan langsung.',
            },
          ],
        },
        'id',
      ),
    ),
  );
  context.counters.dialogues += recorded.length;
}

/** A 360° cycle started by `starter` (HR) for `subject`, with more peers added, opened: its id and a full answer sheet per score. */
async function startCycle(context: DemoContext, starter: Session, subjectId: string, periodId: string, extraPeers: readonly string[]) {
  const [started] = await context.gateway.mutate<{ id: string }>(starter.token, [
    op('startFeedbackCycle', { input: ['StartFeedbackCycleInput!', { subjectId, periodId }] }, 'id'),
  ]);
  if (!started) throw new DemoActivityError('the 360° cycle did not start');
  const opened = await context.gateway.mutate<{ questionnaire?: { code: string; value: string }[] }>(starter.token, [
    ...extraPeers.map((raterId) => op('addFeedbackRater', { input: ['AddFeedbackRaterInput!', { cycleId: started.id, raterId, group: 'PEER' }] }, 'id')),
    op('openFeedbackCycle', { input: ['OpenFeedbackCycleInput!', { cycleId: started.id }] }, 'id questionnaire { code value }'),
  ]);
  const items = opened[opened.length - 1]?.questionnaire ?? [];
  const answers = (score: number, low: readonly string[] = []) =>
    items.map((item) => ({ itemCode: item.code, score: low.includes(item.value) ? Math.max(1, score - 2) : score }));
  return { cycleId: started.id, answers };
}

function submit(context: DemoContext, session: Session, cycleId: string, answers: { itemCode: string; score: number }[]) {
  return context.gateway.mutate(session.token, [op('submitFeedback', { input: ['SubmitFeedbackInput!', { cycleId, answers }] }, 'cycleId')]);
}

/**
 * Last year's 360° of the demo supervisor's other staff member, started by HR, who adds the other
 * team of the unit as peers (three peers, so their aggregate shows); everyone answers, HR closes it.
 */
export async function closedFeedbackCycle(context: DemoContext, hr: Session, supervisor: Person, members: readonly Member[], periodId: string): Promise<void> {
  const subject = members.find((member) => !member.demo && member.lead === supervisor);
  if (!subject) return;
  const peers = members.filter((member) => member.lead !== supervisor);
  const { cycleId, answers } = await startCycle(
    context,
    hr,
    subject.person.id,
    periodId,
    peers.map((member) => member.person.id),
  );
  const low = subject.outcome.below;
  await Promise.all([
    submit(context, supervisor.session, cycleId, answers(4, low)),
    ...members.map((member, m) => submit(context, member.person.session, cycleId, answers(member === subject ? 5 : 3 + (m % 2), low))),
  ]);
  await context.gateway.request('mutation ($id: ID!) { closeFeedbackCycle(cycleId: $id) { id status } }', { id: cycleId }, hr.token);
  context.counters.feedbackCycles.closed += 1;
}

/** This year's 360° of the demo supervisor, opened by HR: some have answered, the demo employee's request waits. */
export async function openFeedbackCycle(context: DemoContext, hr: Session, supervisor: Person, answering: readonly Person[], periodId: string): Promise<void> {
  const { cycleId, answers } = await startCycle(context, hr, supervisor.id, periodId, []);
  await Promise.all(answering.map((person) => submit(context, person.session, cycleId, answers(4))));
  context.counters.feedbackCycles.open += 1;
}
