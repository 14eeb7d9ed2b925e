/*
 * What the demo people plan and achieve: the SKP per position, last year's outcomes, and the
 * realization values that land each work result in its band.
 */

type Aspect = 'QUANTITY' | 'QUALITY' | 'TIME' | 'COST';
export type Rating = 'ABOVE' | 'MEETS' | 'BELOW';
export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
export const PREDIKATS: readonly Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
export type UnitRating = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

export interface IndicatorTemplate {
  aspect: Aspect;
  description: string;
  target: number;
  unit: string;
  lowerIsBetter?: boolean;
}

export interface WorkResultTemplate {
  kind: 'MAIN' | 'ADDITIONAL';
  title: string;
  /** None in a draft still being written. */
  indicators: IndicatorTemplate[];
}

/** SKPs per position: 2 MAIN results and 1 ADDITIONAL, one indicator each. */
export const PLANS: Record<string, WorkResultTemplate[]> = {
  'Kepala Bidang Pembinaan SD': [
    { kind: 'MAIN', title: 'Meningkatnya mutu pembelajaran pada satuan pendidikan SD', indicators: [] },
    { kind: 'MAIN', title: 'Terlaksananya pembinaan kurikulum dan supervisi SD', indicators: [] },
  ],
  'Analis Kurikulum': [
    {
      kind: 'MAIN',
      title: 'Tersusunnya kajian implementasi kurikulum jenjang SD',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah dokumen kajian kurikulum', target: 8, unit: 'dokumen' }],
    },
    {
      kind: 'MAIN',
      title: 'Terverifikasinya kurikulum operasional satuan pendidikan SD',
      indicators: [{ aspect: 'TIME', description: 'Rata-rata waktu verifikasi satu KOSP', target: 10, unit: 'hari', lowerIsBetter: true }],
    },
    {
      kind: 'ADDITIONAL',
      title: 'Terselenggaranya bimbingan teknis penyusunan modul ajar',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah bimbingan teknis', target: 4, unit: 'kegiatan' }],
    },
  ],
  'Pengawas Sekolah': [
    {
      kind: 'MAIN',
      title: 'Terlaksananya supervisi akademik dan manajerial sekolah binaan',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah laporan supervisi sekolah binaan', target: 24, unit: 'laporan' }],
    },
    {
      kind: 'MAIN',
      title: 'Tersusunnya rekomendasi peningkatan mutu sekolah binaan',
      indicators: [{ aspect: 'QUANTITY', description: 'Jumlah rekomendasi yang ditindaklanjuti sekolah', target: 12, unit: 'rekomendasi' }],
    },
    {
      kind: 'ADDITIONAL',
      title: 'Terlaksananya pendampingan implementasi Kurikulum Merdeka',
      indicators: [{ aspect: 'QUALITY', description: 'Nilai rata-rata umpan balik sekolah', target: 85, unit: 'nilai' }],
    },
  ],
};

/** For a position without its own SKP above (the demo organisation is the same everywhere, but may change). */
export const FALLBACK_PLAN: WorkResultTemplate[] = [
  {
    kind: 'MAIN',
    title: 'Terlaksananya tugas pokok jabatan sesuai standar pelayanan',
    indicators: [{ aspect: 'QUANTITY', description: 'Jumlah keluaran tugas pokok', target: 24, unit: 'dokumen' }],
  },
  {
    kind: 'MAIN',
    title: 'Meningkatnya kualitas layanan unit kerja',
    indicators: [{ aspect: 'QUALITY', description: 'Indeks kepuasan pengguna layanan', target: 80, unit: 'nilai' }],
  },
  {
    kind: 'ADDITIONAL',
    title: 'Terdukungnya kegiatan lintas bidang',
    indicators: [{ aspect: 'QUANTITY', description: 'Jumlah kegiatan yang didukung', target: 6, unit: 'kegiatan' }],
  },
];

const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type CoreValue = (typeof CORE_VALUES)[number];

/** What an employee achieved last year and how their supervisor saw it. */
export interface Outcome {
  /** The band each work result's realizations land in, in plan order. */
  results: Rating[];
  workResultRating: Rating;
  behaviourRating: Rating;
  above: CoreValue[];
  below: CoreValue[];
  predikat: Predikat;
  feedback: string;
}

