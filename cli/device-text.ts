/**
 * How the device commands show what the BMS reports: image slots and a telemetry summary, as text for
 * people and as plain JSON (hashes in hex) for scripts. Shared by `info` and `state`.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ImageSlotState } from '../src/lib/core/protocol/smp/groups/image-group';
import { ProtectionFlag, type BmsIdentity, type BmsTelemetry } from '../src/lib/core/protocol/smp/groups/bms-group';
import { formatClock } from '../src/lib/core/format';
import type { FamilyDescription, FamilyProfile } from '../src/lib/core/family/device-session';
import { familyAbilities, type AbilityId } from '../src/lib/core/family/family-abilities';

const ALL_REPORTED: FamilyProfile['reports'] = { serial: true, model: true, hwRev: true, securityCounter: true };

/** What the tool can and cannot check on a device, in the words of the Device page (English). */
const ABILITY_TEXT: Record<AbilityId, { can: string; cannot: string }> = {
  battery: {
    can: 'measures state of charge, temperatures and supply before and during the update',
    cannot: 'cannot measure the pack: you enter the state of charge and temperature read on site (--operator-soc, --operator-temp)'
  },
  config: { can: 'backs up and restores the settings', cannot: 'cannot back up settings: this device exposes none (or name them: --setting, --file)' },
  auth: {
    can: 'opens an authenticated maintenance session with your technician key',
    cannot: 'cannot prove who writes: the device accepts anyone on the link; you acknowledge it (--allow-unauthenticated)'
  },
  'self-test': { can: "reads the new firmware's self-test and the balance test", cannot: "cannot check the new firmware's self-test or cell balancing" },
  'boot-log': { can: 'reads the boot sequence (protections off, firmware loaded, protections on)', cannot: 'cannot read the boot sequence: only which image runs is proven' },
  fallback: { can: 'returns to the previous firmware if the new one fails (fallback bank)', cannot: 'cannot return to the previous firmware: the bootloader has no fallback bank (or does not say)' },
  signature: { can: 'the bootloader refuses an image whose signature does not verify', cannot: "the bootloader's own signature check is not known: only this tool's check protects the device" }
};

/** "family: …", then one line per ability, for `info`. */
export function familyLines(family: FamilyDescription): string[] {
  const abilities = familyAbilities(family);
  const config = family.config ? ` (${family.config})` : '';
  return [
    `family: ${family.profile.label}; bootloader: ${family.profile.bootloader.source}`,
    'the tool can:',
    ...abilities.filter((a) => a.can).map((a) => `  + ${ABILITY_TEXT[a.id].can}${a.id === 'config' ? config : ''}`),
    'the tool cannot:',
    ...(abilities.some((a) => !a.can) ? abilities.filter((a) => !a.can).map((a) => `  - ${ABILITY_TEXT[a.id].cannot}`) : ['  (nothing: every check applies)'])
  ];
}

const FLAGS = ['active', 'confirmed', 'pending', 'bootable', 'permanent'] as const;

export interface SlotJson {
  image: number;
  slot: number;
  version: string;
  hash: string | null;
  flags: string[];
}

export function slotJson(slot: ImageSlotState): SlotJson {
  return {
    image: slot.image,
    slot: slot.slot,
    version: slot.version,
    hash: slot.hash ? bytesToHex(slot.hash) : null,
    flags: FLAGS.filter((flag) => slot[flag])
  };
}

/** One line per slot: "  slot 1  1.1.0+0  <hash>  pending bootable". */
export function slotLines(slots: ImageSlotState[]): string[] {
  if (slots.length === 0) return ['  (no image reported)'];
  const multiImage = slots.some((s) => s.image !== 0);
  const versions = Math.max(...slots.map((s) => s.version.length));
  return slots.map((slot) => {
    const { hash, flags } = slotJson(slot);
    const name = multiImage ? `image ${slot.image} slot ${slot.slot}` : `slot ${slot.slot}`;
    return `  ${name}  ${slot.version.padEnd(versions)}  ${hash ?? '(no hash)'}  ${flags.join(' ') || '-'}`.trimEnd();
  });
}

