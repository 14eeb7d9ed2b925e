/** The demo province: the places of the source documents, each with the same small organisation. */
export const DEMO_PROVINCE = { code: 'PROV-DEMO', name: 'Pemerintah Provinsi Demo' };

export const DEMO_AGENCIES = [
  { code: 'KAB-SIULAK', name: 'Pemerintah Kabupaten Siulak', kind: 'REGENCY' },
  { code: 'KAB-MUARATEBO', name: 'Pemerintah Kabupaten Muaratebo', kind: 'REGENCY' },
  { code: 'KOTA-TANJUNGPINANG', name: 'Pemerintah Kota Tanjungpinang', kind: 'CITY' },
  { code: 'KOTA-SAWAHLUNTO', name: 'Pemerintah Kota Sawahlunto', kind: 'CITY' },
  { code: 'KOTA-KOTALAMA', name: 'Pemerintah Kota Kotalama', kind: 'CITY' },
] as const;

export interface DemoUnit {
  code: string;
  name: string;
  head: string;
  /** Positions reporting to the head; each `staff` entry reports to the first of them. */
  middle: string[];
  staff: string[];
}

export const SECRETARIAT = { code: 'SETDA', name: 'Sekretariat Daerah', head: 'Sekretaris Daerah' };

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    head: 'Kepala BKPSDM',
    middle: ['Kepala Bidang Pengembangan Kompetensi', 'Kepala Bidang Penilaian Kinerja'],
    staff: ['Analis SDM Aparatur', 'Pranata SDM Aparatur', 'Analis Kinerja'],
  },
  {
    code: 'DISDIK',
    name: 'Dinas Pendidikan',
    head: 'Kepala Dinas Pendidikan',
    middle: ['Kepala Bidang Pembinaan SD', 'Kepala Bidang Pembinaan SMP'],
    staff: ['Analis Kurikulum', 'Pengelola Data Pendidikan', 'Pengawas Sekolah', 'Pengadministrasi Umum'],
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    head: 'Kepala Dinas Kesehatan',
    middle: ['Kepala Bidang Pelayanan Kesehatan', 'Kepala Bidang Kesehatan Masyarakat'],
    staff: ['Epidemiolog Kesehatan', 'Perawat Ahli Pertama', 'Pengelola Program Gizi', 'Administrator Kesehatan'],
  },
  {
    code: 'DUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    head: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    middle: ['Kepala Bidang Pelayanan Pendaftaran Penduduk'],
    staff: ['Verifikator Data Kependudukan', 'Operator Layanan Adminduk', 'Pengelola Arsip Kependudukan'],
  },
];

const GIVEN = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Rahmat',
  'Nur',
  'Hendra',
  'Fitri',
  'Yusuf',
  'Ratna',
  'Andi',
  'Sri',
  'Joko',
  'Wulan',
  'Eko',
  'Maya',
  'Rizki',
  'Lestari',
  'Fajar',
  'Indah',
  'Taufik',
  'Ayu',
  'Bayu',
  'Putri',
  'Dedi',
  'Rina',
  'Arif',
  'Yanti',
  'Hadi',
  'Novi',
  'Irfan',
];
const FAMILY = [
  'Santoso',
  'Rahayu',
  'Saputra',
  'Lestari',
  'Hidayat',
  'Wulandari',
  'Pratama',
  'Kusuma',
  'Siregar',
  'Nasution',
  'Harahap',
  'Putra',
  'Utami',
  'Syahputra',
  'Maharani',
  'Gunawan',
  'Sari',
  'Setiawan',
  'Anggraini',
  'Firmansyah',
];

/** A deterministic, plausible name for the n-th demo employee of an agency. */
export function demoName(agencyIndex: number, n: number): string {
  return `${GIVEN[(n * 7 + agencyIndex * 3) % GIVEN.length]} ${FAMILY[(n * 11 + agencyIndex * 5) % FAMILY.length]}`;
}

/** A valid NIP: birth date, appointment month, sex digit, sequence (all derived from the indexes). */
export function demoNip(agencyIndex: number, n: number): string {
  const birthYear = 1965 + ((n * 3 + agencyIndex) % 33);
  const birth = `${birthYear}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 5) % 28)).padStart(2, '0')}`;
  const appointed = `${birthYear + 23 + (n % 5)}${String(1 + ((n + agencyIndex) % 12)).padStart(2, '0')}`;
  const sex = n % 2 === 0 ? '1' : '2';
  return `${birth}${appointed}${sex}${String(agencyIndex * 100 + n + 1).padStart(3, '0')}`;
}
