/**
 * The demo catalog of signed images for the virtual BMS, built from makeTestFirmware and the vendor TEST
 * key. Pure and deterministic (seeded payloads, deterministic Ed25519), so scripts/make-catalog.ts can
 * write it to static/firmware/ and a test can prove the committed files are exactly what this builds.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { DEFAULT_IDENTITY, formatBootloaderVersion } from '../../src/lib/core/virtual-bms/board/device-identity';
import { makeTestFirmware, type FirmwareBehaviour } from '../../src/lib/core/virtual-bms/firmware-behaviour';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { publicKeyToPem } from '../../src/lib/core/image/keys';
import { formatVersion, parseVersion } from '../../src/lib/core/image/version';
import { VENDOR_TEST_KEY } from '../../src/lib/core/image/test-keys';
import { CATALOG_FORMAT, type CatalogImage, type CatalogText, type FirmwareCatalog } from '../../src/lib/ui/catalog/catalog';

/** Firmware-sized enough for a visible progress bar, small enough for fast e2e runs over the virtual link. */
const PAYLOAD_SIZE = 16 * 1024;

interface Release {
  id: string;
  version: string;
  securityCounter: number;
  hwRevisions: string[];
  safetyCritical?: boolean;
  /** test and fault-demonstration builds are listed apart from the releases */
  kind?: CatalogImage['kind'];
  resetsSettings?: boolean;
  /** "major.minor.revision"; the virtual BMS's own bootloader by default */
  minBootloader?: string;
  behaviour?: Partial<FirmwareBehaviour>;
  releasedAt: string;
  releaseNotes: CatalogText;
}

const MODEL = DEFAULT_IDENTITY.model;
const REV = DEFAULT_IDENTITY.hwRev;
const MIN_BOOTLOADER = formatBootloaderVersion(DEFAULT_IDENTITY.bootloaderVersion);

const RELEASES: readonly Release[] = [
  {
    id: 'vbms-1.1.0',
    version: '1.1.0',
    securityCounter: 2,
    hwRevisions: [REV],
    safetyCritical: true,
    releasedAt: '2026-03-02',
    releaseNotes: {
      en: 'Stable release: finer cell-balancing thresholds, protection limits reviewed (safety-critical: wired links only). Raises the security counter to 2.',
      fr: "Version stable : seuils d'équilibrage plus fins, limites de protection revues (critique pour la sécurité : liaisons filaires uniquement). Porte le compteur de sécurité à 2."
    }
  },
  {
    id: 'vbms-1.2.0-selftest-fail',
    version: '1.2.0',
    securityCounter: 2,
    hwRevisions: [REV],
    kind: 'test',
    behaviour: { selfTestFailures: ['voltage_calibration'] },
    releasedAt: '2026-04-10',
    releaseNotes: {
      en: 'TEST BUILD: its voltage calibration self-test fails after boot, so the device falls back to the previous firmware.',
      fr: "VERSION DE TEST : son autotest d'étalonnage de tension échoue après le démarrage, l'appareil revient donc au firmware précédent."
    }
  },
  {
    id: 'vbms-1.3.0-boot-loop',
    version: '1.3.0',
    securityCounter: 2,
    hwRevisions: [REV],
    kind: 'test',
    behaviour: { bootLoop: true },
    releasedAt: '2026-05-05',
    releaseNotes: {
      en: 'TEST BUILD: crashes at start (boot loop, as a firmware built for other hardware would); the bootloader reverts it.',
      fr: "VERSION DE TEST : plante au démarrage (boucle de démarrage, comme un firmware fait pour un autre matériel) ; le chargeur d'amorçage la rétablit."
    }
  },
  {
    id: 'vbms-1.4.0-config-reset',
    version: '1.4.0',
    securityCounter: 2,
    hwRevisions: [REV],
    resetsSettings: true,
    behaviour: { resetConfig: true },
    releasedAt: '2026-06-01',
    releaseNotes: {
      en: 'New settings layout: the settings return to their defaults at first start. Restore your backup afterwards.',
      fr: 'Nouvelle organisation des réglages : ils reviennent aux valeurs par défaut au premier démarrage. Restaurez ensuite votre sauvegarde.'
    }
  },
  {
    id: 'vbms-2.0.0-new-bootloader',
    version: '2.0.0',
    securityCounter: 2,
    hwRevisions: [REV],
    minBootloader: '3.0.0',
    releasedAt: '2026-07-01',
    releaseNotes: {
      en: 'Next major release: needs bootloader 3.0.0 or newer, which only the factory can install. Boards with an older bootloader stay on 1.1.0.',
      fr: "Prochaine version majeure : demande un chargeur d'amorçage 3.0.0 ou plus récent, que seule l'usine peut installer. Les cartes au chargeur plus ancien restent en 1.1.0."
    }
  },
  {
    id: 'vbms-1.1.0-rev-c',
    version: '1.1.0',
    securityCounter: 2,
    hwRevisions: ['C'],
    releasedAt: '2026-03-02',
    releaseNotes: {
      en: 'Stable release for hardware revision C boards only.',
      fr: 'Version stable pour les cartes de révision matérielle C uniquement.'
    }
  },
  {
    id: 'vbms-0.9.0',
    version: '0.9.0',
    securityCounter: 0,
    kind: 'test',
    hwRevisions: [REV],
    releasedAt: '2025-11-20',
    releaseNotes: {
      en: 'Old release with security counter 0: anti-rollback refuses it on devices at a higher security level.',
      fr: "Ancienne version au compteur de sécurité 0 : l'anti-retour la refuse sur les appareils d'un niveau de sécurité supérieur."
    }
  }
];

