import type { GraphQLFormattedError } from 'graphql';

/** The languages the graph answers errors in: Indonesian by default, English on request. */
export type ErrorLanguage = 'id' | 'en';

/**
 * Indonesian sentences by error reason (`extensions.reason`) or else by code. English is what the
 * services write (the messages stay specific); the codes are the same in both languages.
 */
const INDONESIAN: Record<string, string> = {
  INVALID_CREDENTIALS: 'Email/NIP atau kata sandi salah',
  THROTTLED: 'Terlalu banyak percobaan masuk yang gagal; coba lagi nanti',
  ACCOUNT_DISABLED: 'Akun ini tidak dapat masuk',
  INVALID_REFRESH_TOKEN: 'Token penyegaran tidak valid atau sudah kedaluwarsa',
  PASSWORD_CHANGE_REQUIRED: 'Ganti kata sandi yang diberikan HR terlebih dahulu',
  INVALID_RESET_TOKEN: 'Tautan atur ulang kata sandi tidak valid, sudah dipakai, atau sudah kedaluwarsa',
  UNAUTHENTICATED: 'Silakan masuk terlebih dahulu',
  FORBIDDEN: 'Anda tidak berwenang melakukan ini',
  NOT_FOUND: 'Data yang diminta tidak ditemukan',
  CONFLICT: 'Tindakan ini bertentangan dengan keadaan data saat ini',
  BAD_USER_INPUT: 'Isian tidak valid',
  OPERATION_TOO_COMPLEX: 'Permintaan terlalu rumit',
  PAYLOAD_TOO_LARGE: 'Permintaan terlalu besar',
  RATE_LIMITED: 'Terlalu banyak permintaan; coba lagi sebentar lagi',
  INTERNAL_SERVER_ERROR: 'Terjadi kesalahan pada server',
};

/** The first supported language of an Accept-Language header, by its q values; Indonesian when none is. */
export function errorLanguageOf(acceptLanguage: string | undefined): ErrorLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { primary: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && (entry.primary === 'id' || entry.primary === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.primary === 'en' ? 'en' : 'id';
}

/** The error in the caller's language: the message replaced by the catalogue's sentence (the field or request id kept), code and details unchanged. */
export function localizeError(formatted: GraphQLFormattedError, language: ErrorLanguage): GraphQLFormattedError {
  if (language === 'en') return formatted;
  const extensions = formatted.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  const reason = typeof extensions['reason'] === 'string' ? extensions['reason'] : undefined;
  const sentence = (reason && INDONESIAN[reason]) || (code && INDONESIAN[code]);
  if (!sentence) return formatted;
  const field = typeof extensions['field'] === 'string' ? extensions['field'] : undefined;
  const requestId = typeof extensions['requestId'] === 'string' ? extensions['requestId'] : undefined;
  const detail = code === 'BAD_USER_INPUT' && field ? ` (${field})` : code === 'INTERNAL_SERVER_ERROR' && requestId ? ` (request id ${requestId})` : '';
  return { ...formatted, message: `${sentence}${detail}` };
}
