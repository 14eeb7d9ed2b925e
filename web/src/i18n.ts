import { signal } from './signal';

export type Language = 'id' | 'en';

/** The web app's message catalogue: Indonesian first, English beside it; keys are stable. */
const MESSAGES = {
  appName: { id: 'Kinerja', en: 'Kinerja' },
  skipToContent: { id: 'Langsung ke isi', en: 'Skip to content' },
  language: { id: 'Bahasa', en: 'Language' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  signInTitle: { id: 'Masuk ke Kinerja', en: 'Sign in to Kinerja' },
  login: { id: 'Email atau NIP', en: 'E-mail or NIP' },
  password: { id: 'Kata sandi', en: 'Password' },
  demoHint: {
    id: 'Akun demo: supervisor.siulak@kinerja.demo, kata sandi kinerja-demo',
    en: 'Demo account: supervisor.siulak@kinerja.demo, password kinerja-demo',
  },
  navTeam: { id: 'Tim saya', en: 'My team' },
  navSkp: { id: 'SKP saya', en: 'My SKP' },
  navVacancies: { id: 'Lowongan', en: 'Vacancies' },
  navSurvey: { id: 'Survei kepuasan', en: 'Satisfaction survey' },
  navCertificate: { id: 'Cek sertifikat', en: 'Check a certificate' },
  teamTitle: { id: 'Dasbor tim', en: 'Team dashboard' },
  teamEmpty: { id: 'Anda tidak memiliki bawahan langsung.', en: 'You have no direct subordinates.' },
  name: { id: 'Nama', en: 'Name' },
  position: { id: 'Jabatan', en: 'Position' },
  predikat: { id: 'Predikat terakhir', en: 'Latest predikat' },
  noPredikat: { id: 'Belum dinilai', en: 'Not assessed yet' },
  curveWarning: { id: 'melanggar kurva distribusi', en: 'breaks the distribution curve' },
  skpStatus: { id: 'SKP', en: 'SKP' },
  trainings: { id: 'Pelatihan', en: 'Trainings' },
  noTrainings: { id: 'Tidak ada', en: 'None' },
  learningHours: { id: 'JP tahun ini', en: 'Learning hours (JP) this year' },
  feedback360: { id: 'Permintaan 360° terbuka', en: 'Open 360° requests' },
  lastDialogue: { id: 'Dialog kinerja terakhir', en: 'Last performance dialogue' },
  skpTitle: { id: 'SKP dan realisasi', en: 'SKP and realizations' },
  noPlans: { id: 'Belum ada SKP.', en: 'No SKP yet.' },
  year: { id: 'Tahun', en: 'Year' },
  target: { id: 'Target', en: 'Target' },
  realizations: { id: 'Realisasi', en: 'Realizations' },
  noRealizations: { id: 'Belum ada realisasi.', en: 'No realizations yet.' },
  evidence: { id: 'Bukti dukung', en: 'Evidence' },
  evidenceMissing: { id: 'tanpa bukti dukung', en: 'no evidence' },
  uploadEvidence: { id: 'Unggah bukti dukung (PDF, PNG atau JPEG)', en: 'Upload evidence (PDF, PNG or JPEG)' },
  report: { id: 'Laporkan realisasi', en: 'Report the realization' },
  reported: { id: 'Realisasi dilaporkan.', en: 'Realization reported.' },
  realizationValue: { id: 'Realisasi', en: 'Realization' },
  uploaded: { id: 'Realisasi dilaporkan; bukti dukung terunggah: {0}', en: 'Realization reported; evidence uploaded: {0}' },
  subPeriod: { id: 'Periode', en: 'Period' },
  vacanciesTitle: { id: 'Lowongan yang diumumkan', en: 'Published vacancies' },
  noVacancies: { id: 'Belum ada lowongan.', en: 'No vacancies.' },
  education: { id: 'Pendidikan', en: 'Education' },
  quota: { id: 'Formasi', en: 'Quota' },
  age: { id: 'Usia {0}–{1} tahun', en: 'Age {0}–{1}' },
  showResults: { id: 'Hasil seleksi', en: 'Selection results' },
  noResults: { id: 'Belum ada hasil yang diumumkan.', en: 'No results announced yet.' },
  objectionCloses: { id: 'Masa sanggah sampai {0}', en: 'Objections until {0}' },
  surveyTitle: { id: 'Survei Kepuasan Masyarakat', en: 'Citizen satisfaction survey' },
  serviceUnit: { id: 'Kode unit layanan (dari kode QR)', en: 'Service unit code (from the QR code)' },
  startSurvey: { id: 'Mulai survei', en: 'Start the survey' },
  comment: { id: 'Saran (tidak wajib)', en: 'Suggestion (optional)' },
  submit: { id: 'Kirim', en: 'Submit' },
  surveyThanks: { id: 'Terima kasih, jawaban Anda telah diterima.', en: 'Thank you, your answers were received.' },
  score: { id: '1 = tidak baik … 4 = sangat baik', en: '1 = poor … 4 = very good' },
  certificateTitle: { id: 'Cek keaslian sertifikat', en: 'Check a certificate' },
  certificateNumber: { id: 'Nomor sertifikat', en: 'Certificate number' },
  check: { id: 'Periksa', en: 'Check' },
  certificateValid: { id: 'Sertifikat sah: {0}, {1} JP, selesai {2}, atas nama {3}.', en: 'Valid certificate: {0}, {1} JP, completed {2}, holder {3}.' },
  certificateInvalid: { id: 'Nomor ini tidak terdaftar sebagai sertifikat yang sah.', en: 'This number is not a valid certificate.' },
  changePasswordTitle: { id: 'Ganti kata sandi', en: 'Change your password' },
  changePasswordIntro: {
    id: 'Kata sandi ini diberikan oleh BKD. Pilih kata sandi Anda sendiri sebelum melanjutkan.',
    en: 'HR issued this password. Choose your own before you go on.',
  },
  newPassword: { id: 'Kata sandi baru (paling sedikit 10 karakter)', en: 'New password (at least 10 characters)' },
  repeatPassword: { id: 'Ulangi kata sandi baru', en: 'Repeat the new password' },
  savePassword: { id: 'Simpan kata sandi', en: 'Save the password' },
  passwordsDiffer: { id: 'Kedua kata sandi tidak sama.', en: 'The two passwords differ.' },
  navDistribution: { id: 'Kurva distribusi', en: 'Distribution curve' },
  distributionTitle: { id: 'Kurva distribusi predikat per unit', en: 'Predikat distribution per unit' },
  unit: { id: 'Unit kerja', en: 'Unit' },
  unitRating: { id: 'Predikat kinerja organisasi', en: 'Unit rating' },
  noUnitRating: { id: 'belum ditetapkan', en: 'not set yet' },
  assessedOf: { id: '{0} dari {1} pegawai sudah dinilai', en: '{0} of {1} employees assessed' },
  sharesCaption: { id: 'Predikat pegawai {0}', en: 'Predikat of the employees of {0}' },
  people: { id: 'Pegawai', en: 'Employees' },
  curveRules: { id: 'Ketentuan kurva', en: 'Rules of the curve' },
  predikatColumn: { id: 'Predikat', en: 'Predikat' },
  ruleAtMost: { id: 'paling banyak {0}% {1}', en: 'at most {0}% {1}' },
  ruleAtLeast: { id: 'paling sedikit {0}% {1}', en: 'at least {0}% {1}' },
  ruleAtLeastOne: { id: 'paling sedikit satu orang {0}', en: 'at least one {0}' },
  or: { id: 'atau', en: 'or' },
  ruleStanding: { id: '{0} orang (batas {1})', en: '{0} people (bound {1})' },
  ruleHolds: { id: 'terpenuhi', en: 'holds' },
  ruleReachable: { id: 'belum terpenuhi, masih dapat dipenuhi', en: 'not yet, still reachable' },
  ruleBroken: { id: 'dilanggar', en: 'broken' },
  noAgency: { id: 'Akun ini tidak terhubung dengan instansi.', en: 'This account belongs to no agency.' },
  noPeriods: { id: 'Belum ada periode penilaian.', en: 'No assessment periods yet.' },
  notFoundPage: { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
  navAssess: { id: 'Penilaian', en: 'Assessment' },
  assessTitle: { id: 'Penilaian kinerja tahunan', en: 'Annual performance assessment' },
  assessLink: { id: 'Nilai', en: 'Assess' },
  finalizeTitle: { id: 'Penetapan penilaian tahun {0}', en: 'Finalizing the assessment of {0}' },
  workResultRating: { id: 'Rating hasil kerja', en: 'Work result rating' },
  behaviourTitle: { id: 'Perilaku kerja (BerAKHLAK)', en: 'Work behaviour (BerAKHLAK)' },
  coreValue: { id: 'Nilai dasar', en: 'Core value' },
  yourRating: { id: 'Penilaian Anda', en: 'Your rating' },
  feedback360Average: { id: 'Umpan balik 360° (rata-rata 1–5)', en: '360° feedback (average 1–5)' },
  average360: { id: '{0} dari {1} jawaban', en: '{0} from {1} answers' },
  tooFewRaters: { id: 'terlalu sedikit penilai untuk ditampilkan', en: 'too few raters to show' },
  aggregate360From: {
    id: 'Hasil siklus 360° yang ditutup {0}: masukan bagi penilaian Anda, bukan keputusannya.',
    en: 'From the 360° cycle closed on {0}: input to your rating, never the decision.',
  },
  noAggregate360: { id: 'Belum ada siklus 360° yang ditutup untuk periode ini.', en: 'No closed 360° cycle for this period yet.' },
  behaviourRating: { id: 'Rating perilaku kerja', en: 'Work behaviour rating' },
  supervisorFeedback: { id: 'Umpan balik atasan', en: "Supervisor's feedback" },
  overrideReason: {
    id: 'Alasan rating hasil kerja berbeda dari usulan sistem',
    en: "Why the work result rating differs from the system's proposal",
  },
  curveWouldBreak: {
    id: 'Penetapan ini melanggar kurva distribusi unit. Tuliskan justifikasi, atau ubah rating.',
    en: "This finalization breaks the unit's distribution curve. Write a justification, or change the ratings.",
  },
  justification: { id: 'Justifikasi', en: 'Justification' },
  finalize: { id: 'Tetapkan penilaian', en: 'Finalize the assessment' },
  assessmentFinal: { id: 'Penilaian tahunan telah ditetapkan', en: 'The annual assessment is final' },
  assessNeedsApproval: { id: 'SKP ini belum disetujui; penilaian belum dapat ditetapkan.', en: 'This SKP is not approved; it cannot be assessed yet.' },
  navReset: { id: 'Atur ulang kata sandi', en: 'Reset your password' },
  resetTitle: { id: 'Atur ulang kata sandi', en: 'Reset your password' },
  resetIntro: {
    id: 'Tautan ini dari BKD dan hanya berlaku sekali, selama 24 jam. Pilih kata sandi baru Anda.',
    en: 'This link comes from HR and works once, for 24 hours. Choose your new password.',
  },
  resetDoneTitle: { id: 'Kata sandi tersimpan', en: 'Password saved' },
  resetDone: { id: 'Kata sandi baru Anda tersimpan; silakan masuk dengannya.', en: 'Your new password is saved; sign in with it.' },
  navImport: { id: 'Impor pegawai', en: 'Import employees' },
  importTitle: { id: 'Impor data pegawai', en: 'Import employees' },
  importIntro: {
    id: 'Unggah ekspor CSV atau XLSX dari SIASN (NIP, nama, jenis, golongan, jabatan, unit kerja, jabatan atasan, email). Setiap baris diperiksa dulu; tidak ada yang disimpan sebelum Anda menyetujuinya.',
    en: 'Upload a CSV or XLSX export (NIP, name, type, rank, position, unit, supervisor’s position, e-mail). Every row is checked first; nothing is saved until you commit.',
  },
  importFile: { id: 'Berkas (CSV atau XLSX)', en: 'File (CSV or XLSX)' },
  importCheck: { id: 'Periksa berkas', en: 'Check the file' },
  importChecking: { id: 'Memeriksa baris {0} dari {1}…', en: 'Checking row {0} of {1}…' },
  importCommitting: { id: 'Menyimpan baris {0} dari {1}…', en: 'Saving row {0} of {1}…' },
  importAllValid: { id: 'Semua {0} baris valid.', en: 'All {0} rows are valid.' },
  importReportCaption: { id: '{0} dari {1} baris bermasalah', en: '{0} of {1} rows have problems' },
  importRow: { id: 'Baris', en: 'Row' },
  importColumn: { id: 'Kolom', en: 'Column' },
  importReason: { id: 'Alasan', en: 'Reason' },
  importCommitValid: { id: 'Simpan {0} baris yang valid saja', en: 'Save only the {0} valid rows' },
  importCommitAll: { id: 'Simpan {0} baris', en: 'Save {0} rows' },
  importCommitted: {
    id: 'Tersimpan: {0} pegawai baru, {1} diperbarui, {2} tidak berubah.',
    en: 'Saved: {0} new employees, {1} updated, {2} unchanged.',
  },
  importFailed: { id: 'Impor gagal; tidak ada yang disimpan.', en: 'The import failed; nothing was saved.' },
  needsSignIn: { id: 'Silakan masuk untuk membuka halaman ini.', en: 'Please sign in to open this page.' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** Labels of the graph's enum values that screens show. */
const ENUM_LABELS: Record<string, Record<Language, string>> = {
  SANGAT_BAIK: { id: 'Sangat Baik', en: 'Very good' },
  BAIK: { id: 'Baik', en: 'Good' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  KURANG: { id: 'Kurang', en: 'Poor' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
  DRAFT: { id: 'Draf', en: 'Draft' },
  SUBMITTED: { id: 'Diajukan', en: 'Submitted' },
  APPROVED: { id: 'Disetujui', en: 'Approved' },
  RETURNED: { id: 'Dikembalikan', en: 'Returned' },
  REQUIREMENTS: { id: 'Persyaratan', en: 'Requirements' },
  PROCEDURE: { id: 'Prosedur', en: 'Procedure' },
  SERVICE_TIME: { id: 'Waktu pelayanan', en: 'Service time' },
  COST: { id: 'Biaya/tarif', en: 'Cost' },
  PRODUCT: { id: 'Produk layanan', en: 'Service product' },
  STAFF_COMPETENCE: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
  STAFF_BEHAVIOUR: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
  COMPLAINT_HANDLING: { id: 'Penanganan pengaduan', en: 'Complaint handling' },
  FACILITIES: { id: 'Sarana dan prasarana', en: 'Facilities' },
  ADMINISTRATION: { id: 'Seleksi administrasi', en: 'Administrative selection' },
  SKD: { id: 'SKD', en: 'Basic competency test (SKD)' },
  FINAL: { id: 'Hasil akhir', en: 'Final results' },
  MAIN: { id: 'Utama', en: 'Main' },
  ASSIGNED: { id: 'Ditugaskan', en: 'Assigned' },
  IN_PROGRESS: { id: 'Sedang berjalan', en: 'In progress' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
  AWAITING_HR_CHOICE: { id: 'Menunggu pilihan BKD', en: 'Awaiting HR' },
  ADDITIONAL: { id: 'Tambahan', en: 'Additional' },
  ISTIMEWA: { id: 'Istimewa', en: 'Outstanding' },
  ANNUAL: { id: 'Tahunan', en: 'Annual' },
  PERIODIC: { id: 'Periodik', en: 'Periodic' },
  ABOVE: { id: 'Di atas ekspektasi', en: 'Above expectations' },
  MEETS: { id: 'Sesuai ekspektasi', en: 'Meets expectations' },
  BELOW: { id: 'Di bawah ekspektasi', en: 'Below expectations' },
  BERORIENTASI_PELAYANAN: { id: 'Berorientasi Pelayanan', en: 'Service-oriented' },
  AKUNTABEL: { id: 'Akuntabel', en: 'Accountable' },
  KOMPETEN: { id: 'Kompeten', en: 'Competent' },
  HARMONIS: { id: 'Harmonis', en: 'Harmonious' },
  LOYAL: { id: 'Loyal', en: 'Loyal' },
  ADAPTIF: { id: 'Adaptif', en: 'Adaptive' },
  KOLABORATIF: { id: 'Kolaboratif', en: 'Collaborative' },
};

/**
 * Error codes of the graph as sentences (the code's reason first where one is given); the code
 * itself is the same in both languages and is shown beside the sentence.
 */
const ERROR_SENTENCES: Record<string, Record<Language, string>> = {
  INVALID_CREDENTIALS: { id: 'Email/NIP atau kata sandi salah.', en: 'The e-mail/NIP or the password is wrong.' },
  THROTTLED: { id: 'Terlalu banyak percobaan masuk yang gagal; coba lagi nanti.', en: 'Too many failed sign-ins; try again later.' },
  PASSWORD_CHANGE_REQUIRED: { id: 'Ganti kata sandi dari BKD terlebih dahulu.', en: 'Change the password HR issued first.' },
  INVALID_RESET_TOKEN: {
    id: 'Tautan ini sudah dipakai, kedaluwarsa, atau diganti yang lebih baru; minta tautan baru ke BKD.',
    en: 'This link was used, has expired or was replaced; ask HR for a new one.',
  },
  ACCOUNT_DISABLED: { id: 'Akun ini tidak dapat masuk.', en: 'This account cannot sign in.' },
  UNAUTHENTICATED: { id: 'Sesi Anda berakhir; silakan masuk kembali.', en: 'Your session ended; please sign in again.' },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { id: 'Data yang diminta tidak ditemukan.', en: 'What you asked for does not exist.' },
  CONFLICT: { id: 'Tindakan ini bertentangan dengan keadaan data saat ini.', en: 'This conflicts with the current state of the data.' },
  BAD_USER_INPUT: { id: 'Isian tidak valid.', en: 'The input is not valid.' },
  RATE_LIMITED: { id: 'Terlalu banyak permintaan; coba lagi sebentar lagi.', en: 'Too many requests; try again shortly.' },
  NETWORK_ERROR: { id: 'Server tidak dapat dihubungi.', en: 'The server cannot be reached.' },
  INTERNAL_SERVER_ERROR: { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' },
};

const initial: Language = (() => {
  const stored = globalThis.localStorage?.getItem('kinerja.language');
  return stored === 'en' ? 'en' : 'id';
})();

export const language = signal<Language>(initial);

export function setLanguage(next: Language): void {
  globalThis.localStorage?.setItem('kinerja.language', next);
  document.documentElement.lang = next;
  language.set(next);
}

/** A message in the current language, `{0}`, `{1}`… replaced by the arguments. */
export function t(key: MessageKey, ...args: (string | number)[]): string {
  return args.reduce<string>((text, arg, i) => text.replace(`{${i}}`, String(arg)), MESSAGES[key][language.get()]);
}

export function label(enumValue: string): string {
  return ENUM_LABELS[enumValue]?.[language.get()] ?? enumValue;
}

/** The sentence for an error: by its reason, then its code; the field it names is added. */
export function errorSentence(error: { code: string; reason?: string; field?: string; message: string }): string {
  const sentence = (error.reason && ERROR_SENTENCES[error.reason]) || ERROR_SENTENCES[error.code];
  const text = sentence?.[language.get()] ?? error.message;
  if (error.code !== 'BAD_USER_INPUT' || !error.message) return text;
  // The graph's own sentence may already be the generic one ("Isian tidak valid (input.x)"): say it once.
  return error.message.startsWith(text.replace(/\.$/, '')) ? error.message : `${text} ${error.message}`;
}