export interface CatalogFile {
  /** relative to static/firmware/ */
  path: string;
  bytes: Uint8Array;
}

export interface BuiltCatalog {
  catalog: FirmwareCatalog;
  /** catalog.json as written on disk */
  json: string;
  files: CatalogFile[];
}

export function buildCatalog(): BuiltCatalog {
  const files: CatalogFile[] = [];
  const images: CatalogImage[] = RELEASES.map((release) => {
    const bytes = makeTestFirmware({
      version: release.version,
      securityCounter: release.securityCounter,
      behaviour: release.behaviour,
      size: PAYLOAD_SIZE,
      metadata: {
        model: MODEL,
        hwRevisions: release.hwRevisions,
        safetyCritical: release.safetyCritical ?? false,
        minBootloader: release.minBootloader ? parseVersion(release.minBootloader) : DEFAULT_IDENTITY.bootloaderVersion
      }
    });
    const parsed = parseImage(bytes);
    const path = `${release.id}.bin`;
    files.push({ path, bytes });
    return {
      id: release.id,
      model: MODEL,
      hwRevisions: [...release.hwRevisions],
      version: formatVersion(parsed.header.version),
      securityCounter: release.securityCounter,
      safetyCritical: release.safetyCritical ?? false,
      minBootloader: release.minBootloader ?? MIN_BOOTLOADER,
      kind: release.kind ?? 'release',
      resetsSettings: release.resetsSettings ?? false,
      releasedAt: release.releasedAt,
      releaseNotes: release.releaseNotes,
      path,
      size: bytes.length,
      sha256: bytesToHex(sha256(bytes)),
      imageHash: bytesToHex(parsed.imageHash!)
    };
  });
  const catalog: FirmwareCatalog = { format: CATALOG_FORMAT, name: 'Virtual BMS firmware (signed with the vendor TEST key)', images };
  return { catalog, json: `${JSON.stringify(catalog, null, 2)}\n`, files };
}

/** Served beside the catalog: the key its images are signed with (a published TEST key of the simulator). */
export const VENDOR_KEY_FILE = 'vbms-vendor.pub.pem';

export function vendorKeyPem(): string {
  return publicKeyToPem(VENDOR_TEST_KEY.publicKey);
}
