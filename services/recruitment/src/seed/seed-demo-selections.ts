import { createHash } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import type { Clock, IdGenerator } from '@kinerja/kernel';

import type { Actor } from '../application/actor';
import { AnnounceResults } from '../application/announce-results.command';
import { ApplyToVacancy } from '../application/apply-to-vacancy.command';
import { CreateSelection } from '../application/create-selection.command';
import { HireApplicant } from '../application/hire-applicant.command';
import { ProposeFormation } from '../application/propose-formation.command';
import { PublishVacancy } from '../application/publish-vacancy.command';
import { RecordTestScores } from '../application/record-test-scores.command';
import { RegisterApplicant } from '../application/register-applicant.command';
import { ReviewFormation } from '../application/review-formation.command';
import { VerifyApplication } from '../application/verify-application.command';
import { PrismaApplicantRepository } from '../infrastructure/prisma-applicant.repository';
import { PrismaApplicationRepository } from '../infrastructure/prisma-application.repository';
import type { RecruitmentPrisma } from '../infrastructure/prisma-client';
import { PrismaCommitteeRepository } from '../infrastructure/prisma-committee.repository';
import { PrismaFormationRepository } from '../infrastructure/prisma-formation.repository';
import { PrismaObjectionRepository } from '../infrastructure/prisma-objection.repository';
import { PrismaSelectionRepository, PrismaVacancyRepository } from '../infrastructure/prisma-selection.repository';

const DAY = 86_400_000;

/** The seed acts as the province admin (it manages every agency and approves formations). */
const SEED_ACTOR: Actor = {
  viewer: { userId: '00000000-0000-4000-8000-000000005eed', employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] },
  requestId: 'seed-demo-selections',
};

/** Demo citizens of the finished selection: name, day/month/year of birth, female, SKD scores (TWK, TIU, TKP) or null when not qualified. */
const DEMO_APPLICANTS: readonly [string, number, number, number, boolean, readonly [number, number, number] | null][] = [
  ['Ayu Lestari', 12, 3, 1998, true, [110, 125, 190]],
  ['Bagus Pratama', 4, 11, 1997, false, [95, 110, 175]],
  ['Citra Maharani', 27, 6, 1999, true, [60, 90, 160]],
  ['Dimas Saputra', 9, 1, 1996, false, null],
];

/** A NIK of Kota Bandung (3273xx) whose serial is stable per agency and person, so a re-run finds it again. */
function demoNik(agencyId: string, index: number, day: number, month: number, year: number, female: boolean): string {
  const serial = (parseInt(createHash('sha256').update(`${agencyId}:${index}`).digest('hex').slice(0, 8), 16) % 9000) + 1000;
  return `327302${String(day + (female ? 40 : 0)).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${serial}`;
}

