import type { SubgraphContext } from '@kinerja/subgraph';
import DataLoader from 'dataloader';

import type { Actor } from '../application/actor';
import type { IdentityReader } from '../application/identity.reader';
import type { Employee } from '../domain/employee';
import type { Agency, OrgUnit, Position } from '../domain/organisation';

/** Per-request batching: each loader turns the lookups of one tick into one repository call. */
export interface IdentityLoaders {
  agency: DataLoader<string, Agency | null>;
  orgUnit: DataLoader<string, OrgUnit | null>;
  position: DataLoader<string, Position | null>;
  employee: DataLoader<string, Employee | null>;
  supervisor: DataLoader<Employee, Employee | null, string>;
  subordinates: DataLoader<Employee, Employee[], string>;
  childUnits: DataLoader<string, OrgUnit[]>;
  agencyUnits: DataLoader<string, OrgUnit[]>;
  unitPositions: DataLoader<string, Position[]>;
  positionHolder: DataLoader<string, Employee | null>;
}

export interface IdentityContext extends SubgraphContext {
  loaders: IdentityLoaders;
}

export function createLoaders(reader: IdentityReader, base: SubgraphContext): IdentityLoaders {
  const { viewer } = base;
  const byEmployeeId = { cacheKeyFn: (employee: Employee) => employee.id };
  return {
    agency: new DataLoader((ids) => reader.agenciesByIds(viewer, ids)),
    orgUnit: new DataLoader((ids) => reader.orgUnitsByIds(viewer, ids)),
    position: new DataLoader((ids) => reader.positionsByIds(viewer, ids)),
    employee: new DataLoader((ids) => reader.employeesByIds(viewer, ids)),
    supervisor: new DataLoader((employees) => reader.supervisorsOf(viewer, employees), byEmployeeId),
    subordinates: new DataLoader((employees) => reader.subordinatesOf(viewer, employees), byEmployeeId),
    childUnits: new DataLoader((ids) => reader.childUnitsOf(viewer, ids)),
    agencyUnits: new DataLoader((ids) => reader.unitsOfAgencies(viewer, ids)),
    unitPositions: new DataLoader((ids) => reader.positionsOfUnits(viewer, ids)),
    positionHolder: new DataLoader((ids) => reader.holdersOfPositions(viewer, ids)),
  };
}

export function actorOf(context: SubgraphContext): Actor {
  return { viewer: context.viewer, requestId: context.requestId };
}
