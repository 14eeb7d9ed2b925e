import { indonesianDate } from '@kinerja/kernel';

import type { Assessment, BehaviourValueRating } from './assessment';
import type { EmployeeCopy } from './employee-copy';
import type { PerformancePeriod } from './period';
import type { Indicator, PerformancePlan, WorkResult } from './plan';
import type { Realization } from './realization';
import type { CoreValue, ExpectationRating, IndicatorAspect, Predikat, WorkResultKind } from './vocabulary';

/** The two official documents of an employee's year: the SKP itself, and its annual evaluation. */
export const OFFICIAL_DOCUMENT_KINDS = ['SKP', 'ASSESSMENT'] as const;
export type OfficialDocumentKind = (typeof OFFICIAL_DOCUMENT_KINDS)[number];

/** Everything a document prints, gathered by the application from the service's own records. */
export interface OfficialDocumentFacts {
  plan: PerformancePlan;
  period: PerformancePeriod;
  employee: EmployeeCopy;
  /** The pejabat penilai kinerja: who approved the plan (SKP) or finalized the assessment. */
  assessor: EmployeeCopy | null;
  workResults: readonly WorkResult[];
  indicators: readonly Indicator[];
  realizations: readonly Realization[];
  assessment: Assessment | null;
  behaviourRatings: readonly BehaviourValueRating[];
}

export interface DocumentTable {
  columns: readonly { header: string; share: number }[];
  rows: readonly (readonly string[])[];
}

/** A document as text in the order the regulation's annex lays it out; the renderer only draws it. */
export interface OfficialDocumentContent {
  title: string;
  fileName: string;
  heading: readonly string[];
  sections: readonly { title: string; fields?: readonly (readonly [string, string])[]; table?: DocumentTable; paragraph?: string }[];
  signatures: readonly { place: string; role: string; name: string; nip: string }[];
}

export const PREDIKAT_LABELS: Readonly<Record<Predikat, string>> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};
export const RATING_LABELS: Readonly<Record<ExpectationRating, string>> = {
  ABOVE: 'Di atas ekspektasi',
  MEETS: 'Sesuai ekspektasi',
  BELOW: 'Di bawah ekspektasi',
};
const KIND_LABELS: Readonly<Record<WorkResultKind, string>> = { MAIN: 'Utama', ADDITIONAL: 'Tambahan' };
const ASPECT_LABELS: Readonly<Record<IndicatorAspect, string>> = { QUANTITY: 'Kuantitas', QUALITY: 'Kualitas', TIME: 'Waktu', COST: 'Biaya' };
const VALUE_LABELS: Readonly<Record<CoreValue, string>> = {
  BERORIENTASI_PELAYANAN: 'Berorientasi Pelayanan',
  AKUNTABEL: 'Akuntabel',
  KOMPETEN: 'Kompeten',
  HARMONIS: 'Harmonis',
  LOYAL: 'Loyal',
  ADAPTIF: 'Adaptif',
  KOLABORATIF: 'Kolaboratif',
};

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', ','));

function identityFields(person: EmployeeCopy | null): [string, string][] {
  return [
    ['Nama', person?.name ?? '-'],
    ['NIP', person?.nip ?? '-'],
  ];
}

/** One row per indicator, under its RHK (numbered in plan order, main before additional). */
function workResultRows(facts: OfficialDocumentFacts, withRealization: boolean): string[][] {
  const ordered = [...facts.workResults].sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'MAIN' ? -1 : 1));
  const rows: string[][] = [];
  ordered.forEach((workResult, index) => {
    const indicators = facts.indicators.filter((i) => i.workResultId === workResult.id).sort((a, b) => a.position - b.position);
    const lines = indicators.length > 0 ? indicators : [null];
    lines.forEach((indicator, line) => {
      const first = line === 0;
      const row = [
        first ? String(index + 1) : '',
        first ? `${workResult.title} (${KIND_LABELS[workResult.kind]})` : '',
        indicator ? `${ASPECT_LABELS[indicator.aspect]}: ${indicator.description}` : '-',
        indicator ? `${number(indicator.target)} ${indicator.unit}` : '-',
      ];
      if (withRealization) {
        const reported = indicator ? facts.realizations.filter((r) => r.indicatorId === indicator.id) : [];
        row.push(reported.length > 0 ? `${number(reported.reduce((sum, r) => sum + r.value, 0))} ${indicator?.unit ?? ''}`.trim() : '-');
      }
      rows.push(row);
    });
  });
  return rows;
}

