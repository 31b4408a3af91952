/**
 * Bundled into an init script (virtual-serial.ts) and run in the page before the app: replaces
 * navigator.serial with the stand-in wired to an in-page virtual BMS, and hands scenarios the
 * simulator and the transport/SMP modules as `window.bmsTest`.
 */
import { identity } from '../../../src/lib/core/protocol/smp/groups/bms-client';
import { echo } from '../../../src/lib/core/protocol/smp/groups/os-group';
import { testLink } from '../../../src/lib/core/protocol/smp/link-test';
import { SmpClient } from '../../../src/lib/core/protocol/smp/smp-client';
import { installVirtualSerial } from '../../../src/lib/platform/web/testing/virtual-serial';
import { openWebSerialLink } from '../../../src/lib/platform/web/links/web-serial-link';
import { createMcumgrDevice } from '../../../src/lib/core/virtual-bms/mcumgr/mcumgr-device';

/** A spec may ask for a stock mcumgr device behind the port (useStockMcumgr in virtual-serial.ts). */
const stock = (globalThis as unknown as { bmsTestStock?: { swap: boolean } }).bmsTestStock;
const virtual = installVirtualSerial(stock ? { device: createMcumgrDevice({ swap: stock.swap }) } : {});

const bmsTest = { virtual, openWebSerialLink, SmpClient, identity, echo, testLink };

export type BmsTest = typeof bmsTest;

(globalThis as unknown as { bmsTest: BmsTest }).bmsTest = bmsTest;
