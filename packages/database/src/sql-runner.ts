/** The little raw SQL the platform needs (migrations, readiness) over PGlite or a pg pool alike. */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; the runner it receives is bound to it. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (a migration file). */
  exec(script: string): Promise<void>;
}
