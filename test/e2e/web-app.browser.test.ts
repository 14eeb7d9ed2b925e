import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Browser, chromium, type Page } from 'playwright-core';

import { type StartedEmbedded, startEmbedded, stopEmbedded } from '../support/embedded';
import { graphql, LOGIN, login } from '../support/graphql-client';
import { REPO_ROOT } from '../support/processes';

/**
 * The reference web app (web/, served by the gateway at /app/) in Debian's headless Chromium,
 * through the real gateway of `npm start`'s embedded stack with its demo data: what a supervisor,
 * an employee and a citizen see. Each main screen is saved as a PNG: to docs/screenshots/ for the
 * README with UPDATE_SCREENSHOTS=1, otherwise to a temporary folder (a test run leaves the tree clean).
 * Needs /usr/bin/chromium (`npm run ensure:chromium`; .ci/run installs it).
 */
const PORT_OFFSET = 600;
const APP = `http://127.0.0.1:${4000 + PORT_OFFSET}/app/`;
const GRAPHQL = `http://127.0.0.1:${4000 + PORT_OFFSET}/graphql`;
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] === '1' ? join(REPO_ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'kinerja-screens-'));
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A 1×1 PNG: evidence whose content agrees with its extension. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('the web app in a real browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-web-'));
  let started: StartedEmbedded | undefined;
  let browser: Browser;
  let page: Page;

  const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const signIn = async (login: string, password = 'kinerja-demo') => {
    await page.goto(`${APP}#/sign-in`);
    await page.getByLabel('Email atau NIP').fill(login);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The demo activity (last year assessed, trainings assigned) is recorded right after the banner.
    // Siulak's year is what the screens show: the other agencies' demo years would only cost time here.
    started = await startEmbedded(dataDir, { portOffset: PORT_OFFSET, until: 'Demo activity (', env: { KINERJA_DEMO_AGENCIES: 'siulak' } });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    // The federated queries answer in well under a second; a shared, loaded machine needs the margin.
    page.setDefaultTimeout(90_000);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (started && started.child.exitCode === null) await stopEmbedded(started);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('the graph answers error messages in Indonesian by default and in English on request, with the same code', async () => {
    const wrong = { input: { email: 'head.siulak@kinerja.demo', password: 'bukan-kata-sandinya' } };
    const answers = await Promise.all(
      ([{}, { 'accept-language': 'id-ID,id;q=0.9' }, { 'accept-language': 'en-GB,en;q=0.9' }] as Record<string, string>[]).map(
        async (headers) => (await graphql(GRAPHQL, LOGIN, wrong, undefined, headers)).errors?.[0],
      ),
    );
    expect(answers.map((error) => [error?.message, error?.extensions?.['code'], error?.extensions?.['reason']])).toEqual([
      ['Email/NIP atau kata sandi salah', 'UNAUTHENTICATED', 'INVALID_CREDENTIALS'],
      ['Email/NIP atau kata sandi salah', 'UNAUTHENTICATED', 'INVALID_CREDENTIALS'],
      ['Invalid login or password', 'UNAUTHENTICATED', 'INVALID_CREDENTIALS'],
    ]);
  });

  it('a wrong password shows the Indonesian sentence with the code, announced as an alert', async () => {
    await signIn('supervisor.siulak@kinerja.demo', 'bukan-kata-sandinya');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Email/NIP atau kata sandi salah. (UNAUTHENTICATED)');
    await screenshot('sign-in-error');
  });

  it("shows the supervisor's team with last year's predikat and the trainings they caused", async () => {
    await signIn('supervisor.siulak@kinerja.demo');
    await page.waitForURL(/#\/team$/);
    const rows = page.getByTestId('team-member');
    await rows.first().waitFor();
    const text = (await rows.allTextContents()).join('\n');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Butuh Perbaikan');
    expect(text).toContain('Baik');
    expect(text).toMatch(/Komunikasi Efektif.*JP/);
    await screenshot('team-dashboard');

    // The same screen in English: labels from the app's catalogue, enum values as English labels.
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('heading', { name: 'Team dashboard' }).waitFor();
    expect((await rows.allTextContents()).join('\n')).toContain('Needs improvement');
    await screenshot('team-dashboard-en');
    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('button', { name: /Keluar/ }).click();
  });

  it("an employee reports a realization of this year's SKP and uploads its evidence", async () => {
    await signIn('employee.siulak@kinerja.demo');
    await page.waitForURL(/#\/team$/);
    await page.getByRole('link', { name: 'SKP saya' }).click();
    // This year's approved SKP comes first; last year's is closed.
    await page.locator('[data-testid="report-form"], [role="alert"]').first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    const form = page.getByTestId('report-form').first();
    await form.getByLabel(/^Realisasi/).fill('3');
    await form.getByLabel('Unggah bukti dukung (PDF, PNG atau JPEG)').setInputFiles({ name: 'bukti-triwulan.png', mimeType: 'image/png', buffer: PNG });
    await form.getByRole('button', { name: 'Laporkan realisasi' }).click();
    await form.locator('[role="status"], [role="alert"]').first().waitFor();
    expect(await form.getByRole('alert').allTextContents()).toEqual([]);
    await form.getByText('Realisasi dilaporkan; bukti dukung terunggah: bukti-triwulan.png').waitFor();
    await screenshot('skp-evidence-upload');
    await page.getByRole('button', { name: /Keluar/ }).click();
  });

  it("HR reads a unit's distribution curve of last year: each predikat's head count against the rule of the unit's rating", async () => {
    // The demo employee was assessed last year: their unit's curve counts them under their predikat.
    const employee = await login(GRAPHQL, { email: 'employee.siulak@kinerja.demo' });
    const own = await graphql<{ me: { orgUnit: { name: string }; latestAssessment: { predikat: string } } }>(
      GRAPHQL,
      '{ me { orgUnit { name } latestAssessment { predikat } } }',
      {},
      employee,
    );
    const { orgUnit, latestAssessment } = own.data!.me;
    const predikatLabels: Record<string, string> = {
      SANGAT_BAIK: 'Sangat Baik',
      BAIK: 'Baik',
      BUTUH_PERBAIKAN: 'Butuh Perbaikan',
      KURANG: 'Kurang',
      SANGAT_KURANG: 'Sangat Kurang',
    };

    await signIn('hr.siulak@kinerja.demo');
    await page.waitForURL(/#\/team$/);
    await page.getByRole('link', { name: 'Kurva distribusi' }).click();
    await page.getByLabel('Unit kerja').selectOption({ label: orgUnit.name });
    const curve = page.getByTestId('distribution');
    await curve.getByRole('table', { name: `Predikat pegawai ${orgUnit.name}` }).waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    const row = curve.getByRole('row', { name: new RegExp(`^${predikatLabels[latestAssessment.predikat]}\\b`) });
    expect(Number(await row.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
    expect(await curve.textContent()).toMatch(/\d+ dari \d+ pegawai sudah dinilai/);
    await screenshot('distribution-curve');
    await page.getByRole('button', { name: /Keluar/ }).click();
  });

  it('a password HR issued is changed at the first sign-in, before anything else', async () => {
    const hr = await login(GRAPHQL, { email: 'hr.siulak@kinerja.demo' });
    const unit = await graphql<{ me: { orgUnit: { id: string } } }>(GRAPHQL, '{ me { orgUnit { id } } }', {}, hr);
    const email = 'dewi.lestari@siulak.example';
    const registered = await graphql(
      GRAPHQL,
      'mutation ($input: RegisterEmployeeInput!) { registerEmployee(input: $input) { id } }',
      {
        input: {
          nip: '199105052020121003',
          name: 'Dewi Lestari',
          email,
          employmentType: 'PNS',
          orgUnitId: unit.data!.me.orgUnit.id,
          initialPassword: 'sandi-dari-bkd-2026',
        },
      },
      hr,
    );
    expect(registered.errors).toBeUndefined();

    // The first sign-in asks for a password of her own before anything else.
    await signIn(email, 'sandi-dari-bkd-2026');
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
    await page.getByLabel('Kata sandi baru (paling sedikit 10 karakter)').fill('pilihan-dewi-sendiri');
    await page.getByLabel('Ulangi kata sandi baru').fill('pilihan-dewi-sendiri');
    await screenshot('change-issued-password');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    // Signed in with the new password (the hash route changes within the page: no navigation to wait for).
    const signOut = page.getByRole('button', { name: 'Keluar (Dewi Lestari)' });
    await signOut.waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await signOut.click();

    // Her own password signs her in from now on.
    await signIn(email, 'pilihan-dewi-sendiri');
    await signOut.waitFor();
    expect(await page.getByRole('heading', { name: 'Ganti kata sandi' }).count()).toBe(0);
    await signOut.click();
  }, 240_000);

  it('a citizen answers the satisfaction survey of a service unit without signing in', async () => {
    // The unit comes from the QR code at its counter; HR's view of the agency names the units that serve the public.
    const hr = await login(GRAPHQL, { email: 'hr.siulak@kinerja.demo' });
    const units = await graphql<{ me: { agency: { orgUnits: { children: { id: string; satisfaction: object | null }[] }[] } } }>(
      GRAPHQL,
      '{ me { agency { orgUnits { children { id satisfaction { responses } } } } } }',
      {},
      hr,
    );
    const serviceUnit = units.data!.me.agency.orgUnits.flatMap((unit) => unit.children).find((unit) => unit.satisfaction !== null)!;
    await page.goto(`${APP}#/survey/${serviceUnit.id}`);
    await page.getByRole('button', { name: 'Mulai survei' }).click();
    const groups = page.getByRole('group');
    await groups.first().waitFor();
    expect(await groups.count()).toBe(9);
    for (const group of await groups.all()) await group.getByLabel('4').check();
    await page.getByLabel('Saran (tidak wajib)').fill('Pelayanan cepat dan ramah.');
    await screenshot('citizen-survey');
    await page.getByRole('button', { name: 'Kirim' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toBe('Terima kasih, jawaban Anda telah diterima.');
  });

  it('shows the published vacancies and checks a certificate number, without signing in', async () => {
    await page.goto(`${APP}#/vacancies`);
    await page.getByRole('heading', { name: 'Lowongan yang diumumkan' }).waitFor();
    await page.locator('.card, main p').first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot('vacancies');

    await page.goto(`${APP}#/certificate`);
    await page.getByLabel('Nomor sertifikat').fill('SERT-TIDAK-ADA');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByText('Nomor ini tidak terdaftar sebagai sertifikat yang sah.').waitFor();
    await screenshot('certificate-check');
  });
  it('the supervisor finalizes an assessment: the 360° aggregate beside the behaviour rating, the curve warning, then a justification', async () => {
    // HR rates the demo employee's unit SANGAT_KURANG for this year: its curve allows no SANGAT_BAIK.
    const employee = await login(GRAPHQL, { email: 'employee.siulak@kinerja.demo' });
    const own = await graphql<{ me: { name: string; orgUnit: { id: string }; agency: { id: string } } }>(
      GRAPHQL,
      '{ me { name orgUnit { id } agency { id } } }',
      {},
      employee,
    );
    const { name, orgUnit, agency } = own.data!.me;
    const hr = await login(GRAPHQL, { email: 'hr.siulak@kinerja.demo' });
    const periods = await graphql<{ performancePeriods: { id: string; kind: string; year: number }[] }>(
      GRAPHQL,
      'query ($agencyId: ID!) { performancePeriods(agencyId: $agencyId) { id kind year } }',
      { agencyId: agency.id },
      hr,
    );
    const thisYear = periods.data!.performancePeriods.filter((period) => period.kind === 'ANNUAL').sort((a, b) => b.year - a.year)[0]!;
    const rated = await graphql(
      GRAPHQL,
      'mutation ($input: SetUnitRatingInput!) { setUnitRating(input: $input) { rating } }',
      { input: { orgUnitId: orgUnit.id, periodId: thisYear.id, rating: 'SANGAT_KURANG' } },
      hr,
    );
    expect(rated.errors).toBeUndefined();

    await signIn('supervisor.siulak@kinerja.demo');
    await page.waitForURL(/#\/team$/);
    await page.getByRole('link', { name: `Nilai ${name}` }).click();
    const form = page.getByTestId('finalize-form');
    await form.waitFor();
    expect(await form.getByTestId('aggregate-360-source').textContent()).toMatch(/siklus 360°/);
    await form.getByLabel('Rating hasil kerja').selectOption('ABOVE');
    await form.getByLabel('Rating perilaku kerja').selectOption('ABOVE');
    await form.getByLabel('Umpan balik atasan').fill('Capaian melampaui target pada semua RHK utama; pertahankan.');

    // The graph asks for what is missing, one field at a time: the override's reason (the proposal
    // rests on the realizations), and the justification of a broken curve, shown with the curve.
    const finalize = form.getByRole('button', { name: 'Tetapkan penilaian' });
    await finalize.click();
    await form.getByRole('alert').waitFor();
    if (await form.getByLabel('Alasan rating hasil kerja berbeda dari usulan sistem').count()) {
      await form.getByLabel('Alasan rating hasil kerja berbeda dari usulan sistem').fill('Realisasi triwulan IV belum dilaporkan saat usulan dihitung.');
      await finalize.click();
      await form.getByTestId('curve-warning').waitFor();
    }
    const warning = form.getByTestId('curve-warning');
    expect(await warning.getByTestId('curve-warning-text').textContent()).toBe(
      'Penetapan ini melanggar kurva distribusi unit. Tuliskan justifikasi, atau ubah rating.',
    );
    expect(await form.getByRole('alert').textContent()).toMatch(/\(BAD_USER_INPUT\)$/);
    // The unit's curve itself is for its head, HR and leadership: a supervisor who is neither sees the warning only.
    await page.waitForLoadState('networkidle');
    expect(await form.getByRole('alert').count()).toBe(1);
    await screenshot('assessment-curve-warning');

    await warning.getByLabel('Justifikasi').fill('Capaian individu terukur melampaui target; rating unit turun karena anggaran unit terlambat.');
    await finalize.click();
    const final = page.getByTestId('assessment-final');
    await final.waitFor();
    expect(await final.textContent()).toBe('Penilaian tahunan telah ditetapkan: Sangat Baik (melanggar kurva distribusi)');
    await screenshot('assessment-final');
    await page.getByRole('button', { name: /Keluar/ }).click();
  }, 240_000);
  it('the reset link HR issued lets its holder choose a password without signing in, once', async () => {
    const signedIn = await graphql<{ login: { viewer: { userId: string } } }>(GRAPHQL, LOGIN, {
      input: { email: 'head.siulak@kinerja.demo', password: 'kinerja-demo' },
    });
    const hr = await login(GRAPHQL, { email: 'hr.siulak@kinerja.demo' });
    const issued = await graphql<{ issuePasswordReset: { token: string } }>(
      GRAPHQL,
      'mutation ($id: ID!) { issuePasswordReset(userId: $id) { token } }',
      { id: signedIn.data!.login.viewer.userId },
      hr,
    );
    const link = `${APP}#/reset/${issued.data!.issuePasswordReset.token}`;

    await page.goto(link);
    await page.getByRole('heading', { name: 'Atur ulang kata sandi' }).waitFor();
    await page.getByLabel('Kata sandi baru (paling sedikit 10 karakter)').fill('sandi-baru-kepala-dinas');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-kepala-dinas');
    await screenshot('reset-password');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').getByText('Kata sandi baru Anda tersimpan; silakan masuk dengannya.').waitFor();

    await signIn('head.siulak@kinerja.demo', 'sandi-baru-kepala-dinas');
    const signOut = page.getByRole('button', { name: /^Keluar \(/ });
    await signOut.waitFor();
    await signOut.click();

    // The link works once.
    await page.goto(link);
    await page.getByLabel('Kata sandi baru (paling sedikit 10 karakter)').fill('sandi-lain-kepala-dinas');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-lain-kepala-dinas');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Tautan ini sudah dipakai, kedaluwarsa, atau diganti yang lebih baru; minta tautan baru ke BKD\. \(UNAUTHENTICATED\)$/,
    );
  }, 240_000);
  it("HR imports employees from a CSV export: the dry run's report row by row, then only the valid rows saved", async () => {
    const file = [
      'NIP,Nama,Jenis,Golongan,Jabatan,Unit Kerja,Jabatan Atasan,E-mail',
      '199204042019031004,Rina Marlina,PNS,III/a,,DISDIK,,',
      '19920404201903100,Nip Pendek,PNS,III/a,,DISDIK,,',
    ].join('\r\n');
    await signIn('hr.siulak@kinerja.demo');
    await page.waitForURL(/#\/team$/);
    await page.getByRole('link', { name: 'Impor pegawai' }).click();
    await page.getByLabel('Berkas (CSV atau XLSX)').setInputFiles({ name: 'ekspor-siasn.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getByRole('row').allTextContents()).toEqual([expect.stringMatching(/^BarisKolomAlasan$/), expect.stringMatching(/^3nip.+\(\w+\)$/)]);
    expect(await report.locator('caption').textContent()).toBe('1 dari 2 baris bermasalah');
    await screenshot('employee-import-report');
    await page.getByRole('button', { name: 'Simpan 1 baris yang valid saja' }).click();
    const committed = page.getByTestId('import-committed');
    await committed.waitFor();
    expect(await committed.textContent()).toBe('Tersimpan: 1 pegawai baru, 0 diperbarui, 0 tidak berubah.');
    const hr = await login(GRAPHQL, { email: 'hr.siulak@kinerja.demo' });
    const found = await graphql<{ employeeByNip: { name: string } | null }>(GRAPHQL, '{ employeeByNip(nip: "199204042019031004") { name } }', {}, hr);
    expect(found.data?.employeeByNip?.name).toBe('Rina Marlina');
    await page.getByRole('button', { name: /Keluar/ }).click();
  }, 240_000);
});
