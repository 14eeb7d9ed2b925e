import { COACHING_CODE, DEFAULT_GAP_MAPPING, LATSAR_CPNS_CODE } from '../domain/gap-mapping.rule';
import type { CompetencyKind, TrainingMode } from '../domain/vocabulary';

export interface SeedCompetency {
  code: string;
  name: string;
  kind: CompetencyKind;
}

export interface SeedProgramme {
  code: string;
  title: string;
  jpHours: number;
  mode: TrainingMode;
  competencyCodes: string[];
}

/** The ASN competency standard's groups: the seven BerAKHLAK values, managerial, socio-cultural and a few technical ones. */
export const DEFAULT_COMPETENCIES: readonly SeedCompetency[] = [
  { code: 'BERORIENTASI_PELAYANAN', name: 'Berorientasi Pelayanan', kind: 'BEHAVIOURAL' },
  { code: 'AKUNTABEL', name: 'Akuntabel', kind: 'BEHAVIOURAL' },
  { code: 'KOMPETEN', name: 'Kompeten', kind: 'BEHAVIOURAL' },
  { code: 'HARMONIS', name: 'Harmonis', kind: 'BEHAVIOURAL' },
  { code: 'LOYAL', name: 'Loyal', kind: 'BEHAVIOURAL' },
  { code: 'ADAPTIF', name: 'Adaptif', kind: 'BEHAVIOURAL' },
  { code: 'KOLABORATIF', name: 'Kolaboratif', kind: 'BEHAVIOURAL' },
  { code: 'MNJ-INTEGRITAS', name: 'Integritas', kind: 'MANAGERIAL' },
  { code: 'MNJ-KERJASAMA', name: 'Kerja Sama', kind: 'MANAGERIAL' },
  { code: 'MNJ-KOMUNIKASI', name: 'Komunikasi', kind: 'MANAGERIAL' },
  { code: 'MNJ-ORIENTASI-HASIL', name: 'Orientasi pada Hasil', kind: 'MANAGERIAL' },
  { code: 'MNJ-PELAYANAN-PUBLIK', name: 'Pelayanan Publik', kind: 'MANAGERIAL' },
  { code: 'MNJ-PENGEMBANGAN-DIRI', name: 'Pengembangan Diri dan Orang Lain', kind: 'MANAGERIAL' },
  { code: 'MNJ-MENGELOLA-PERUBAHAN', name: 'Mengelola Perubahan', kind: 'MANAGERIAL' },
  { code: 'MNJ-PENGAMBILAN-KEPUTUSAN', name: 'Pengambilan Keputusan', kind: 'MANAGERIAL' },
  { code: 'SK-PEREKAT-BANGSA', name: 'Perekat Bangsa', kind: 'SOCIO_CULTURAL' },
  { code: 'TKN-MANAJEMEN-KINERJA', name: 'Manajemen Kinerja', kind: 'TECHNICAL' },
  { code: 'TKN-PENGELOLAAN-KEUANGAN', name: 'Pengelolaan Keuangan Daerah', kind: 'TECHNICAL' },
  { code: 'TKN-LITERASI-DIGITAL', name: 'Literasi Digital', kind: 'TECHNICAL' },
];

const mapped = DEFAULT_GAP_MAPPING.coreValues;

/** Every programme code the default gap mapping names, plus Latsar CPNS, the selection committee's training and coaching. */
export const DEFAULT_PROGRAMMES: readonly SeedProgramme[] = [
  {
    code: mapped.BERORIENTASI_PELAYANAN ?? '',
    title: 'Pelayanan Prima',
    jpHours: 24,
    mode: 'CLASSROOM',
    competencyCodes: ['BERORIENTASI_PELAYANAN', 'MNJ-PELAYANAN-PUBLIK'],
  },
  { code: mapped.AKUNTABEL ?? '', title: 'Akuntabilitas Kinerja', jpHours: 16, mode: 'E_LEARNING', competencyCodes: ['AKUNTABEL', 'MNJ-INTEGRITAS'] },
  {
    code: mapped.KOMPETEN ?? '',
    title: 'Pengembangan Diri dan Kompetensi',
    jpHours: 12,
    mode: 'E_LEARNING',
    competencyCodes: ['KOMPETEN', 'MNJ-PENGEMBANGAN-DIRI'],
  },
  { code: mapped.HARMONIS ?? '', title: 'Harmoni di Tempat Kerja', jpHours: 8, mode: 'WORKSHOP', competencyCodes: ['HARMONIS', 'SK-PEREKAT-BANGSA'] },
  {
    code: mapped.LOYAL ?? '',
    title: 'Wawasan Kebangsaan dan Nilai Bela Negara',
    jpHours: 16,
    mode: 'CLASSROOM',
    competencyCodes: ['LOYAL', 'SK-PEREKAT-BANGSA'],
  },
  { code: mapped.ADAPTIF ?? '', title: 'Manajemen Perubahan', jpHours: 12, mode: 'BLENDED', competencyCodes: ['ADAPTIF', 'MNJ-MENGELOLA-PERUBAHAN'] },
  {
    code: mapped.KOLABORATIF ?? '',
    title: 'Komunikasi Efektif',
    jpHours: 16,
    mode: 'CLASSROOM',
    competencyCodes: ['KOLABORATIF', 'MNJ-KOMUNIKASI', 'MNJ-KERJASAMA'],
  },
  {
    code: DEFAULT_GAP_MAPPING.workResultFallback ?? '',
    title: 'Perencanaan dan Pengukuran Kinerja',
    jpHours: 16,
    mode: 'WORKSHOP',
    competencyCodes: ['TKN-MANAJEMEN-KINERJA', 'MNJ-ORIENTASI-HASIL'],
  },
  {
    code: LATSAR_CPNS_CODE,
    title: 'Pelatihan Dasar CPNS (Latsar CPNS)',
    jpHours: 241,
    mode: 'BLENDED',
    competencyCodes: ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF', 'SK-PEREKAT-BANGSA'],
  },
  {
    code: 'PANITIA-SELEKSI',
    title: 'Pelatihan Panitia Seleksi ASN',
    jpHours: 16,
    mode: 'BLENDED',
    competencyCodes: ['MNJ-INTEGRITAS', 'AKUNTABEL'],
  },
  { code: COACHING_CODE, title: 'Coaching Kinerja', jpHours: 4, mode: 'COACHING', competencyCodes: ['MNJ-ORIENTASI-HASIL', 'KOMPETEN'] },
];
