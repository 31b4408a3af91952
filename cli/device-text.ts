/**
 * How the device commands show what the BMS reports: image slots and a telemetry summary, as text for
 * people and as plain JSON (hashes in hex) for scripts. Shared by `info` and `state`.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ImageSlotState } from '../src/lib/core/protocol/smp/groups/image-group';
import { ProtectionFlag, type BmsIdentity, type BmsTelemetry } from '../src/lib/core/protocol/smp/groups/bms-group';
import { formatClock } from '../src/lib/core/format';

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

export function identityLines(identity: BmsIdentity): string[] {
  const mode = identity.in_bootloader ? 'BOOTLOADER ONLY (serial recovery: no application runs)' : 'application running';
  return [
    `${identity.model}  serial ${identity.serial}  hardware rev ${identity.hw_rev}  bootloader ${identity.bl_version}`,
    `firmware ${identity.fw_version}  ${mode}  security counter ${identity.sec_cnt}`,
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
