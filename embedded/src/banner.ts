const DEMO_ACCOUNTS: [string, string][] = [
  ['province admin', 'admin@kinerja.demo'],
  ['auditor', 'auditor@kinerja.demo'],
  ['applicant', 'pelamar@kinerja.demo'],
  ['HR admin (one per agency)', 'hr.<agency>@kinerja.demo'],
  ['agency head', 'head.<agency>@kinerja.demo'],
  ['supervisor', 'supervisor.<agency>@kinerja.demo'],
  ['employee', 'employee.<agency>@kinerja.demo'],
  ['selection committee', 'panitia.<agency>@kinerja.demo'],
];

export function printBanner(info: {
  seconds: number;
  gatewayUrl: string;
  subgraphs: [string, string][];
  dataDir: string;
  logFile: string;
  transport: string;
  extraLines?: string[];
}): void {
  process.stdout.write(
    [
      '',
      `Kinerja is up in ${info.seconds.toFixed(1)} s — GraphiQL and the graph at ${info.gatewayUrl.replace('127.0.0.1', 'localhost')}/`,
      `  web app (reference)    ${info.gatewayUrl.replace('127.0.0.1', 'localhost')}/app/`,
      ...info.subgraphs.map(([name, url]) => `  subgraph ${name.padEnd(12)} ${url}`),
      ...(info.extraLines ?? []),
      `  events over the ${info.transport} transport; data in ${info.dataDir}; log in ${info.logFile}`,
      '',
      'Demo accounts (password "kinerja-demo"; employees also log in by NIP).',
      '<agency> is siulak, muaratebo, tanjungpinang, sawahlunto, kotalama or demo (the province):',
      ...DEMO_ACCOUNTS.map(([role, login]) => `  ${role.padEnd(26)} ${login}`),
      '',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}
