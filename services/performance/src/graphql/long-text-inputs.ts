/** Free text a supervisor or an employee writes, longer than a name or a title (characters). */
const FREE_TEXT = 10_000;

/**
 * The input fields of this subgraph allowed more than the input guard's default length; every
 * other string input is capped there (packages/subgraph/src/input-guard.ts).
 */
export function longTextInputs(evidenceMaxBytes: number): Record<string, number> {
  return {
    'FinalizeAssessmentInput.feedback': FREE_TEXT,
    'FinalizeAssessmentInput.justification': FREE_TEXT,
    'FinalizeAssessmentInput.overrideReason': FREE_TEXT,
    'BehaviourValueRatingInput.note': FREE_TEXT,
    'GrantRewardInput.note': FREE_TEXT,
    'IssueSanctionInput.note': FREE_TEXT,
    'RevisePerformancePlanInput.reason': FREE_TEXT,
    'SetUnitRatingInput.reason': 2_000,
    'SubmitSelfAssessmentInput.note': FREE_TEXT,
    'ReportRealizationInput.note': FREE_TEXT,
    'ReportRealizationInput.evidenceUrl': 2_000,
    'AddIndicatorInput.description': FREE_TEXT,
    // base64 of the largest document; the request body limit holds it too.
    'UploadEvidenceInput.contentBase64': Math.ceil((evidenceMaxBytes * 4) / 3) + 4,
  };
}
