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
export const isoDateTime = z.iso.datetime({ offset: true });
