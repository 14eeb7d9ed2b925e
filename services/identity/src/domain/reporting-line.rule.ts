/**
 * A position may not report to itself, directly or through the chain above its new supervisor.
 * `chainAboveSupervisor` lists the new supervisor and every position above it, nearest first.
 */
export function wouldCreateReportingCycle(positionId: string, chainAboveSupervisor: readonly string[]): boolean {
  return chainAboveSupervisor.includes(positionId);
}
