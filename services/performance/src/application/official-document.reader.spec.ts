import type { Clock } from '@kinerja/kernel';

import type { PerformancePlan } from '../domain/plan';
import { DOCUMENT_LINK_TTL_MS, DocumentLinks } from './official-document.reader';

describe('document links', () => {
  let now = new Date('2031-01-02T03:00:00Z');
  const clock: Clock = { now: () => now };
  const links = new DocumentLinks(Buffer.from('s'.repeat(32)), clock);
  const plan = { id: '00000000-0000-4000-8000-000000000001' } as PerformancePlan;
  const url = (path: string) => new URL(path, 'http://performance');

  it('names the document it was issued for', () => {
    const link = links.issue('ASSESSMENT', plan);
    expect(link.expiresAt).toEqual(new Date(now.getTime() + DOCUMENT_LINK_TTL_MS));
    expect(links.verify(url(link.path))).toEqual({ kind: 'ASSESSMENT', planId: plan.id });
  });

  it.each<[string, (path: string) => string]>([
    ['another plan', (path) => path.replace(plan.id, '00000000-0000-4000-8000-000000000002')],
    ['another document', (path) => path.replace('/skp/', '/assessment/')],
    ['a later expiry', (path) => path.replace(/expires=(\d+)/, (_, e: string) => `expires=${Number(e) + 1}`)],
    ['no signature', (path) => path.replace(/&signature=.*$/, '')],
    ['a path outside the documents', (path) => path.replace('/documents/', '/evidence/')],
  ])('refuses a link altered to %s', (_case, alter) => {
    expect(() => links.verify(url(alter(links.issue('SKP', plan).path)))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('stops working once it expired', () => {
    const link = links.issue('SKP', plan);
    now = new Date(now.getTime() + DOCUMENT_LINK_TTL_MS + 1);
    expect(() => links.verify(url(link.path))).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('expired') }));
  });

  it('refuses a link signed with another secret', () => {
    const other = new DocumentLinks(Buffer.from('t'.repeat(32)), clock);
    expect(() => links.verify(url(other.issue('SKP', plan).path))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
