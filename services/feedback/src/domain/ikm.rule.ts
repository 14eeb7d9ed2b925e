/** The nine elements of the citizen satisfaction survey (SKM), rule 7. */
export const IKM_ELEMENTS = [
  'REQUIREMENTS',
  'PROCEDURE',
  'SERVICE_TIME',
  'COST',
  'PRODUCT',
  'STAFF_COMPETENCE',
  'STAFF_BEHAVIOUR',
  'COMPLAINT_HANDLING',
  'FACILITIES',
] as const;
export type IkmElement = (typeof IKM_ELEMENTS)[number];

export const IKM_SCALE = { min: 1, max: 4 } as const;

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** Mutu pelayanan: the lowest index of each grade. */
export const IKM_GRADE_FLOORS: readonly { grade: IkmGrade; min: number }[] = [
  { grade: 'A', min: 88.31 },
  { grade: 'B', min: 76.61 },
  { grade: 'C', min: 65.0 },
];

export function ikmGrade(index: number): IkmGrade {
  return IKM_GRADE_FLOORS.find((floor) => index >= floor.min)?.grade ?? 'D';
}

/**
 * The index from the running sums kept per element: each element's mean (1–4), their mean with
 * equal weights (1/9), times 25 (range 25–100), to two decimals. Null without any answer.
 */
export function ikmOf(
  responses: number,
  sums: Readonly<Record<IkmElement, number>>,
): { ikm: number; grade: IkmGrade; perElement: { element: IkmElement; mean: number }[] } | null {
  if (responses <= 0) return null;
  const perElement = IKM_ELEMENTS.map((element) => ({ element, mean: Math.round((sums[element] / responses) * 100) / 100 }));
  const mean = IKM_ELEMENTS.reduce((total, element) => total + sums[element] / responses, 0) / IKM_ELEMENTS.length;
  const ikm = Math.round(mean * 25 * 100) / 100;
  return { ikm, grade: ikmGrade(ikm), perElement };
}
