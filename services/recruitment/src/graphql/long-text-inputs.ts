/** The test centre's SKD export: a line of ~40 characters per participant, for a selection of up to 200,000. */
export const SKD_CSV_MAX_LENGTH = 8_000_000;

/**
 * The input fields of this subgraph allowed more than the input guard's default length (500);
 * every other string input is capped there (packages/subgraph/src/input-guard.ts). The use cases
 * check their own limits with the field named; these only let the text reach them.
 */
export function longTextInputs(): Record<string, number> {
  return {
    'ImportSkdScoresInput.csv': SKD_CSV_MAX_LENGTH,
    'AnswerObjectionInput.response': 4000,
    'FileObjectionInput.reason': 4000,
    'DeclareConflictOfInterestInput.reason': 1000,
  };
}

/** The request body: the largest CSV, with room for the query and the JSON escaping. */
export const MAX_BODY_BYTES = SKD_CSV_MAX_LENGTH + 1024 * 1024;
