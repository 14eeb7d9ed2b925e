import { SURVEY_COMMENT_HARD_MAX_LENGTH } from '../domain/citizen-survey';
import { DIALOGUE_TEXT_MAX_LENGTH } from '../domain/dialogue';
import { NOTE_TEXT_MAX_LENGTH } from '../domain/feedback-note';

/**
 * The input fields of this subgraph allowed more than the input guard's default length; every
 * other string input is capped there (packages/subgraph/src/input-guard.ts). The domain checks the
 * same limits with the field named; these only let the text reach it.
 */
export function longTextInputs(): Record<string, number> {
  return {
    'RecordFeedbackNoteInput.text': NOTE_TEXT_MAX_LENGTH,
    'ReplyToFeedbackNoteInput.text': NOTE_TEXT_MAX_LENGTH,
    'RecordDialogueInput.summary': DIALOGUE_TEXT_MAX_LENGTH,
    'RecordDialogueInput.agreements': DIALOGUE_TEXT_MAX_LENGTH,
    'SubmitPublicFeedbackInput.comment': SURVEY_COMMENT_HARD_MAX_LENGTH,
  };
}
