import { randomUUID } from 'node:crypto';

import type { GrantableRole } from '@kinerja/auth';

import type { PasswordHasher } from '../domain/account';
import type { IdentityPrisma } from '../infrastructure/prisma-client';
import { DEMO_AGENCIES, DEMO_PROVINCE, DEMO_UNITS, demoName, demoNip, SECRETARIAT } from './demo-organisation';

export const DEMO_PASSWORD = 'kinerja-demo';

export interface DemoAccount {
  role: string;
  login: string;
  nip?: string;
  agency: string;
}

interface Rows {
  agencies: { id: string; code: string; name: string; kind: 'PROVINCE' | 'REGENCY' | 'CITY'; parentId: string | null }[];
  units: { id: string; agencyId: string; parentId: string | null; code: string; name: string }[];
  positions: { id: string; agencyId: string; orgUnitId: string; title: string; supervisorPositionId: string | null }[];
  employees: {
    id: string;
    agencyId: string;
    nip: string;
    name: string;
    email: string | null;
    employmentType: 'PNS' | 'PPPK' | 'CPNS';
    rank: string;
    orgUnitId: string;
    positionId: string;
  }[];
  accounts: { id: string; email: string | null; employeeId: string | null; displayName: string; passwordHash: string }[];
  grants: { id: string; userId: string; role: GrantableRole; scope: string }[];
}

const RANKS = [
  'Pembina Utama Muda (IV/c)',
  'Pembina (IV/a)',
  'Penata Tingkat I (III/d)',
  'Penata (III/c)',
  'Penata Muda Tingkat I (III/b)',
  'Penata Muda (III/a)',
];

function buildAgency(rows: Rows, accounts: DemoAccount[], agencyIndex: number, agency: Rows['agencies'][number], passwordHash: string): void {
  const slug = agency.code.toLowerCase().replace(/^(kab|kota|prov)-/, '');
  let n = 0;
  const hire = (unitId: string, positionId: string, level: number, email: string | null) => {
    const employee = {
      id: randomUUID(),
      agencyId: agency.id,
      nip: demoNip(agencyIndex, n),
      name: demoName(agencyIndex, n),
      email,
      employmentType: (level >= 2 && n % 6 === 5 ? 'PPPK' : 'PNS') as 'PNS' | 'PPPK',
      rank: RANKS[Math.min(level * 2 + (n % 2), RANKS.length - 1)] as string,
      orgUnitId: unitId,
      positionId,
    };
    n += 1;
    rows.employees.push(employee);
    // Every demo employee can log in by NIP with the demo password.
    rows.accounts.push({ id: randomUUID(), email, employeeId: employee.id, displayName: employee.name, passwordHash });
    return employee;
  };
  const position = (unitId: string, title: string, supervisorPositionId: string | null) => {
    const row = { id: randomUUID(), agencyId: agency.id, orgUnitId: unitId, title, supervisorPositionId };
    rows.positions.push(row);
    return row;
  };

  const root = { id: randomUUID(), agencyId: agency.id, parentId: null, code: SECRETARIAT.code, name: SECRETARIAT.name };
  rows.units.push(root);
  const sekda = position(root.id, SECRETARIAT.head, null);
  const head = hire(root.id, sekda.id, 0, `head.${slug}@kinerja.demo`);
  accounts.push({ role: 'AGENCY_HEAD', login: `head.${slug}@kinerja.demo`, nip: head.nip, agency: agency.name });
  rows.grants.push({ id: randomUUID(), userId: rows.accounts.at(-1)!.id, role: 'AGENCY_HEAD', scope: agency.id });

  for (const [unitIndex, template] of DEMO_UNITS.entries()) {
    const unit = { id: randomUUID(), agencyId: agency.id, parentId: root.id, code: template.code, name: template.name };
    rows.units.push(unit);
    const headPosition = position(unit.id, template.head, sekda.id);
    hire(unit.id, headPosition.id, 1, null);
    const middle = template.middle.map((title) => position(unit.id, title, headPosition.id));
    middle.forEach((p, i) => {
      const isSupervisor = unitIndex === 1 && i === 0;
      const employee = hire(unit.id, p.id, 2, isSupervisor ? `supervisor.${slug}@kinerja.demo` : null);
      if (isSupervisor) accounts.push({ role: 'SUPERVISOR', login: `supervisor.${slug}@kinerja.demo`, nip: employee.nip, agency: agency.name });
    });
    template.staff.forEach((title, i) => {
      const staffPosition = position(unit.id, title, (middle[i % middle.length] as { id: string }).id);
      const isHr = unitIndex === 0 && i === 0;
      const isEmployee = unitIndex === 1 && i === 0;
      const isCommittee = unitIndex === 0 && i === 1;
      const email = isHr ? `hr.${slug}@kinerja.demo` : isEmployee ? `employee.${slug}@kinerja.demo` : isCommittee ? `panitia.${slug}@kinerja.demo` : null;
      const employee = hire(unit.id, staffPosition.id, 3, email);
      const userId = rows.accounts.at(-1)!.id;
      if (isHr) {
        accounts.push({ role: 'HR_ADMIN', login: email!, nip: employee.nip, agency: agency.name });
        rows.grants.push({ id: randomUUID(), userId, role: 'HR_ADMIN', scope: agency.id });
      } else if (isCommittee) {
        accounts.push({ role: 'SELECTION_COMMITTEE', login: email!, nip: employee.nip, agency: agency.name });
        rows.grants.push({ id: randomUUID(), userId, role: 'SELECTION_COMMITTEE', scope: agency.id });
      } else if (isEmployee) {
        accounts.push({ role: 'EMPLOYEE', login: email!, nip: employee.nip, agency: agency.name });
      }
    });
  }
}