export const OUTCOMES = {
  sangatBaik: {
    results: ['ABOVE', 'ABOVE', 'ABOVE'],
    workResultRating: 'ABOVE',
    behaviourRating: 'ABOVE',
    above: ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'ADAPTIF', 'KOLABORATIF'],
    below: [],
    predikat: 'SANGAT_BAIK',
    feedback: 'Seluruh target terlampaui dengan kualitas kerja yang konsisten; menjadi rujukan rekan kerja. Pertahankan dan bagikan praktik baiknya.',
  },
  baik: {
    results: ['MEETS', 'MEETS', 'MEETS'],
    workResultRating: 'MEETS',
    behaviourRating: 'MEETS',
    above: ['BERORIENTASI_PELAYANAN'],
    below: [],
    predikat: 'BAIK',
    feedback: 'Target SKP tercapai sesuai rencana dan bukti dukung lengkap. Pertahankan, dan laporkan realisasi tepat waktu.',
  },
  butuhPerbaikan: {
    results: ['MEETS', 'BELOW', 'MEETS'],
    workResultRating: 'BELOW',
    behaviourRating: 'MEETS',
    above: [],
    below: ['KOLABORATIF'],
    predikat: 'BUTUH_PERBAIKAN',
    feedback:
      'Rekomendasi mutu sekolah binaan jauh di bawah target dan koordinasi dengan tim kurang. Perlu pelatihan komunikasi efektif dan pendampingan perencanaan kinerja.',
  },
  kurang: {
    results: ['MEETS', 'MEETS', 'MEETS'],
    workResultRating: 'MEETS',
    behaviourRating: 'BELOW',
    above: [],
    below: ['AKUNTABEL', 'HARMONIS', 'LOYAL', 'KOLABORATIF'],
    predikat: 'KURANG',
    feedback:
      'Target kerja tercapai, tetapi berulang kali tidak hadir tanpa keterangan, laporan tidak dapat dipertanggungjawabkan dan menolak penugasan tim. Dirujuk ke pembinaan disiplin dan pelatihan nilai dasar ASN.',
  },
  sangatKurang: {
    results: ['BELOW', 'BELOW', 'MEETS'],
    workResultRating: 'BELOW',
    behaviourRating: 'BELOW',
    above: [],
    below: ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'LOYAL', 'KOLABORATIF'],
    predikat: 'SANGAT_KURANG',
    feedback:
      'Sebagian besar target tidak tercapai dan perilaku kerja jauh di bawah ekspektasi: keluhan layanan berulang dan laporan terlambat. Dirujuk ke pembinaan disiplin dengan rencana perbaikan kinerja.',
  },
} satisfies Record<string, Outcome>;

const VALUE_NOTES: Partial<Record<CoreValue, Partial<Record<Rating, string>>>> = {
  AKUNTABEL: { ABOVE: 'Bukti dukung selalu lengkap dan tepat waktu.', BELOW: 'Laporan kegiatan tidak didukung bukti dan sering terlambat.' },
  HARMONIS: { BELOW: 'Beberapa kali berselisih dengan rekan kerja di depan pengguna layanan.' },
  LOYAL: { BELOW: 'Tidak hadir tanpa keterangan pada beberapa hari kerja.' },
  KOLABORATIF: {
    BELOW: 'Jarang berbagi informasi dengan tim dan sulit diajak bekerja sama lintas bidang.',
    ABOVE: 'Aktif menggerakkan kerja sama lintas bidang.',
  },
  BERORIENTASI_PELAYANAN: { ABOVE: 'Cepat dan ramah menanggapi permintaan sekolah.', BELOW: 'Keluhan pengguna layanan berulang dan lambat ditanggapi.' },
  KOMPETEN: { ABOVE: 'Menguasai regulasi dan membimbing rekan kerja.' },
  ADAPTIF: { ABOVE: 'Cepat menyesuaikan diri dengan kebijakan kurikulum baru.' },
};

/** The achievement aimed at per band: far enough from the thresholds (90%, 110%) that rounding never crosses one. */
export const ACHIEVEMENT: Record<Rating, number> = { ABOVE: 1.16, MEETS: 1.0, BELOW: 0.6 };
const QUARTER_SHARES = [0.22, 0.25, 0.25, 0.28];
const LEVEL_SPREAD = [-0.02, -0.01, 0.01, 0.02];

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The values an employee reports for an indicator in the given quarters (1–4) of a year achieved
 * at `factor` × the target. Quantities and costs add up over the year (whole units that sum to the
 * total); qualities and times are levels the year averages (each quarter near the level).
 */
export function quarterValues(indicator: IndicatorTemplate, factor: number, quarters: readonly number[]): number[] {
  if (indicator.aspect === 'QUANTITY' || indicator.aspect === 'COST') {
    const total = Math.max(0, Math.round(indicator.target * factor));
    const upTo = (q: number) => Math.round(total * QUARTER_SHARES.slice(0, q).reduce((sum, share) => sum + share, 0));
    return quarters.map((q) => upTo(q) - upTo(q - 1));
  }
  const level = indicator.lowerIsBetter ? indicator.target / factor : indicator.target * factor;
  return quarters.map((q) => round1(level * (1 + (LEVEL_SPREAD[q - 1] ?? 0))));
}

export function behaviourRatings(outcome: Outcome) {
  return CORE_VALUES.map((value) => {
    const rating: Rating = outcome.below.includes(value) ? 'BELOW' : outcome.above.includes(value) ? 'ABOVE' : 'MEETS';
    return { value, rating, note: VALUE_NOTES[value]?.[rating] ?? null };
  });
}
