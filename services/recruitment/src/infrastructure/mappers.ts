import type { Applicant } from '../domain/applicant';
import type { Application, ApplicationStatus } from '../domain/application';
import type { NormalisationMethod } from '../domain/final-score.rule';
import type { Formation, FormationStatus } from '../domain/formation';
import type { Sex } from '../domain/nik.rule';
import type { Selection } from '../domain/selection';
import type { Announcement, Objection, ObjectionStatus, Stage } from '../domain/stage';
import type { Vacancy } from '../domain/vacancy';
import type * as Rows from '../generated/prisma/client';

// Rebuilding from rows trusts the database: the factories checked what went in.

export const toFormation = (row: Rows.Formation): Formation => ({ ...row, status: row.status as FormationStatus });

export const toSelection = (row: Rows.Selection): Selection => ({
  id: row.id,
  agencyId: row.agencyId,
  code: row.code,
  name: row.name,
  year: row.year,
  registrationOpensAt: row.registrationOpensAt,
  registrationClosesAt: row.registrationClosesAt,
  skdDate: row.skdDate,
  skbDate: row.skbDate,
  passMarks: { twk: row.passTwk, tiu: row.passTiu, tkp: row.passTkp },
  scoring: { method: row.normalisation as NormalisationMethod, skbMaximum: row.skbMaximum, interviewWeight: row.interviewWeight, skdWeight: row.skdWeight },
  createdAt: row.createdAt,
});

export const selectionData = (selection: Selection) => ({
  id: selection.id,
  agencyId: selection.agencyId,
  code: selection.code,
  name: selection.name,
  year: selection.year,
  registrationOpensAt: selection.registrationOpensAt,
  registrationClosesAt: selection.registrationClosesAt,
  skdDate: selection.skdDate,
  skbDate: selection.skbDate,
  passTwk: selection.passMarks.twk,
  passTiu: selection.passMarks.tiu,
  passTkp: selection.passMarks.tkp,
  normalisation: selection.scoring.method,
  skbMaximum: selection.scoring.skbMaximum,
  interviewWeight: selection.scoring.interviewWeight,
  skdWeight: selection.scoring.skdWeight,
  createdAt: selection.createdAt,
});

export const toVacancy = (row: Rows.Vacancy): Vacancy => ({ ...row });

export const toApplicant = (row: Rows.Applicant): Applicant => ({ ...row, sex: row.sex as Sex });

export const toApplication = (row: Rows.Application): Application => ({
  id: row.id,
  agencyId: row.agencyId,
  selectionId: row.selectionId,
  vacancyId: row.vacancyId,
  applicantId: row.applicantId,
  registrationNumber: row.registrationNumber,
  idempotencyKey: row.idempotencyKey,
  status: row.status as ApplicationStatus,
  verificationNote: row.verificationNote,
  skd: row.twk !== null && row.tiu !== null && row.tkp !== null ? { twk: row.twk, tiu: row.tiu, tkp: row.tkp } : null,
  skdRank: row.skdRank,
  skbScore: row.skbScore,
  interviewAt: row.interviewAt,
  interviewLink: row.interviewLink,
  interviewScore: row.interviewScore,
  finalScore: row.finalScore,
  finalRank: row.finalRank,
  nip: row.nip,
  withdrawnFrom: row.withdrawnFrom as ApplicationStatus | null,
  withdrawnAt: row.withdrawnAt,
  withdrawalReason: row.withdrawalReason,
  submittedAt: row.submittedAt,
  updatedAt: row.updatedAt,
});

export const applicationData = (application: Application) => {
  const { skd, ...rest } = application;
  return { ...rest, twk: skd?.twk ?? null, tiu: skd?.tiu ?? null, tkp: skd?.tkp ?? null };
};

export const toAnnouncement = (row: Rows.Announcement): Announcement => ({ ...row, stage: row.stage as Stage });

export const toObjection = (row: Rows.Objection): Objection => ({ ...row, stage: row.stage as Stage, status: row.status as ObjectionStatus });
