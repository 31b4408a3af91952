/**
 * Node storage for the CLI: backups and reports as one JSON file each (R09, R27), and the technician key
 * as a PEM file (R14). Writes go to a temporary file then rename, so a crash or a laptop power loss
 * mid-write leaves the previous file whole rather than a truncated backup.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RecordStore } from '../../core/backup/record-store';
import { generateKeyPair, parsePrivateKeyPem, privateKeyToPem } from '../../core/image/keys';
import { secretKeySigner, type TechnicianSigner } from '../../core/family/technician-signer';

/** `$BMS_FLASHER_HOME`, else ~/.bms-flasher: backups/, reports/ and technician.pem live there. */
export function defaultDataDir(): string {
  return process.env.BMS_FLASHER_HOME ?? join(homedir(), '.bms-flasher');
}

/** Record ids hold ':' and '@' (serial@ISO time): escape what some file systems refuse. */
function fileNameOf(id: string): string {
  return `${id.replace(/[^\w.-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}.json`;
}

async function writeAtomically(path: string, text: string, mode?: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, path);
}

export function fileRecordStore(directory: string): RecordStore {
  return {
    put: (id, value) => writeAtomically(join(directory, fileNameOf(id)), `${JSON.stringify(value, null, 2)}\n`),
    async get(id) {
      try {
        return JSON.parse(await readFile(join(directory, fileNameOf(id)), 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async values() {
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const files = names.filter((n) => n.endsWith('.json'));
      // A file that is not JSON is returned as a string, which the typed stores reject as invalid.
      return Promise.all(files.map(async (n) => parseOrText(await readFile(join(directory, n), 'utf8'))));
    },
    delete: (id) => rm(join(directory, fileNameOf(id)), { force: true })
  };
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const fileBackupRecords = (dataDir = defaultDataDir()) => fileRecordStore(join(dataDir, 'backups'));
export const fileReportRecords = (dataDir = defaultDataDir()) => fileRecordStore(join(dataDir, 'reports'));

/** Reads a PKCS#8 PEM Ed25519 key (the format imgtool keygen writes). */
export async function loadTechnicianKeyFile(path: string, name = path): Promise<TechnicianSigner> {
  const { secretKey } = parsePrivateKeyPem(await readFile(path, 'utf8'));
  return secretKeySigner(secretKey, name);
}

/** Creates a new key file readable by its owner only; refuses to overwrite an existing key. */
export async function createTechnicianKeyFile(path: string, name = path): Promise<TechnicianSigner> {
  const { secretKey } = generateKeyPair();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, privateKeyToPem(secretKey), { mode: 0o600, flag: 'wx' });
  return secretKeySigner(secretKey, name);
}
