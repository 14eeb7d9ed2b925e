import { NotFoundError } from '@kinerja/errors';
import { isEntityId } from '@kinerja/kernel';

import type { Applicant } from '../domain/applicant';
import type { Application, ApplicationStatus } from '../domain/application';
import { announcedName } from '../domain/public-results';
import type { ApplicantRepository, ApplicationRepository, SelectionRepository, VacancyRepository } from '../domain/repositories';
import type { Stage } from '../domain/stage';
import type { Vacancy } from '../domain/vacancy';

/** One line of a published stage: never the NIK, the birth date or the e-mail. */
export interface ResultEntry {
  registrationNumber: string;
  name: string;
  outcome: string;
  rank: number | null;
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  skdTotal: number | null;
  finalScore: number | null;
}

export interface StageResults {
  stage: Stage;
  announcedAt: Date;
  objectionClosesAt: Date;
  entries: ResultEntry[];
}

export interface SelectionResults {
  vacancy: Vacancy;
  stages: StageResults[];
}

const AFTER_SKD: readonly ApplicationStatus[] = ['SKB', 'SELECTED', 'NOT_SELECTED', 'HIRED'];
const AFTER_FINAL: readonly ApplicationStatus[] = ['SELECTED', 'NOT_SELECTED', 'HIRED'];

function entryOf(stage: Stage, application: Application, applicant: Applicant | undefined): ResultEntry | null {
  const skd = application.skd;
  const base = {
    registrationNumber: application.registrationNumber,
    name: announcedName(applicant?.name ?? ''),
    twk: null,
    tiu: null,
    tkp: null,
    skdTotal: null,
    finalScore: null,
    rank: null,
  };
  if (stage === 'ADMINISTRATION') {
    if (application.status === 'SUBMITTED') return null;
    return { ...base, outcome: application.status === 'NOT_QUALIFIED' ? 'NOT_QUALIFIED' : 'QUALIFIED' };
  }
  const skdScores = { twk: skd?.twk ?? null, tiu: skd?.tiu ?? null, tkp: skd?.tkp ?? null, skdTotal: skd ? skd.twk + skd.tiu + skd.tkp : null };
  if (stage === 'SKD') {
    if (!['BELOW_PASS_MARK', 'OUTSIDE_SKB_CUT', ...AFTER_SKD].includes(application.status)) return null;
    return { ...base, ...skdScores, rank: application.skdRank, outcome: AFTER_SKD.includes(application.status) ? 'SKB' : application.status };
  }
  if (!AFTER_FINAL.includes(application.status)) return null;
  return {
    ...base,
    ...skdScores,
    rank: application.finalRank,
    finalScore: application.finalScore,
    outcome: application.status === 'NOT_SELECTED' ? 'NOT_SELECTED' : 'SELECTED',
  };
}

const byRank = (a: ResultEntry, b: ResultEntry) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.registrationNumber.localeCompare(b.registrationNumber);

/** `selectionResults(vacancyId)`: for anyone, the announced stages only, personal data masked. */
export class SelectionResultsReader {
  constructor(
    private readonly repositories: {
      applicants: ApplicantRepository;
      applications: ApplicationRepository;
      selections: SelectionRepository;
      vacancies: VacancyRepository;
    },
  ) {}

  async of(vacancyId: string): Promise<SelectionResults> {
    const [vacancy] = isEntityId(vacancyId) ? await this.repositories.vacancies.byIds([vacancyId]) : [];
    if (!vacancy) throw new NotFoundError('Vacancy', vacancyId, 'vacancyId');
    const announcements = await this.repositories.selections.announcements(vacancy.selectionId);
    if (announcements.length === 0) return { vacancy, stages: [] };
    const applications = await this.repositories.applications.ofVacancy(vacancy.id);
    const applicants = new Map((await this.repositories.applicants.byIds([...new Set(applications.map((a) => a.applicantId))])).map((a) => [a.id, a]));
    return {
      vacancy,
      stages: announcements.map((announcement) => ({
        stage: announcement.stage,
        announcedAt: announcement.announcedAt,
        objectionClosesAt: announcement.objectionClosesAt,
        entries: applications
          .map((application) => entryOf(announcement.stage, application, applicants.get(application.applicantId)))
          .filter((entry): entry is ResultEntry => entry !== null)
          .sort(byRank),
      })),
    };
  }
}
