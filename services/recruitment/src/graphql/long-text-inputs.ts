/** The test centre's SKD export: a line of ~40 characters per participant, for a selection of up to 200,000. */
export const SKD_CSV_MAX_LENGTH = 8_000_000;

/**
 * The input fields of this subgraph allowed more than the input guard's default length (500);
 * every other string input is capped there (packages/subgraph/src/input-guard.ts). The use cases
 * check their own limits with the field named; these only let the text reach them.
 */
export function longTextInputs(documentMaxBytes: number): Record<string, number> {
  return {
    // base64 of the largest document; the request body limit holds it too.
    'UploadApplicationDocumentInput.contentBase64': Math.ceil((documentMaxBytes * 4) / 3) + 4,
    'ImportSkdScoresInput.csv': SKD_CSV_MAX_LENGTH,
    'AnswerObjectionInput.response': 4000,
    'FileObjectionInput.reason': 4000,
    'DeclareConflictOfInterestInput.reason': 1000,
    'WithdrawApplicationInput.reason': 1000,
  };
}

/** The request body: the largest CSV or document (base64), with room for the query and the JSON escaping. */
export const maxBodyBytes = (documentMaxBytes: number) => Math.max(SKD_CSV_MAX_LENGTH, Math.ceil((documentMaxBytes * 4) / 3)) + 1024 * 1024;
