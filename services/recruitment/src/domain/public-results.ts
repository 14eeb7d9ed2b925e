/**
 * How an announcement shows an applicant: the registration number and the name in capitals, as
 * the regulation's announcements print them. NIK, birth date and e-mail never appear.
 */
export const announcedName = (name: string) => name.trim().replace(/\s+/g, ' ').toUpperCase();
