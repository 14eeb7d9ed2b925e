/** True for a unique-constraint violation (Prisma P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const candidate = error as { code?: string; meta?: Record<string, unknown> } | null;
  if (candidate?.code !== 'P2002') return false;
  if (!column) return true;
  const meta = JSON.stringify(candidate.meta ?? {});
  return meta.includes(column);
}
