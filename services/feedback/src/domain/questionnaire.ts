import { ValidationError } from '@kinerja/errors';

import { CORE_VALUES, type CoreValue, isCoreValue } from './vocabulary';

export interface QuestionnaireItem {
  code: string;
  value: CoreValue;
  text: string;
}

/** The answer scale of a 360° item: 1 (sangat tidak setuju) to 5 (sangat setuju). */
export const SCORE_RANGE = { min: 1, max: 5 } as const;

/** The default questionnaire: two statements per BerAKHLAK value, in Indonesian, about the person rated. */
export const DEFAULT_QUESTIONNAIRE: readonly QuestionnaireItem[] = [
  { code: 'BP-1', value: 'BERORIENTASI_PELAYANAN', text: 'Memahami dan memenuhi kebutuhan masyarakat yang dilayani.' },
  { code: 'BP-2', value: 'BERORIENTASI_PELAYANAN', text: 'Ramah, cekatan, solutif, dan dapat diandalkan dalam melayani.' },
  { code: 'AK-1', value: 'AKUNTABEL', text: 'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas.' },
  { code: 'AK-2', value: 'AKUNTABEL', text: 'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien.' },
  { code: 'KO-1', value: 'KOMPETEN', text: 'Terus belajar dan mengembangkan kapabilitas diri.' },
  { code: 'KO-2', value: 'KOMPETEN', text: 'Membantu orang lain belajar dan melaksanakan tugas dengan kualitas terbaik.' },
  { code: 'HA-1', value: 'HARMONIS', text: 'Menghargai setiap orang apa pun latar belakangnya.' },
  { code: 'HA-2', value: 'HARMONIS', text: 'Suka menolong orang lain dan membangun lingkungan kerja yang kondusif.' },
  { code: 'LO-1', value: 'LOYAL', text: 'Memegang teguh Pancasila, UUD 1945, dan setia kepada NKRI serta pemerintahan yang sah.' },
  { code: 'LO-2', value: 'LOYAL', text: 'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara, serta menjaga rahasia jabatan.' },
  { code: 'AD-1', value: 'ADAPTIF', text: 'Cepat menyesuaikan diri menghadapi perubahan.' },
  { code: 'AD-2', value: 'ADAPTIF', text: 'Terus berinovasi, mengembangkan kreativitas, dan bertindak proaktif.' },
  { code: 'KL-1', value: 'KOLABORATIF', text: 'Memberi kesempatan kepada berbagai pihak untuk berkontribusi.' },
  { code: 'KL-2', value: 'KOLABORATIF', text: 'Terbuka bekerja sama untuk menghasilkan nilai tambah dan menggerakkan sumber daya untuk tujuan bersama.' },
];

/** The bounds of an agency's questionnaire: at least one statement per value, at most this many in all. */
export const QUESTIONNAIRE_LIMITS = { maxItems: 50, textMin: 10, textMax: 300 } as const;

/** An item code: capitals, digits and dashes, as the default's `BP-1`. */
const ITEM_CODE = /^[A-Z0-9][A-Z0-9-]{0,15}$/;

/**
 * An agency's 360° questionnaire as HR writes it: statements in Indonesian about the person rated,
 * each measuring one BerAKHLAK value, every value measured at least once, codes unique. Every
 * problem is reported at once, each naming the item (`items.3.text`) or, for a value nobody
 * measures, `items`.
 */
export function parseQuestionnaire(input: readonly { code: string; value: string; text: string }[]): QuestionnaireItem[] {
  const problems: { field: string; message: string }[] = [];
  const { maxItems, textMin, textMax } = QUESTIONNAIRE_LIMITS;
  if (input.length > maxItems) problems.push({ field: 'items', message: `has ${input.length} statements; at most ${maxItems}` });
  const firstIndexOf = new Map<string, number>();
  const items = input.map((raw, index) => {
    const code = raw.code.trim();
    const text = raw.text.trim().replace(/\s+/g, ' ');
    const name = code === '' ? `item ${index + 1}` : code;
    if (!ITEM_CODE.test(code)) problems.push({ field: `items.${index}.code`, message: `${name}: must be 1–16 capital letters, digits or dashes, e.g. BP-1` });
    else if (firstIndexOf.has(code))
      problems.push({ field: `items.${index}.code`, message: `${code} is also the code of item ${(firstIndexOf.get(code) ?? 0) + 1}` });
    else firstIndexOf.set(code, index);
    if (!isCoreValue(raw.value)) problems.push({ field: `items.${index}.value`, message: `${name}: must be one of ${CORE_VALUES.join(', ')}` });
    if (text.length < textMin || text.length > textMax)
      problems.push({ field: `items.${index}.text`, message: `${name}: the statement (in Indonesian) must be ${textMin}–${textMax} characters` });
    return { code, value: raw.value as CoreValue, text };
  });
  const uncovered = CORE_VALUES.filter((value) => !items.some((item) => item.value === value));
  if (uncovered.length > 0) problems.push({ field: 'items', message: `every BerAKHLAK value needs a statement; none measures ${uncovered.join(', ')}` });
  if (problems.length > 0) throw new ValidationError(problems);
  return items;
}