/**
 * Seeds the demo province on an empty database, in one transaction: agencies, units, positions
 * in a reporting line, ~30 employees per agency and an account for every role. Returns null when
 * the database already holds agencies (a restart keeps its data).
 */
export async function seedDemoData(prisma: IdentityPrisma, hasher: PasswordHasher): Promise<DemoAccount[] | null> {
  if ((await prisma.agency.count()) > 0) return null;
  // One hash shared by every demo account: they all have the same published password anyway, and
  // hashing ~200 times with scrypt would add seconds to the first start.
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  const rows: Rows = { agencies: [], units: [], positions: [], employees: [], accounts: [], grants: [] };
  const accounts: DemoAccount[] = [];
  const province = { id: randomUUID(), code: DEMO_PROVINCE.code, name: DEMO_PROVINCE.name, kind: 'PROVINCE' as const, parentId: null };
  rows.agencies.push(province, ...DEMO_AGENCIES.map((a) => ({ id: randomUUID(), code: a.code, name: a.name, kind: a.kind, parentId: province.id })));
  rows.agencies.forEach((agency, index) => buildAgency(rows, accounts, index, agency, passwordHash));

  const provinceWide: [string, GrantableRole | null][] = [
    ['admin@kinerja.demo', 'PROVINCE_ADMIN'],
    ['auditor@kinerja.demo', 'AUDITOR'],
    ['pelamar@kinerja.demo', 'APPLICANT'],
  ];
  for (const [email, role] of provinceWide) {
    const account = { id: randomUUID(), email, employeeId: null, displayName: email.split('@')[0] as string, passwordHash };
    rows.accounts.push(account);
    if (role) rows.grants.push({ id: randomUUID(), userId: account.id, role, scope: '' });
    accounts.unshift({ role: role ?? '', login: email, agency: role === 'APPLICANT' ? '(citizen)' : 'province-wide' });
  }

  await prisma.$transaction([
    prisma.agency.createMany({ data: rows.agencies }),
    prisma.orgUnit.createMany({ data: rows.units }),
    // Positions reference their supervisor: insert them top-down (they were built in that order).
    prisma.position.createMany({ data: rows.positions }),
    prisma.employee.createMany({ data: rows.employees }),
    prisma.userAccount.createMany({ data: rows.accounts }),
    prisma.roleGrant.createMany({ data: rows.grants }),
    prisma.auditLog.create({
      data: {
        action: 'demo.seeded',
        entityType: 'Province',
        entityId: province.id,
        after: { agencies: rows.agencies.length, employees: rows.employees.length },
      },
    }),
  ]);
  return accounts;
}
