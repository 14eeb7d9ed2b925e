import {
  CommitEmployeeImportDocument,
  DistributionSetupDocument,
  EmployeeImportDocument,
  type EmployeeImportStateFragment,
  StartEmployeeImportDocument,
} from '@kinerja/client';
import { useEffect, useState } from 'preact/hooks';

import { request } from '../api';
import { ErrorMessage, PageTitle, Show, useLoad } from '../components';
import { base64Of } from '../files';
import { language, t } from '../i18n';

type Job = EmployeeImportStateFragment;

const POLL_MS = 500;
const RUNNING = new Set(['CHECKING', 'COMMITTING']);

/** Follows a running job until it stops: the dry run's and the commit's progress, row by row. */
function useJob(initial: Job | undefined): [Job | undefined, (job: Job) => void, unknown] {
  const [job, setJob] = useState<Job | undefined>(initial);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    if (!job || !RUNNING.has(job.status)) return undefined;
    const timer = setTimeout(() => {
      request(EmployeeImportDocument, { id: job.id }).then(
        ({ employeeImport }) => setJob(employeeImport),
        (caught: unknown) => setError(caught),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);
  return [job, setJob, error];
}

function Progress({ job }: { job: Job }) {
  const label = t(job.status === 'COMMITTING' ? 'importCommitting' : 'importChecking', job.processedRows, job.totalRows);
  return (
    <p role="status">
      <progress max={Math.max(job.totalRows, 1)} value={job.processedRows} aria-label={label} /> {label}
    </p>
  );
}

function Report({ job }: { job: Job }) {
  if (job.problems.length === 0) return <p class="success">{t('importAllValid', job.validRows)}</p>;
  return (
    <table data-testid="import-report">
      <caption>{t('importReportCaption', job.invalidRows, job.totalRows)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('importRow')}</th>
          <th scope="col">{t('importColumn')}</th>
          <th scope="col">{t('importReason')}</th>
        </tr>
      </thead>
      <tbody>
        {job.problems.map((problem) => (
          <tr key={`${problem.row}-${problem.column}-${problem.code}`}>
            <td>{problem.row}</td>
            <td>{problem.column}</td>
            <td>
              {language.get() === 'en' ? problem.messageEnglish : problem.message} <small>({problem.code})</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportJob({ started }: { started: Job }) {
  const [job, setJob, pollError] = useJob(started);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  if (!job) return null;

  const commit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { commitEmployeeImport } = await request(CommitEmployeeImportDocument, { input: { importId: job.id, skipInvalidRows: job.invalidRows > 0 } });
      setJob(commitEmployeeImport);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card" aria-live="polite" data-testid="import-job">
      <h2>{job.fileName}</h2>
      {RUNNING.has(job.status) && <Progress job={job} />}
      {job.status === 'CHECKED' && (
        <>
          <Report job={job} />
          <button type="button" onClick={commit} disabled={busy || job.validRows === 0}>
            {t(job.invalidRows > 0 ? 'importCommitValid' : 'importCommitAll', job.validRows)}
          </button>
        </>
      )}
      {job.status === 'COMMITTED' && (
        <p class="success" role="status" data-testid="import-committed">
          {t('importCommitted', job.createdCount, job.updatedCount, job.unchangedCount)}
        </p>
      )}
      {job.status === 'FAILED' && (
        <>
          <p class="error" role="alert">
            {t('importFailed')} {job.failure ?? ''}
          </p>
          <Report job={job} />
        </>
      )}
      {(error ?? pollError) !== undefined && <ErrorMessage error={error ?? pollError} />}
    </div>
  );
}

/** HR's bulk import: a CSV or XLSX export is checked row by row (dry run), then its valid rows committed at once. */
export function EmployeeImport() {
  const [setup] = useLoad(() => request(DistributionSetupDocument, {}), []);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [started, setStarted] = useState<Job | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <section>
      <PageTitle>{t('importTitle')}</PageTitle>
      <p>{t('importIntro')}</p>
      <Show value={setup}>
        {({ me }) =>
          !me?.agency ? (
            <p>{t('noAgency')}</p>
          ) : (
            <form
              onSubmit={async (event) => {
                event.preventDefault();
                if (!file || !me.agency) return;
                setBusy(true);
                setError(undefined);
                try {
                  const { startEmployeeImport } = await request(StartEmployeeImportDocument, {
                    input: { agencyId: me.agency.id, fileName: file.name, contentBase64: await base64Of(file) },
                  });
                  setStarted(startEmployeeImport);
                } catch (caught) {
                  setError(caught);
                } finally {
                  setBusy(false);
                }
              }}
              aria-busy={busy}
            >
              <label for="import-file">{t('importFile')}</label>
              <input
                id="import-file"
                type="file"
                required
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.currentTarget.files?.[0])}
              />
              <button type="submit" disabled={busy}>
                {t('importCheck')}
              </button>
              {error !== undefined && <ErrorMessage error={error} />}
            </form>
          )
        }
      </Show>
      {started && <ImportJob key={started.id} started={started} />}
    </section>
  );
}
