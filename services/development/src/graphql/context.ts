import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { DevelopmentReader } from '../application/development.reader';
import type { DevelopmentPlanReader } from '../application/development-plan.reader';
import type { LearningHoursReader } from '../application/learning-hours.reader';
import type { AssignmentRecord } from '../domain/assignment-record';
import type { Competency } from '../domain/catalogue';
import type { Certificate } from '../domain/certificate';
import type { DevelopmentPlan } from '../domain/development-plan';
import type { LearningHoursSummary } from '../domain/learning-hours.rule';
import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import type { AssignmentStatus } from '../domain/vocabulary';

/** Per-request batching: each loader turns the lookups of one tick into one repository call. */
export interface DevelopmentLoaders {
  programme: DataLoader<string, TrainingProgram | null>;
  competency: DataLoader<string, Competency | null>;
  programmeSessions: DataLoader<string, TrainingSession[]>;
  session: DataLoader<string, TrainingSession | null>;
  seatsTaken: DataLoader<string, number>;
  certificate: DataLoader<string, Certificate | null>;
  /** One loader per status argument (null: every status). */
  trainingAssignments(status: AssignmentStatus | null): DataLoader<string, AssignmentRecord[] | null>;
  /** One loader per year argument. */
  learningHours(year: number): DataLoader<string, LearningHoursSummary | null>;
  /** One loader per year argument. */
  developmentPlan(year: number): DataLoader<string, DevelopmentPlan | null>;
}

export interface DevelopmentContext extends SubgraphContext {
  loaders: DevelopmentLoaders;
}

function perArgument<A, V>(create: (argument: A) => DataLoader<string, V>): (argument: A) => DataLoader<string, V> {
  const loaders = new Map<A, DataLoader<string, V>>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (!loader) loaders.set(argument, (loader = create(argument)));
    return loader;
  };
}

export interface DevelopmentReaders {
  reader: DevelopmentReader;
  learningHours: LearningHoursReader;
  plans: DevelopmentPlanReader;
}

export function createLoaders({ reader, learningHours, plans }: DevelopmentReaders, base: SubgraphContext): DevelopmentLoaders {
  const { viewer } = base;
  return {
    programme: new DataLoader((ids) => reader.programmesByIds(viewer, ids)),
    competency: new DataLoader((codes) => reader.competenciesByCodes(viewer, codes)),
    programmeSessions: new DataLoader((ids) => reader.sessionsOfProgrammes(ids)),
    session: new DataLoader((ids) => reader.sessionsByIds(ids)),
    seatsTaken: new DataLoader((ids) => reader.seatsTaken(ids)),
    certificate: new DataLoader((assignmentIds) => reader.certificatesOfAssignments(assignmentIds)),
    trainingAssignments: perArgument((status: AssignmentStatus | null) => new DataLoader((ids) => reader.assignmentsOfEmployees(viewer, ids, status))),
    learningHours: perArgument((year: number) => new DataLoader((ids) => learningHours.learningHoursOf(viewer, ids, year))),
    developmentPlan: perArgument((year: number) => new DataLoader((ids) => plans.plansOfEmployees(viewer, ids, year))),
  };
}

export function actorOf(context: SubgraphContext): Actor {
  return { viewer: context.viewer, requestId: context.requestId };
}
