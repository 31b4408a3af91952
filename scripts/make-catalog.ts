/**
 * Writes the demo firmware catalog (static/firmware/catalog.json and its signed images for the virtual
 * BMS). Deterministic: running it again changes nothing unless build-catalog.ts changed, and
 * scripts/catalog/build-catalog.test.ts fails when the committed files drift from it.
 * Run: `node --import tsx scripts/make-catalog.ts`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog, VENDOR_KEY_FILE, vendorKeyPem } from './catalog/build-catalog';

const DIR = 'static/firmware';
const { json, files } = buildCatalog();
mkdirSync(DIR, { recursive: true });
// Images dropped from the catalog must not linger (the service worker would precache them).
for (const name of readdirSync(DIR)) if (name.endsWith('.bin')) rmSync(join(DIR, name));
for (const file of files) writeFileSync(join(DIR, file.path), file.bytes);
writeFileSync(join(DIR, 'catalog.json'), json);
// The public half of the simulator's vendor test key, for `bms-flasher flash --trust` against `sim`.
writeFileSync(join(DIR, VENDOR_KEY_FILE), vendorKeyPem());
console.log(`wrote ${DIR}/catalog.json and ${files.length} images`);
