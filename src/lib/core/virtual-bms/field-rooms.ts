/**
 * The field-BMS rooms behind one table, for `bms-flasher sim --family` and the app's Virtual BMS panel:
 * each makes its room from a saved state (or factory-new) and says what it is.
 */
import type { DeviceClock } from './board/device-clock';
import type { DevicePort } from '../link/device-port';
import { fail } from '../errors';
import { DalyRoom, type DalyRoomState } from './daly/daly-room';
import { JbdRoom, JBD_ROOM_NAME, type JbdRoomState } from './jbd/jbd-room';
import { JkRoom, JK_ROOM_MODEL, type JkRoomState } from './jk/jk-room';

export type FieldFamily = 'jbd' | 'jk' | 'daly';
export type FieldRoomState = JbdRoomState | JkRoomState | DalyRoomState;

export interface FieldRoom {
  readonly family: FieldFamily;
  readonly port: DevicePort;
  /** one line for the simulator's banner */
  describe(): string;
  exportState(): FieldRoomState;
}

function wrap(family: FieldFamily, room: JbdRoom | JkRoom | DalyRoom, label: string): FieldRoom {
  return {
    family,
    port: room.port,
    describe: () => `${label}, ${room.pack.cellCount} cells, ${room.port.baudRate} baud 8N1, state of charge ${Math.round(room.reading().socPm / 10)} %`,
    exportState: () => room.exportState()
  };
}

export const FIELD_ROOMS: Record<FieldFamily, (state: FieldRoomState | undefined, clock?: DeviceClock) => FieldRoom> = {
  jbd: (state, clock) => wrap('jbd', new JbdRoom({ clock, state: state as JbdRoomState | undefined }), `JBD ${JBD_ROOM_NAME}`),
  jk: (state, clock) => {
    const room = new JkRoom({ clock, state: state as JkRoomState | undefined });
    return wrap('jk', room, `JK-PB ${JK_ROOM_MODEL} (Modbus slave ${room.slave})`);
  },
  daly: (state, clock) => wrap('daly', new DalyRoom({ clock, state: state as DalyRoomState | undefined }), 'Daly (RS485 host 0x40, UART host 0x80)')
};

export function isFieldFamily(name: string): name is FieldFamily {
  return Object.hasOwn(FIELD_ROOMS, name);
}

/** A room from a saved state; the state must belong to the family asked for. */
export function createFieldRoom(family: FieldFamily, state?: FieldRoomState, clock?: DeviceClock): FieldRoom {
  if (state && state.family !== family) fail('DEVICE_STATE_INVALID', `the saved state is a ${String(state.family)} device, not ${family}`);
  return FIELD_ROOMS[family](state, clock);
}
