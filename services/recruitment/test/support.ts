import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

export const hrOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [{ role: 'HR_ADMIN', agencyId }] });
export const employeeOf = (agencyId: string): Viewer => ({ userId: randomUUID(), employeeId: randomUUID(), agencyId, grants: [] });
export const provinceAdmin = (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] });
export const applicantAccount = (): Viewer => ({ userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'APPLICANT', agencyId: null }] });

export const PROPOSE = `mutation ($input: ProposeFormationInput!) { proposeFormation(input: $input) { id status quota gap } }`;
export const APPROVE = `mutation ($input: ReviewFormationInput!) { approveFormation(input: $input) { id status } }`;
export const CREATE_SELECTION = `mutation ($input: CreateSelectionInput!) { createSelection(input: $input) { id code passMarks { twk tiu tkp } } }`;
export const PUBLISH = `mutation ($input: PublishVacancyInput!) { publishVacancy(input: $input) { id agencyId title quota } }`;
export const REGISTER = `mutation ($input: RegisterApplicantInput!) { registerApplicant(input: $input) { id birthDate sex } }`;
export const APPLY = `mutation ($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id registrationNumber status } }`;
export const VERIFY = `mutation ($input: VerifyApplicationInput!) { verifyApplication(input: $input) { id status verificationNote } }`;
export const SCORES = `mutation ($input: RecordTestScoresInput!) { recordTestScores(input: $input) { id status skd { total } skbScore } }`;
export const IMPORT = `mutation ($input: ImportSkdScoresInput!) { importSkdScores(input: $input) { imported rejected { row registrationNumber field message } } }`;
export const ANNOUNCE = `mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { id stage announcedAt objectionClosesAt } }`;
export const OBJECT = `mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id status } }`;
export const ANSWER = `mutation ($input: AnswerObjectionInput!) { answerObjection(input: $input) { id status } }`;
export const INTERVIEW = `mutation ($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id interviewAt interviewLink } }`;
export const INTERVIEW_SCORE = `mutation ($input: RecordInterviewScoreInput!) { recordInterviewScore(input: $input) { id interviewScore } }`;
export const HIRE = `mutation ($id: ID!) { hireApplicant(applicationId: $id) { id status nip } }`;
export const APPLICATION = `query ($id: ID!) { application(id: $id) { id status skdRank finalScore finalRank } }`;
export const RESULTS = `query ($id: ID!) { selectionResults(vacancyId: $id) { vacancy { id title } stages { stage entries { nodes { registrationNumber name outcome rank twk tiu tkp skdTotal finalScore } } } } }`;
export const PUBLIC_VACANCIES = `query ($agencyId: ID, $first: Int, $after: String) { publicVacancies(agencyId: $agencyId, first: $first, after: $after) { nodes { id title } hasNextPage endCursor } }`;

const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** NIKs of Kota Bandung (3273xx) with the birth date DDMMYY (+40 for women). */
export const nikOf = (day: number, month: number, year: number, female: boolean, serial: number) =>
  `327302${String(day + (female ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
