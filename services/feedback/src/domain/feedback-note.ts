import { ConflictError, ValidationError } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import { type CoreValue, isCoreValue, NOTE_KINDS, type NoteKind } from './vocabulary';

/** Umpan balik berkelanjutan: a note a supervisor writes for a direct subordinate during the period. */
export interface FeedbackNote {
  id: string;
  agencyId: string;
  employeeId: string;
  authorEmployeeId: string;
  kind: NoteKind;
  /** The BerAKHLAK values the note speaks to, if any. */
  values: CoreValue[];
  text: string;
  createdAt: Date;
  reply: { text: string; repliedAt: Date } | null;
}

export const NOTE_TEXT_MAX_LENGTH = 4_000;

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (text.length === 0) throw new ValidationError({ field, message: 'must not be empty' });
  if (text.length > NOTE_TEXT_MAX_LENGTH) throw new ValidationError({ field, message: `must be at most ${NOTE_TEXT_MAX_LENGTH} characters` });
  return text;
}

export interface NewNote {
  agencyId: string;
  employeeId: string;
  authorEmployeeId: string;
  kind: string;
  values: readonly string[];
  text: string;
}

/** The factory guards the note's rules; the mapper rebuilds a stored one without them. */
export function newFeedbackNote(input: NewNote, ids: IdGenerator, clock: Clock): FeedbackNote {
  if (!(NOTE_KINDS as readonly string[]).includes(input.kind)) throw new ValidationError({ field: 'kind', message: `must be one of ${NOTE_KINDS.join(', ')}` });
  const values: CoreValue[] = [];
  input.values.forEach((value, index) => {
    if (!isCoreValue(value)) throw new ValidationError({ field: `values.${index}`, message: 'is not a BerAKHLAK value' });
    if (values.includes(value)) throw new ValidationError({ field: `values.${index}`, message: 'is named twice' });
    values.push(value);
  });
  return {
    id: ids.newId(),
    agencyId: input.agencyId,
    employeeId: input.employeeId,
    authorEmployeeId: input.authorEmployeeId,
    kind: input.kind as NoteKind,
    values,
    text: requireText(input.text, 'text'),
    createdAt: clock.now(),
    reply: null,
  };
}

/** The employee answers a note once. */
export function replyToNote(note: FeedbackNote, text: string, clock: Clock): FeedbackNote {
  const reply = requireText(text, 'text');
  if (note.reply) throw new ConflictError('This note already has a reply', { field: 'noteId' });
  return { ...note, reply: { text: reply, repliedAt: clock.now() } };
}
