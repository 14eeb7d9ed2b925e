/** The seven BerAKHLAK core values, as performance's `CoreValue` names them. */
export const CORE_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type CoreValue = (typeof CORE_VALUES)[number];

export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

/** Umpan balik berkelanjutan: praise for what went well, or what to improve. */
export const NOTE_KINDS = ['PRAISE', 'IMPROVEMENT'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Dialog kinerja: before the SKP is set, during the period, and after an assessment. */
export const DIALOGUE_KINDS = ['PLANNING', 'MONITORING', 'FOLLOW_UP'] as const;
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

/** DUE: a follow-up the system expects and nobody recorded yet; RECORDED: awaiting the other party. */
export const DIALOGUE_STATUSES = ['DUE', 'RECORDED', 'ACKNOWLEDGED'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

/** Who answers in a 360° cycle (rule 8): the supervisor, peers (same supervisor), direct subordinates, and the employee themself. */
export const RATER_GROUPS = ['SUPERVISOR', 'PEER', 'SUBORDINATE', 'SELF'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** DRAFT: started, HR may still change the raters; OPEN: raters answer; CLOSED: the aggregate shows. */
export const CYCLE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const isCoreValue = (value: string): value is CoreValue => (CORE_VALUES as readonly string[]).includes(value);
export const isPredikat = (value: string): value is Predikat => (PREDIKATS as readonly string[]).includes(value);
