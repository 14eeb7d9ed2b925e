import type { CoreValue } from './vocabulary';

export interface QuestionnaireItem {
  code: string;
  value: CoreValue;
  text: string;
}

/** The answer scale of a 360° item: 1 (sangat tidak setuju) to 5 (sangat setuju). */
export const SCORE_RANGE = { min: 1, max: 5 } as const;

/** The default questionnaire: two statements per BerAKHLAK value, in Indonesian, about the person rated. */
export const DEFAULT_QUESTIONNAIRE: readonly QuestionnaireItem[] = [
  { code: 'BP-1', value: 'BERORIENTASI_PELAYANAN', text: 'Memahami dan memenuhi kebutuhan masyarakat yang dilayani.' },
  { code: 'BP-2', value: 'BERORIENTASI_PELAYANAN', text: 'Ramah, cekatan, solutif, dan dapat diandalkan dalam melayani.' },
  { code: 'AK-1', value: 'AKUNTABEL', text: 'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas.' },
  { code: 'AK-2', value: 'AKUNTABEL', text: 'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien.' },
  { code: 'KO-1', value: 'KOMPETEN', text: 'Terus belajar dan mengembangkan kapabilitas diri.' },
  { code: 'KO-2', value: 'KOMPETEN', text: 'Membantu orang lain belajar dan melaksanakan tugas dengan kualitas terbaik.' },
  { code: 'HA-1', value: 'HARMONIS', text: 'Menghargai setiap orang apa pun latar belakangnya.' },
  { code: 'HA-2', value: 'HARMONIS', text: 'Suka menolong orang lain dan membangun lingkungan kerja yang kondusif.' },
  { code: 'LO-1', value: 'LOYAL', text: 'Memegang teguh Pancasila, UUD 1945, dan setia kepada NKRI serta pemerintahan yang sah.' },
  { code: 'LO-2', value: 'LOYAL', text: 'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara, serta menjaga rahasia jabatan.' },
  { code: 'AD-1', value: 'ADAPTIF', text: 'Cepat menyesuaikan diri menghadapi perubahan.' },
  { code: 'AD-2', value: 'ADAPTIF', text: 'Terus berinovasi, mengembangkan kreativitas, dan bertindak proaktif.' },
  { code: 'KL-1', value: 'KOLABORATIF', text: 'Memberi kesempatan kepada berbagai pihak untuk berkontribusi.' },
  { code: 'KL-2', value: 'KOLABORATIF', text: 'Terbuka bekerja sama untuk menghasilkan nilai tambah dan menggerakkan sumber daya untuk tujuan bersama.' },
];
