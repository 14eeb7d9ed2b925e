import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import type { RecruitmentPrisma } from '../../src/infrastructure/prisma-client';
import { data, type Requests } from './harness';
import { APPLY, APPROVE, CREATE_SELECTION, PROPOSE, PUBLISH, REGISTER } from './operations';
import { applicantAccount, provinceAdmin } from './viewers';

const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** NIKs of Kota Bandung (3273xx) with the birth date DDMMYY (+40 for women). */
export const nikOf = (day: number, month: number, year: number, female: boolean, serial: number) =>
  `327302${String(day + (female ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;

export interface FormationOptions {
  positionTitle?: string;
  need?: number;
  currentHolders?: number;
  quota?: number;
}

/** A formation proposed by the agency's HR and approved by the province. */
export async function approvedFormation(harness: Requests, hr: Viewer, options: FormationOptions = {}): Promise<string> {
  const { positionTitle = 'Analis SDM', need = 5, currentHolders = 1, quota = 1 } = options;
  const input = { agencyId: hr.agencyId, orgUnitId: randomUUID(), positionTitle, need, currentHolders, quota, justification: 'Analisis beban kerja unit.' };
  const formation = data<{ id: string }>(await harness.as(hr)(PROPOSE, { input }), 'proposeFormation');
  data(await harness.as(provinceAdmin())(APPROVE, { input: { formationId: formation.id } }), 'approveFormation');
  return formation.id;
}

/** A selection of the agency whose registration runs between the two days from today. */
export async function openSelection(harness: Requests, hr: Viewer, registration: [number, number] = [-1, 5]): Promise<{ id: string; code: string }> {
  const code = `S-${randomUUID().slice(0, 6).toUpperCase()}`;
  const input = {
    agencyId: hr.agencyId,
    code,
    name: 'CPNS 2027',
    year: 2027,
    registrationOpensAt: inDays(registration[0]),
    registrationClosesAt: inDays(registration[1]),
  };
  return data<{ id: string; code: string }>(await harness.as(hr)(CREATE_SELECTION, { input }), 'createSelection');
}

/** A vacancy for the formation in the selection. */
export async function publishedVacancy(
  harness: Requests,
  hr: Viewer,
  placement: { formationId: string; selectionId: string; title: string; documents?: string[] },
): Promise<string> {
  const input = { ...placement, documents: placement.documents ?? [], education: 'S1', minAge: 18, maxAge: 40 };
  return data<{ id: string }>(await harness.as(hr)(PUBLISH, { input }), 'publishVacancy').id;
}

export interface OpenVacancy {
  vacancyId: string;
  selectionId: string;
  code: string;
}

/** An approved formation titled `title`, published as the one vacancy of a new selection. */
export async function openVacancy(
  harness: Requests,
  hr: Viewer,
  options: { title?: string; quota?: number; registration?: [number, number]; documents?: string[] } = {},
): Promise<OpenVacancy> {
  const { title = 'Analis SDM', quota, registration, documents } = options;
  const formationId = await approvedFormation(harness, hr, { positionTitle: title, quota });
  const selection = await openSelection(harness, hr, registration);
  const vacancyId = await publishedVacancy(harness, hr, { formationId, selectionId: selection.id, title, documents });
  return { vacancyId, selectionId: selection.id, code: selection.code };
}

export interface Person {
  nik: string;
  name: string;
  email?: string;
}

/** A new applicant account, registered with this NIK. */
export async function registeredApplicant(harness: Requests, person: Person): Promise<Viewer> {
  const viewer = applicantAccount();
  const input = { email: `${randomUUID().slice(0, 8)}@example.id`, ...person };
  data(await harness.as(viewer)(REGISTER, { input }), 'registerApplicant');
  return viewer;
}

export interface Applied {
  viewer: Viewer;
  id: string;
  registrationNumber: string;
}

/** Registers each person and applies them to the vacancy, in order. */
export async function applicantsOf(harness: Requests, vacancyId: string, people: Person[]): Promise<Applied[]> {
  const applied: Applied[] = [];
  for (const person of people) {
    const viewer = await registeredApplicant(harness, person);
    const application = data<{ id: string; registrationNumber: string }>(
      await harness.as(viewer)(APPLY, { input: { vacancyId, idempotencyKey: `k-${randomUUID()}` } }),
      'applyToVacancy',
    );
    applied.push({ viewer, ...application });
  }
  return applied;
}

/** The objection windows of the selection's announcements pass: the test moves them `days` into the past. */
export const windowPasses = (prisma: RecruitmentPrisma, selectionId: string, days = 4) =>
  prisma.$executeRawUnsafe(
    `UPDATE announcement SET announced_at = announced_at - $2::int * interval '1 day', objection_closes_at = objection_closes_at - $2::int * interval '1 day' WHERE selection_id = $1::uuid`,
    selectionId,
    days,
  );
