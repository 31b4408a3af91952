/**
 * R23: where to look first for a failure: the binary (package, signatures, compatibility), the
 * hardware (interface, wiring, sensors, the device itself) or the power (charge, supply, power cuts).
 * The rest are the procedure's own conditions (checklist, operator stop, backups).
 */
export type RootCause = 'binary' | 'hardware' | 'power' | 'procedure';

const BY_CODE: Record<string, RootCause> = {
  UPDATE_SOC_OUT_OF_RANGE: 'power',
  UPDATE_SUPPLY_UNSTABLE: 'power',
  UPDATE_DEVICE_LOST: 'power',
  UPDATE_TEMPERATURE_OUT_OF_RANGE: 'procedure',
  UPDATE_TEMPERATURE_SENSOR_FAILED: 'hardware',
  UPDATE_LINK_TEST_FAILED: 'hardware',
  UPDATE_TRANSFER_TIMEOUT: 'hardware',
  UPDATE_DEVICE_CHANGED: 'hardware',
  UPDATE_VERIFY_HASH_MISMATCH: 'hardware',
  UPDATE_SELF_TEST_FAILED: 'hardware',
  UPDATE_BALANCE_TEST_FAILED: 'hardware',
  UPDATE_PROTECTIONS_NOT_RESTORED: 'binary',
  UPDATE_HARDWARE_INCOMPATIBLE: 'binary',
  UPDATE_BOOTLOADER_TOO_OLD: 'binary',
  UPDATE_DOWNGRADE_BLOCKED: 'binary',
  UPDATE_AUTH_REJECTED: 'binary',
  UPDATE_BOOT_LOOP: 'binary',
  UPDATE_IMAGE_NOT_BOOTED: 'binary',
  UPDATE_CONFIRM_FAILED: 'binary',
  UPDATE_CONFIG_RESET: 'binary',
  UPDATE_INTEGRITY_UNKNOWN_IMAGE: 'binary',
  UPDATE_RECOVERY_NOT_ALLOWED: 'binary',
  UPDATE_FALLBACK_UNPROVEN: 'hardware',
  UPDATE_DEVICE_IN_BOOTLOADER: 'binary',
  UPDATE_UNCONFIRMED_IMAGE_RUNNING: 'procedure',
  UPDATE_SAME_IMAGE_RUNNING: 'procedure',
  UPDATE_STATE_UNKNOWN: 'power'
};

export function rootCauseOf(code: string): RootCause {
  const known = BY_CODE[code];
  if (known) return known;
  if (code.startsWith('IMAGE_')) return 'binary';
  if (code.startsWith('LINK_') || code.startsWith('SMP_FRAME_') || code === 'SMP_TIMEOUT' || code === 'SMP_UPLOAD_STALLED') return 'hardware';
  if (code.startsWith('SMP_') || code.startsWith('DEVICE_')) return 'hardware';
  return 'procedure';
}

export const ROOT_CAUSE_TEXT: Record<RootCause, { en: string; fr: string }> = {
  binary: {
    en: 'The binary: check the package signature, its key chain and its compatibility matrix.',
    fr: 'Le binaire : vérifiez la signature du paquet, sa chaîne de clés et sa matrice de compatibilité.'
  },
  hardware: {
    en: 'The hardware: run the interface diagnostics (link test), check cables, wiring and the device.',
    fr: "Le matériel : lancez les diagnostics d'interface (test de liaison), vérifiez câbles, câblage et appareil."
  },
  power: {
    en: 'The power: watch the supply readings and the state of charge during the transfer; use a stable source.',
    fr: "L'alimentation : surveillez les mesures d'alimentation et l'état de charge pendant le transfert ; utilisez une source stable."
  },
  procedure: {
    en: 'The procedure: a condition of the site or of the operation; follow the fix.',
    fr: "La procédure : une condition du site ou de l'opération ; suivez la solution."
  }
};