export function identityJson(identity: BmsIdentity) {
  return { ...identity, fw_hash: bytesToHex(identity.fw_hash) };
}

export function identityLines(identity: BmsIdentity, reports: FamilyProfile['reports'] = ALL_REPORTED): string[] {
  const mode = identity.in_bootloader ? 'BOOTLOADER ONLY (serial recovery: no application runs)' : 'application running';
  const said = (value: string, reported: boolean) => (reported && value !== '' ? value : 'not reported');
  return [
    `${said(identity.model, reports.model)}  serial ${said(identity.serial, reports.serial)}  hardware rev ${said(identity.hw_rev, reports.hwRev)}  bootloader ${said(identity.bl_version, true)}`,
    `firmware ${identity.fw_version}  ${mode}  security counter ${said(String(identity.sec_cnt), reports.securityCounter)}`,
    `firmware hash ${bytesToHex(identity.fw_hash)}`
  ];
}

export interface TelemetrySummary {
  soc_percent: number;
  pack_v: number;
  supply_v: number;
  current_a: number;
  cells: { count: number; min_mv: number; max_mv: number; spread_mv: number; balancing: number };
  temperatures_c: { min: number | null; max: number | null; sensors: number; silent: number };
  protections: string[];
  chg_fet: boolean;
  dsg_fet: boolean;
  cycles: number;
  uptime_s: number;
}

export function summarizeTelemetry(t: BmsTelemetry): TelemetrySummary {
  const temps = t.temps_dc.filter((v): v is number => v !== null).map((v) => v / 10);
  const minCell = t.cells_mv.length > 0 ? Math.min(...t.cells_mv) : 0;
  const maxCell = t.cells_mv.length > 0 ? Math.max(...t.cells_mv) : 0;
  return {
    soc_percent: t.soc_pm / 10,
    pack_v: t.pack_mv / 1000,
    supply_v: t.supply_mv / 1000,
    current_a: t.current_ma / 1000,
    cells: { count: t.cells_mv.length, min_mv: minCell, max_mv: maxCell, spread_mv: maxCell - minCell, balancing: t.balancing.filter(Boolean).length },
    temperatures_c: {
      min: temps.length > 0 ? Math.min(...temps) : null,
      max: temps.length > 0 ? Math.max(...temps) : null,
      sensors: t.temps_dc.length,
      silent: t.temps_dc.length - temps.length
    },
    protections: Object.entries(ProtectionFlag)
      .filter(([, bit]) => (t.protections & bit) !== 0)
      .map(([name]) => name),
    chg_fet: t.chg_fet,
    dsg_fet: t.dsg_fet,
    cycles: t.cycles,
    uptime_s: Math.round(t.uptime_ms / 1000)
  };
}

export function telemetryLines(s: TelemetrySummary): string[] {
  const onOff = (on: boolean) => (on ? 'on' : 'OFF');
  const temps =
    s.temperatures_c.min === null
      ? `no temperature sensor answers (${s.temperatures_c.sensors})`
      : `temperatures ${s.temperatures_c.min.toFixed(1)} … ${s.temperatures_c.max!.toFixed(1)} °C (${s.temperatures_c.sensors} sensors` +
        `${s.temperatures_c.silent > 0 ? `, ${s.temperatures_c.silent} silent` : ''})`;
  return [
    `  state of charge ${s.soc_percent.toFixed(1)} %  pack ${s.pack_v.toFixed(2)} V  supply ${s.supply_v.toFixed(2)} V  current ${s.current_a.toFixed(2)} A`,
    `  ${s.cells.count} cells ${s.cells.min_mv} … ${s.cells.max_mv} mV (spread ${s.cells.spread_mv} mV), ${s.cells.balancing} balancing`,
    `  ${temps}`,
    `  protections ${s.protections.join(', ') || 'none'}  charge FET ${onOff(s.chg_fet)}  discharge FET ${onOff(s.dsg_fet)}` +
      `  cycles ${s.cycles}  uptime ${formatClock(s.uptime_s)}`
  ];
}