/** A stable applicant account id per agency and person (the demo citizens have no login). */
const demoUserId = (agencyId: string, index: number) => {
  const hex = createHash('sha256').update(`recruitment-demo:${agencyId}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The registration numbers are prefixed with the code and unique across agencies: the code names the agency. */
export const demoSelectionCode = (year: number, agencyId: string) => `DEMO-CPNS${year}-${agencyId.slice(0, 8).toUpperCase()}`;

export interface DemoAgency {
  agencyId: string;
  /** A unit of the agency (from the employee copy) the formations are for. */
  orgUnitId: string;
}

/**
 * The demo selections of one agency, through the use cases (so every rule holds), each on a
 * clock set to the day it happened:
 *  - `DEMO-CPNS{year-1}-{agency}`: registration and verification two months ago, the administrative,
 *    SKD and final results announced with their objection windows long closed, and the selected
 *    applicant hired five days ago (identity makes them a CPNS employee, development assigns Latsar);
 *  - `DEMO-CPNS{year}-{agency}`: registration open for a month, one vacancy the demo applicant
 *    (pelamar@kinerja.demo, after registerApplicant) can apply to.
 * Idempotent: a selection whose code exists is left as it is. Answers how many selections it added.
 */
export async function seedDemoSelectionsOf(prisma: RecruitmentPrisma, agency: DemoAgency, now: Date, ids: IdGenerator): Promise<number> {
  const formations = new PrismaFormationRepository(prisma);
  const selections = new PrismaSelectionRepository(prisma);
  const vacancies = new PrismaVacancyRepository(prisma);
  const applicants = new PrismaApplicantRepository(prisma);
  const applications = new PrismaApplicationRepository(prisma, () => undefined);
  const objections = new PrismaObjectionRepository(prisma);
  const committee = new PrismaCommitteeRepository(prisma);
  const all = { formations, selections, vacancies, applicants, applications, objections, committee };
  const at = (days: number): Clock => ({ now: () => new Date(now.getTime() + days * DAY) });
  const year = now.getUTCFullYear();
  const existing = new Set(
    (await prisma.selection.findMany({ where: { agencyId: agency.agencyId, code: { startsWith: 'DEMO-CPNS' } }, select: { code: true } })).map((s) => s.code),
  );

  async function selectionWithVacancy(code: string, name: string, days: { opens: number; closes: number; start: number }, title: string) {
    const formation = await new ProposeFormation(formations, ids, at(days.start)).execute(SEED_ACTOR, {
      agencyId: agency.agencyId,
      orgUnitId: agency.orgUnitId,
      positionId: null,
      positionTitle: title,
      need: 6,
      currentHolders: 3,
      quota: 1,
      justification: 'Analisis beban kerja: tiga jabatan kosong setelah pensiun (data demo).',
    });
    await new ReviewFormation(formations, at(days.start)).execute(SEED_ACTOR, { formationId: formation.id, approve: true, note: null });
    const selection = await new CreateSelection(selections, ids, at(days.start)).execute(SEED_ACTOR, {
      agencyId: agency.agencyId,
      code,
      name,
      year: new Date(now.getTime() + days.closes * DAY).getUTCFullYear(),
      registrationOpensAt: new Date(now.getTime() + days.opens * DAY),
      registrationClosesAt: new Date(now.getTime() + days.closes * DAY),
    });
    const vacancy = await new PublishVacancy(all, ids, at(days.opens)).execute(SEED_ACTOR, {
      formationId: formation.id,
      selectionId: selection.id,
      title,
      education: 'S1 semua jurusan',
      minAge: 18,
      maxAge: 35,
      documents: ['Ijazah', 'Transkrip nilai'],
    });
    return { selection, vacancy };
  }

  let added = 0;
  const finished = demoSelectionCode(year - 1, agency.agencyId);
  if (!existing.has(finished)) {
    const { selection, vacancy } = await selectionWithVacancy(
      finished,
      `Seleksi CPNS ${year - 1} (demo)`,
      { opens: -60, closes: -45, start: -62 },
      'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
    );
    const applied: { applicationId: string; scores: readonly [number, number, number] | null }[] = [];
    for (const [index, [name, day, month, birthYear, female, scores]] of DEMO_APPLICANTS.entries()) {
      const citizen: Actor = {
        viewer: { userId: demoUserId(agency.agencyId, index), employeeId: null, agencyId: null, grants: [{ role: 'APPLICANT', agencyId: null }] } as Viewer,
        requestId: 'seed',
      };
      const applicant =
        (await applicants.byUserId(citizen.viewer.userId as string)) ??
        (await new RegisterApplicant(applicants, ids, at(-55)).execute(citizen, {
          nik: demoNik(agency.agencyId, index, day, month, birthYear, female),
          name,
          email: `pelamar${index + 1}.${agency.agencyId.slice(0, 8)}@contoh.demo`,
        }));
      const application = await new ApplyToVacancy(all, ids, at(-50)).execute(citizen, {
        vacancyId: vacancy.id,
        idempotencyKey: `demo-${selection.code}-${applicant.id.slice(0, 8)}`,
      });
      applied.push({ applicationId: application.id, scores });
    }
    for (const { applicationId, scores } of applied) {
      await new VerifyApplication(all, at(-44)).execute(SEED_ACTOR, {
        applicationId,
        qualified: scores !== null,
        reason: scores ? null : 'Ijazah tidak sesuai kualifikasi pendidikan',
      });
    }
    await new AnnounceResults(all, ids, at(-40)).execute(SEED_ACTOR, { selectionId: selection.id, stage: 'ADMINISTRATION' });
    for (const { applicationId, scores } of applied) {
      if (scores)
        await new RecordTestScores(all, at(-30)).execute(SEED_ACTOR, {
          applicationId,
          skd: { twk: scores[0], tiu: scores[1], tkp: scores[2] },
          skbScore: null,
        });
    }
    await new AnnounceResults(all, ids, at(-25)).execute(SEED_ACTOR, { selectionId: selection.id, stage: 'SKD' });
    // SKB for those the SKD ranking sent there, the final results, and the hire of the one selected:
    // recruitment.applicant.hired makes them a CPNS employee in identity and Latsar CPNS is assigned in development.
    for (const application of await applications.ofVacancy(vacancy.id)) {
      if (application.status === 'SKB')
        await new RecordTestScores(all, at(-20)).execute(SEED_ACTOR, {
          applicationId: application.id,
          skd: null,
          skbScore: 80 - applied.findIndex((a) => a.applicationId === application.id) * 5,
        });
    }
    await new AnnounceResults(all, ids, at(-15)).execute(SEED_ACTOR, { selectionId: selection.id, stage: 'FINAL' });
    for (const application of await applications.ofVacancy(vacancy.id)) {
      if (application.status === 'SELECTED') await new HireApplicant(all, at(-5)).execute(SEED_ACTOR, { applicationId: application.id });
    }
    added += 1;
  }
  const open = demoSelectionCode(year, agency.agencyId);
  if (!existing.has(open)) {
    await selectionWithVacancy(open, `Seleksi CPNS ${year} (demo)`, { opens: -1, closes: 30, start: -3 }, 'Pranata Komputer Ahli Pertama');
    added += 1;
  }
  return added;
}

async function agenciesNow(prisma: RecruitmentPrisma): Promise<DemoAgency[]> {
  const rows = await prisma.$queryRawUnsafe<{ agency_id: string; org_unit_id: string }[]>(
    `SELECT DISTINCT ON (agency_id) agency_id::text, org_unit_id::text FROM employee_copy WHERE status <> 'LEFT' ORDER BY agency_id, employee_id`,
  );
  return rows.map((row) => ({ agencyId: row.agency_id, orgUnitId: row.org_unit_id }));
}

/**
 * The agencies recruitment knows of from identity's employee events, each with one of its units.
 * On a first start identity's seed has just published its snapshots: this waits up to `waitMs`
 * for the first agencies, then until their number holds still for a moment.
 */
export async function knownAgencies(prisma: RecruitmentPrisma, waitMs: number): Promise<DemoAgency[]> {
  const deadline = Date.now() + waitMs;
  let agencies = await agenciesNow(prisma);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const again = await agenciesNow(prisma);
    if (again.length > 0 && again.length === agencies.length) return again;
    agencies = again;
  }
  return agencies;
}
