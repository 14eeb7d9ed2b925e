import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';

import type { EmployeeImports } from '../application/import-employees.command';
import { IMPORT_COLUMNS, IMPORT_PROBLEM_CODES, type ImportColumn, type ImportProblemCode } from '../domain/employee-import.rule';
import { type EmployeeImportJob, IMPORT_STATUSES, type ImportStatus } from '../domain/employee-import-job';
import type { Agency } from '../domain/organisation';
import { actorOf, type IdentityContext } from './context';
import { AgencyType } from './types';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
const ImportStatusEnum = asEnum(IMPORT_STATUSES);
const ImportColumnEnum = asEnum(IMPORT_COLUMNS);
const ImportProblemCodeEnum = asEnum(IMPORT_PROBLEM_CODES);
registerEnumType(ImportStatusEnum, {
  name: 'EmployeeImportStatus',
  description: 'CHECKING (dry run under way), CHECKED (report ready), COMMITTING, COMMITTED, or FAILED (nothing written; see failure and problems)',
});
registerEnumType(ImportColumnEnum, {
  name: 'EmployeeImportColumn',
  description:
    'A column of the import file: nip, name (nama), type (jenis: PNS, PPPK, CPNS), rank (golongan), position (jabatan), unit (unit kerja: code or name), supervisorPosition (jabatan atasan), email',
});
registerEnumType(ImportProblemCodeEnum, { name: 'EmployeeImportProblemCode', description: 'Why a row of an import file is invalid; stable for clients' });

@ObjectType('EmployeeImportProblem', { description: 'One line of the report: a row of the file, its column and why it is invalid' })
export class EmployeeImportProblemType {
  @Field(() => Int, { description: 'The row in the spreadsheet (the header is row 1)' }) row!: number;
  @Field(() => ImportColumnEnum) column!: ImportColumn;
  @Field(() => ImportProblemCodeEnum) code!: ImportProblemCode;
  @Field({ description: 'Why, in Indonesian' }) message!: string;
  @Field({ description: 'Why, in English' }) messageEnglish!: string;
}

@ObjectType('EmployeeImport', {
  description:
    "A bulk import of employees from an uploaded CSV or XLSX file: its dry run's row-by-row report, then its commit; query it while it runs to show progress",
})
export class EmployeeImportType {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field(() => ImportStatusEnum) status!: ImportStatus;
  @Field(() => Int, { description: 'Data rows in the file (blank lines not counted)' }) totalRows!: number;
  @Field(() => Int, { description: 'Rows checked (CHECKING) or written (COMMITTING) so far' }) processedRows!: number;
  @Field(() => Int) validRows!: number;
  @Field(() => Int, { description: 'Rows with at least one problem' }) invalidRows!: number;
  @Field(() => [EmployeeImportProblemType], { description: 'The report, by row then column; empty when every row is valid' })
  problems!: EmployeeImportProblemType[];
  @Field(() => Int, { description: 'After the commit: employees registered' }) createdCount!: number;
  @Field(() => Int, { description: 'After the commit: employees whose record changed (only the changed fields are written)' }) updatedCount!: number;
  @Field(() => Int, { description: 'After the commit: rows equal to the stored employee (nothing written for them)' }) unchangedCount!: number;
  @Field(() => String, { nullable: true }) failure!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  agencyId!: string;
}

@InputType()
export class StartEmployeeImportInput {
  @Field(() => ID) agencyId!: string;
  @Field({ description: 'The uploaded file’s name, for the uploader’s list' }) fileName!: string;
  @Field({
    description:
      'The file in base64: CSV (RFC 4180, UTF-8, `,` or `;`) or XLSX (first sheet), header row first with the columns of EmployeeImportColumn (English or Indonesian names)',
  })
  contentBase64!: string;
}

@InputType()
export class CommitEmployeeImportInput {
  @Field(() => ID) importId!: string;
  @Field({
    defaultValue: false,
    description: 'Apply the valid rows of a file that has invalid ones; without it a commit of such a file is refused and nothing is written',
  })
  skipInvalidRows!: boolean;
}

@Resolver(() => EmployeeImportType)
export class EmployeeImportResolver {
  constructor(private readonly imports: EmployeeImports) {}

  @Query(() => EmployeeImportType, { description: 'An import of employees, for its uploader (HR of the agency, the province admin) to follow' })
  employeeImport(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext): Promise<EmployeeImportJob> {
    return this.imports.job(actorOf(context), id);
  }

  @Mutation(() => EmployeeImportType, {
    description:
      "HR uploads an employee file (NIP is the key) and the dry run starts: every row is checked (NIP rules and duplicates in the file and in other agencies, units, positions and their holders, reporting-line loops with the agency's data) without writing any employee; follow it with employeeImport until CHECKED",
  })
  startEmployeeImport(@Arg('input') input: StartEmployeeImportInput, @Ctx() context: IdentityContext): Promise<EmployeeImportJob> {
    return this.imports.start(actorOf(context), input);
  }

  @Mutation(() => EmployeeImportType, {
    description:
      'Commits a CHECKED import in ONE transaction: all valid rows or nothing. Refused while the report has invalid rows unless skipInvalidRows; the rows are checked again against the data of that moment and the commit FAILS, writing nothing, if any became invalid. New NIPs are registered, changed rows update only what changed (with the usual employee events and audit rows), equal rows write nothing. Follow it with employeeImport until COMMITTED',
  })
  commitEmployeeImport(@Arg('input') input: CommitEmployeeImportInput, @Ctx() context: IdentityContext): Promise<EmployeeImportJob> {
    return this.imports.commit(actorOf(context), input.importId, input.skipInvalidRows);
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() job: EmployeeImportJob, @Ctx() context: IdentityContext): Promise<Agency | null> {
    return context.loaders.agency.load(job.agencyId);
  }
}
