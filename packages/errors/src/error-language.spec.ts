import { errorLanguageOf, localizeError } from './error-language';

describe('errorLanguageOf', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['id-ID,id;q=0.9', 'id'],
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.4,id;q=0.8', 'id'],
    ['de', 'id'],
    ['en;q=0', 'id'],
  ])('%p → %s', (header, language) => {
    expect(errorLanguageOf(header)).toBe(language);
  });
});

describe('localizeError', () => {
  const login = { message: 'Invalid login or password', extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' } };

  it('answers Indonesian by the reason, keeping the code and details', () => {
    expect(localizeError(login, 'id')).toEqual({ message: 'Email/NIP atau kata sandi salah', extensions: login.extensions });
  });

  it('keeps the English message the service wrote', () => {
    expect(localizeError(login, 'en')).toBe(login);
  });

  it.each([
    [{ code: 'BAD_USER_INPUT', field: 'input.nip' }, 'Isian tidak valid (input.nip)'],
    [{ code: 'NOT_FOUND', entity: 'Employee' }, 'Data yang diminta tidak ditemukan'],
    [{ code: 'FORBIDDEN' }, 'Anda tidak berwenang melakukan ini'],
    [{ code: 'INTERNAL_SERVER_ERROR', requestId: 'r-1' }, 'Terjadi kesalahan pada server (request id r-1)'],
    [{ code: 'RATE_LIMITED' }, 'Terlalu banyak permintaan; coba lagi sebentar lagi'],
  ])('%p → %s', (extensions, message) => {
    expect(localizeError({ message: 'English', extensions }, 'id')).toEqual({ message, extensions });
  });

  it('leaves errors of unknown codes (a malformed operation) as graphql-js wrote them', () => {
    const parse = { message: 'Syntax Error: Unexpected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(localizeError(parse, 'id')).toBe(parse);
  });
});
