/** The little raw SQL the platform needs (migrations, readiness) over PGlite or a pg pool alike. */
export interface QueryOptions {
  /**
   * A name under which a pg connection prepares the statement once and reuses its plan; one name
   * per distinct text (a hot read path). PGlite runs in process and ignores it.
   */
  prepare?: string;
}

export interface SqlRunner {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; the runner it receives is bound to it. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (a migration file). */
  exec(script: string): Promise<void>;
}

/** The runner reporting each statement's text to `onQuery` (tests count round trips with it). */
export function observedSqlRunner(sql: SqlRunner, onQuery: (text: string) => void): SqlRunner {
  return {
    query: (text, params, options) => {
      onQuery(text);
      return sql.query(text, params, options);
    },
    exec: (script) => {
      onQuery(script);
      return sql.exec(script);
    },
    transaction: (work) => sql.transaction((tx) => work(observedSqlRunner(tx, onQuery))),
  };
}