/**
 * The frame both annexes share: the title and file name, the period heading, who is assessed and by
 * whom, then the document's own sections, then both signature blocks dated `date`.
 */
function framed(
  facts: OfficialDocumentFacts,
  document: { name: string; fileStem: string; heading: string; date: string; sections: OfficialDocumentContent['sections'] },
): OfficialDocumentContent {
  const { employee, assessor, period } = facts;
  const signed = `Tanggal ${document.date}`;
  return {
    title: `${document.name} ${employee.name} ${period.year}`,
    fileName: `${document.fileStem}-${employee.nip}-${period.year}.pdf`,
    heading: [document.heading, `PERIODE: ${indonesianDate(period.startDate)} s.d. ${indonesianDate(period.endDate)}`],
    sections: [
      { title: 'PEGAWAI YANG DINILAI', fields: identityFields(employee) },
      { title: 'PEJABAT PENILAI KINERJA', fields: identityFields(assessor) },
      ...document.sections,
    ],
    signatures: [
      { place: signed, role: 'Pegawai yang Dinilai', name: employee.name, nip: employee.nip },
      { place: signed, role: 'Pejabat Penilai Kinerja', name: assessor?.name ?? '-', nip: assessor?.nip ?? '-' },
    ],
  };
}

/** The SKP (lampiran: Sasaran Kinerja Pegawai): who, for which period, the RHKs with their indicators and targets. */
export function skpDocument(facts: OfficialDocumentFacts): OfficialDocumentContent {
  const { plan, period } = facts;
  return framed(facts, {
    name: 'SKP',
    fileStem: 'skp',
    heading: 'SASARAN KINERJA PEGAWAI',
    date: indonesianDate(plan.approvedAt ?? period.startDate),
    sections: [
      {
        title: 'HASIL KERJA',
        table: {
          columns: [
            { header: 'No', share: 0.06 },
            { header: 'Rencana Hasil Kerja', share: 0.38 },
            { header: 'Indikator Kinerja Individu', share: 0.36 },
            { header: 'Target', share: 0.2 },
          ],
          rows: workResultRows(facts, false),
        },
      },
      { title: 'STATUS', fields: [['Status SKP', plan.status === 'APPROVED' ? 'Disetujui' : plan.status]] },
    ],
  });
}

/** The annual evaluation (lampiran: Dokumen Evaluasi Kinerja Pegawai): realizations, both ratings, the predikat. */
export function assessmentDocument(facts: OfficialDocumentFacts, assessment: Assessment): OfficialDocumentContent {
  const date = indonesianDate(assessment.finalizedAt);
  const behaviour = [...facts.behaviourRatings].sort((a, b) => Object.keys(VALUE_LABELS).indexOf(a.value) - Object.keys(VALUE_LABELS).indexOf(b.value));
  return framed(facts, {
    name: 'Evaluasi Kinerja',
    fileStem: 'evaluasi-kinerja',
    heading: 'DOKUMEN EVALUASI KINERJA PEGAWAI',
    date,
    sections: [
      {
        title: 'CAPAIAN HASIL KERJA',
        table: {
          columns: [
            { header: 'No', share: 0.06 },
            { header: 'Rencana Hasil Kerja', share: 0.3 },
            { header: 'Indikator Kinerja Individu', share: 0.3 },
            { header: 'Target', share: 0.17 },
            { header: 'Realisasi', share: 0.17 },
          ],
          rows: workResultRows(facts, true),
        },
      },
      {
        title: 'PERILAKU KERJA (BerAKHLAK)',
        table: {
          columns: [
            { header: 'Nilai', share: 0.5 },
            { header: 'Penilaian', share: 0.5 },
          ],
          rows: behaviour.map((rating) => [VALUE_LABELS[rating.value], RATING_LABELS[rating.rating]]),
        },
      },
      {
        title: 'PREDIKAT KINERJA PEGAWAI',
        fields: [
          ['Rating Hasil Kerja', RATING_LABELS[assessment.workResultRating]],
          ['Rating Perilaku Kerja', RATING_LABELS[assessment.behaviourRating]],
          ['Predikat Kinerja', PREDIKAT_LABELS[assessment.predikat]],
          ['Ditetapkan', date],
        ],
      },
      { title: 'UMPAN BALIK', paragraph: assessment.feedback.length > 0 ? assessment.feedback : '-' },
    ],
  });
}
