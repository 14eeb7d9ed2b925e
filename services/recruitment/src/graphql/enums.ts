import { registerEnumType } from 'type-graphql';

import { APPLICATION_STATUSES } from '../domain/application';
import { FUNNEL_STAGES } from '../domain/funnel';
import { STAGES } from '../domain/stage';
import { SURVEY_QUESTIONS } from '../domain/survey.rule';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const FormationStatusEnum = asEnum(['PROPOSED', 'APPROVED', 'RETURNED'] as const);
export const ApplicationStatusEnum = asEnum(APPLICATION_STATUSES);
export const StageEnum = asEnum(STAGES);
export const ObjectionStatusEnum = asEnum(['OPEN', 'ACCEPTED', 'REJECTED'] as const);
export const NormalisationMethodEnum = asEnum(['PERCENT_OF_MAXIMUM', 'PERCENT_OF_HIGHEST'] as const);
export const SexEnum = asEnum(['MALE', 'FEMALE'] as const);

registerEnumType(FormationStatusEnum, { name: 'FormationStatus', description: 'Formasi: proposed by agency HR, approved or returned by the province admin' });
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description:
    'SUBMITTED; after verification QUALIFIED (MS) or NOT_QUALIFIED (TMS); after SKD BELOW_PASS_MARK (below the nilai ambang batas or absent), OUTSIDE_SKB_CUT or SKB; then SELECTED or NOT_SELECTED; HIRED; WITHDRAWN at any step before the hire (mengundurkan diri)',
});
registerEnumType(StageEnum, {
  name: 'SelectionStage',
  description: 'Announced stages: ADMINISTRATION (seleksi administrasi), SKD, FINAL (SKB and the integrated result)',
});
registerEnumType(ObjectionStatusEnum, { name: 'ObjectionStatus', description: 'Sanggah: OPEN until HR or the committee answers it' });
registerEnumType(NormalisationMethodEnum, {
  name: 'NormalisationMethod',
  description: 'How SKD and SKB become 0..100 before 40 % SKD + 60 % SKB: of the test maximum, or of the highest score of the formation',
});
registerEnumType(SexEnum, { name: 'Sex' });

export const FunnelStageEnum = asEnum(FUNNEL_STAGES);
registerEnumType(FunnelStageEnum, {
  name: 'FunnelStage',
  description: 'registered → submitted → qualified (administrative) → passed the SKD pass marks → SKB → selected → hired',
});
export const SurveyQuestionEnum = asEnum(SURVEY_QUESTIONS);
registerEnumType(SurveyQuestionEnum, { name: 'SurveyQuestion', description: 'The statements of the applicant survey, rated 1 to 4, in this order' });
