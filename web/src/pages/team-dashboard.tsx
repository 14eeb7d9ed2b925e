import { TeamDashboardDocument } from '@kinerja/client';

import { request } from '../api';
import { PageTitle, Show, useLoad } from '../components';
import { label, t } from '../i18n';

/** The one federated query: identity, performance, feedback and development answer for each member. */
export function TeamDashboard() {
  const year = new Date().getFullYear();
  const [team] = useLoad(() => request(TeamDashboardDocument, { year }), [year]);
  return (
    <section>
      <PageTitle>{t('teamTitle')}</PageTitle>
      <Show value={team}>
        {({ me }) =>
          !me || me.subordinates.length === 0 ? (
            <p>{t('teamEmpty')}</p>
          ) : (
            <>
              <p>
                {me.name} — {me.position?.title}, {me.orgUnit?.name}
              </p>
              <table>
                <caption class="visually-hidden">{t('teamTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    <th scope="col">{t('predikat')}</th>
                    <th scope="col">{t('skpStatus')}</th>
                    <th scope="col">{t('trainings')}</th>
                    <th scope="col">{t('learningHours')}</th>
                    <th scope="col">{t('feedback360')}</th>
                  </tr>
                </thead>
                <tbody>
                  {me.subordinates.map((member) => {
                    const plan = [...member.performancePlans].sort((a, b) => (b.period?.year ?? 0) - (a.period?.year ?? 0))[0];
                    return (
                      <tr key={member.id} data-testid="team-member">
                        <th scope="row">
                          {member.name}
                          <br />
                          <small>
                            {member.nip} · {member.employmentType} · {member.position?.title}
                          </small>
                        </th>
                        <td>
                          {member.latestAssessment ? (
                            <span class={`predikat ${member.latestAssessment.predikat}`}>
                              {label(member.latestAssessment.predikat)}
                              {member.latestAssessment.curveWarning && ` (${t('curveWarning')})`}
                            </span>
                          ) : (
                            t('noPredikat')
                          )}
                        </td>
                        <td>
                          {plan ? `${plan.period?.year ?? ''} ${label(plan.status)}` : '—'}
                          {plan?.status === 'APPROVED' && (
                            <>
                              {' '}
                              <a href={`#/assess/${plan.id}`} aria-label={`${t('assessLink')} ${member.name}`}>
                                {t('assessLink')}
                              </a>
                            </>
                          )}
                        </td>
                        <td>
                          {member.trainingAssignments?.length ? (
                            <ul>
                              {member.trainingAssignments.map((assignment) => (
                                <li key={assignment.id}>
                                  {assignment.program?.title ?? assignment.reason} ({assignment.program?.jpHours ?? 0} JP) — {label(assignment.status)}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            t('noTrainings')
                          )}
                        </td>
                        <td>{member.learningHours ? `${member.learningHours.completed} / ${member.learningHours.required}` : '—'}</td>
                        <td>{member.feedbackRequests?.length ?? 0}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          )
        }
      </Show>
    </section>
  );
}
