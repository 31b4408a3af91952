/**
 * The faults the campaign injects, each as the hardware or the user would cause it: on the device (power,
 * flash, self-test hardware, a slow MCU, the pack leaving its band), on the line (cable, noise, baud) or
 * in the tool (a reloaded tab, a killed CLI). A fault is injected when the update reaches a point: a
 * phase's start, or an image byte offset of the transfer. The campaign then does what the technician
 * does before reconnecting: power back on, the pack back in its band, the faulty part fixed.
 */
import type { FlashPhase } from '../../virtual-bms/mcuboot/bootloader';
import type { PhaseName } from '../update-state';
import type { CampaignFamily, CampaignRig } from './campaign-families';

export type InjectionPoint = { phase: PhaseName } | { offset: number };

export interface FaultRun {
  rig: CampaignRig;
  point: InjectionPoint;
  /** seeded: the same seed makes the same choices */
  random: () => number;
  /** stops the tool's run, as a closed tab or a killed process does */
  abort: AbortController;
  /** a host timer the campaign cancels when the run is over */
  later(ms: number, run: () => void): void;
}

export interface FaultKind {
  id: string;
  label: string;
  /** false: the fault is in the image, so every run has it from the start and the point is not used */
  pointed: boolean;
  /** false: nobody is left to be told an outcome (the page or the process is gone) */
  outcomeSeen: boolean;
  image?(family: CampaignFamily): Uint8Array;
  /** arms an exact trigger before the run for an offset point (a device-side trigger beats a progress callback) */
  armAtOffset?(run: FaultRun, offset: number): void;
  inject(run: FaultRun): void;
}

/** Where a fault at a phase boundary lands in the flash: the stage the device works on next. */
const FLASH_STAGE: Partial<Record<PhaseName, FlashPhase>> = {
  'verify-on-device': 'pending',
  'test-boot': 'swap',
  'self-test': 'confirm',
  confirm: 'confirm',
  'balance-check': 'config',
  'config-check': 'config'
};

/** The band edges crossed on purpose: 15 % charge (R01 needs ≥ 30 %), 48 °C (R02 allows ≤ 45 °C). */
const LOW_SOC_PM = 150;
const HOT_DC = 480;

/**
 * The pack leaves its band at the point and comes back after a seeded time (the hold may outlast the
 * pause timeout: then the transfer stops) or not at all until the technician fixes it.
 */
function excursion(run: FaultRun, leave: () => void, back: () => void) {
  leave();
  const roll = run.random();
  if (roll < 0.7) run.later(roll * 2_000, back);
}

export const FAULT_KINDS: readonly FaultKind[] = [
  {
    id: 'power-loss',
    label: 'power loss',
    pointed: true,
    outcomeSeen: true,
    // Mid-program of the upload page holding that byte; the supply comes back after a seeded time.
    armAtOffset: (run, offset) => run.rig.bms.powerLossAt({ uploadOffset: offset, restoreAfterMs: Math.round(run.random() * 600 * run.rig.speed) }),
    inject(run) {
      const { bms } = run.rig;
      const roll = run.random();
      void bms.powerOff().then(() => {
        if (roll < 0.8) run.later(10 + roll * 400, () => void bms.powerOn());
      });
    }
  },
  {
    id: 'cable-pull',
    label: 'cable pulled',
    pointed: true,
    outcomeSeen: true,
    inject: (run) => run.rig.link.disconnect('cable pulled (fault campaign)')
  },
  ...[1e-5, 1e-4, 1e-3].map(
    (rate): FaultKind => ({
      id: `bit-errors-${rate}`,
      label: `bit errors ${rate.toExponential(0)}`,
      pointed: true,
      outcomeSeen: true,
      inject: (run) => run.rig.link.setBitErrorRate(rate)
    })
  ),
  {
    id: 'baud-mismatch',
    label: 'baud mismatch (host 57600, device 115200)',
    pointed: true,
    outcomeSeen: true,
    inject: (run) => void run.rig.link.setBaudRate?.(57_600)
  },
  {
    id: 'slow-device',
    label: 'slow device (20–250 ms per answer)',
    pointed: true,
    outcomeSeen: true,
    inject: (run) => run.rig.bms.setResponseDelay(Math.round((20 + run.random() * 230) * run.rig.speed))
  },
  {
    id: 'flash-write-error',
    label: 'flash write error',
    pointed: true,
    outcomeSeen: true,
    inject(run) {
      const stage = 'phase' in run.point ? (FLASH_STAGE[run.point.phase] ?? 'upload') : 'upload';
      run.rig.bms.failFlashOperations(stage, 1 + Math.floor(run.random() * 3));
    }
  },
  {
    id: 'self-test-failure',
    label: 'self-test failure (CAN transceiver fails)',
    pointed: true,
    outcomeSeen: true,
    inject: (run) => run.rig.bms.setInterfaceFault('can', true)
  },
  {
    id: 'boot-loop',
    label: 'boot loop (image crashes before confirming)',
    pointed: false,
    outcomeSeen: true,
    image: (family) => family.bootLoopImage,
    inject: () => {}
  },
  {
    id: 'soc-leaves-band',
    label: 'charge leaves the band mid-update',
    pointed: true,
    outcomeSeen: true,
    inject(run) {
      const { battery } = run.rig.bms;
      const before = battery.state.socPm;
      excursion(run, () => battery.setSoc(LOW_SOC_PM), () => battery.setSoc(before));
    }
  },
  {
    id: 'temperature-leaves-band',
    label: 'temperature leaves the band mid-update',
    pointed: true,
    outcomeSeen: true,
    inject(run) {
      const { battery } = run.rig.bms;
      const before = battery.state.ambientDc;
      excursion(run, () => battery.setTemperature(HOT_DC), () => battery.setTemperature(before));
    }
  },
  {
    // The page goes: its run is stopped and the port closed; a new page starts over with the stored backup.
    id: 'tab-reloaded',
    label: 'tab reloaded mid-update',
    pointed: true,
    outcomeSeen: false,
    inject(run) {
      run.abort.abort(new Error('page reloaded'));
      run.rig.link.disconnect('page reloaded: port closed');
    }
  },
  {
    // The process dies between two bytes: the port closes first, nothing more is said to the device.
    id: 'cli-killed',
    label: 'CLI killed mid-update (modelled: port gone, run stopped)',
    pointed: true,
    outcomeSeen: false,
    inject(run) {
      run.rig.link.disconnect('process killed');
      run.abort.abort(new Error('SIGKILL'));
    }
  }
];
