/**
 * Where the Virtual BMS keeps its board between visits: IndexedDB in the browser (it survives reloads
 * and works offline), a Map in Node tests. One record: the device's exported state (flash, identity,
 * battery), the line faults set in the panel, and which app technician keys were enrolled on it.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { VirtualBmsState } from '../../../core/virtual-bms/virtual-bms';
import type { WireFaults } from './faulty-wire';

export interface SavedBoard {
  state: VirtualBmsState;
  wire: WireFaults;
  /** extra delay before every SMP response, ms (a slow device) */
  responseDelayMs: number;
  /** hex of the app technician keys enrolled on this board (first use, or the panel's button) */
  enrolled: string[];
  /** ISO 8601 */
  savedAt: string;
  /** which device the board plays (default 'bms', boards saved before families existed) */
  family?: VirtualFamily;
}

/** Our BMS, or a stock MCUboot + mcumgr device with or without a bootloader that swaps. */
export type VirtualFamily = 'bms' | 'mcumgr' | 'mcumgr-no-swap';

export interface BoardSlot {
  load(): Promise<SavedBoard | undefined>;
  save(board: SavedBoard): Promise<void>;
}

const ENTRY = 'board';

export function idbBoardSlot(): BoardSlot {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore('bms-flasher-virtual-bms', 'boards'));
  return {
    load: () => get<SavedBoard>(ENTRY, db()),
    save: (board) => set(ENTRY, board, db())
  };
}

/** For tests: a slot in memory, optionally holding a board already. */
export function memoryBoardSlot(initial?: SavedBoard): BoardSlot & { saved: SavedBoard | undefined } {
  const slot = {
    saved: initial,
    load: async () => slot.saved && structuredClone(slot.saved),
    save: async (board: SavedBoard) => {
      slot.saved = structuredClone(board);
    }
  };
  return slot;
}

