import { z } from 'zod';

// Shared terms of the regulation that travel in events; the services keep their own copies in
// their domain modules and map at the edge.
export const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export const EXPECTATION_RATINGS = ['ABOVE', 'MEETS', 'BELOW'] as const;
export const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export const EMPLOYMENT_TYPES = ['PNS', 'PPPK', 'CPNS'] as const;

export const predikat = z.enum(PREDIKAT);
export const expectationRating = z.enum(EXPECTATION_RATINGS);
export const coreValue = z.enum(CORE_VALUES);
export const employmentType = z.enum(EMPLOYMENT_TYPES);
export const id = z.uuid();
/** What a deadline reminder asks of its recipient (issue 17). */
export const REMINDER_STEPS = ['PLAN_SUBMISSION', 'REALIZATION_REPORT', 'ASSESSMENT_FINALIZATION', 'FEEDBACK_RESPONSE'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];
/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
