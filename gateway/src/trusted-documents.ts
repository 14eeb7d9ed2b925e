import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { type DocumentNode, print } from 'graphql';

/** The registered operations of the first-party clients (gateway/test/trusted-documents.test.ts keeps it complete). */
export interface TrustedDocumentManifest {
  operations: string[];
}

/**
 * An operation's registered identity: the SHA-256 of its printed document, so that whitespace,
 * commas and comments do not matter, while any other change (a field, an argument) does.
 */
export function documentHash(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

export function readTrustedDocuments(path: string): ReadonlySet<string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as TrustedDocumentManifest;
  if (!Array.isArray(manifest.operations) || manifest.operations.some((hash) => !/^[0-9a-f]{64}$/.test(hash))) {
    throw new Error(`${path}: "operations" must be a list of SHA-256 hex digests`);
  }
  return new Set(manifest.operations);
}
