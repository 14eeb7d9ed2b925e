import { type FieldProblem, ValidationError } from '@kinerja/errors';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import { parseNik, type Sex } from './nik.rule';
import { requiredText, throwIfAny } from './text';

/** A citizen registered to apply; NIK, birth date and e-mail are personal data, never published. */
export interface Applicant {
  id: string;
  userId: string;
  nik: string;
  name: string;
  email: string;
  birthDate: string;
  sex: Sex;
  regionCode: string;
  createdAt: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Registration checks the NIK's structure; its birth date and sex become the applicant's. */
export function registerApplicant(
  input: { nik: string; name: string; email: string },
  userId: string,
  today: string,
  ids: IdGenerator,
  clock: Clock,
): Applicant {
  const problems: FieldProblem[] = [];
  const nik = parseNik(input.nik, today);
  if (!nik.ok) problems.push(...nik.problems);
  const name = requiredText(problems, 'name', input.name, 200);
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) problems.push({ field: 'email', message: 'must be an e-mail address' });
  throwIfAny(problems);
  if (!nik.ok) throw new ValidationError(nik.problems);
  return {
    id: ids.newId(),
    userId,
    nik: input.nik.replace(/\s+/g, ''),
    name,
    email,
    birthDate: nik.value.birthDate,
    sex: nik.value.sex,
    regionCode: nik.value.regionCode,
    createdAt: clock.now(),
  };
}
