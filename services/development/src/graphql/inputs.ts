import { Field, ID, InputType, Int } from 'type-graphql';

import type { MappableGap } from '../domain/agency-gap-mapping';
import type { TrainingResult } from '../domain/assignment-record';
import type { TrainingMode } from '../domain/vocabulary';
import { MappableGapEnum, TrainingModeEnum, TrainingResultEnum } from './enums';

@InputType()
export class CreateTrainingProgramInput {
  @Field(() => ID, { nullable: true, description: 'The agency of its own catalogue; omit for the province-wide catalogue' }) agencyId?: string | null;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => Int, { description: 'JP (jam pelajaran), at least 1' }) jpHours!: number;
  @Field(() => TrainingModeEnum) mode!: TrainingMode;
  @Field(() => [String], { description: 'Codes of the competencies the programme builds' }) competencyCodes!: string[];
}

@InputType()
export class AddTrainingSessionInput {
  @Field(() => ID) programId!: string;
  @Field({ description: 'YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) endDate!: string;
  @Field(() => Int) capacity!: number;
}

@InputType()
export class AssignTrainingInput {
  @Field(() => ID) employeeId!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID, { nullable: true, description: 'Enrol in this session (it must have a free seat)' }) sessionId?: string | null;
}

@InputType()
export class RecordTrainingCompletionInput {
  @Field(() => ID) assignmentId!: string;
  @Field(() => TrainingResultEnum) result!: TrainingResult;
  @Field({ description: 'The day the training was completed, YYYY-MM-DD' }) completedOn!: string;
}

@InputType()
export class SetGapProgramMappingInput {
  @Field(() => ID) agencyId!: string;
  @Field(() => MappableGapEnum) gap!: MappableGap;
  @Field(() => String, {
    nullable: true,
    description: "A code of the province-wide catalogue or of the agency's own; null sends this gap to HR to choose every time",
  })
  programCode?: string | null;
}
