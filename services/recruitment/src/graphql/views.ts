import type { Application } from '../domain/application';
import { type Formation, formationGap } from '../domain/formation';
import type { ApplicationType, FormationType } from './types';

export const formationView = (formation: Formation): FormationType => ({ ...formation, gap: formationGap(formation.need, formation.currentHolders) });

export const applicationView = (application: Application): ApplicationType => ({
  ...application,
  skd: application.skd ? { ...application.skd, total: application.skd.twk + application.skd.tiu + application.skd.tkp } : null,
});
