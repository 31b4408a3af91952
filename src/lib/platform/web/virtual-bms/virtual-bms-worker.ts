/// <reference lib="webworker" />
// Module worker: the Virtual BMS board, saved in IndexedDB. Its lines' MessagePorts are transferred to
// the page, which hands them to the session worker.
import { expose, transfer } from 'comlink';
import { createTechnicianKey, loadTechnicianKey } from '../storage/technician-key';
import { idbBoardSlot } from './board-store';
import { createVirtualBmsService, type VirtualBmsService } from './virtual-bms-service';

let appKey: Promise<Uint8Array> | undefined;

const service = createVirtualBmsService({
  slot: idbBoardSlot(),
  // Once per worker: two calls racing to create the key would otherwise make two different keys.
  appKey: () =>
    (appKey ??= loadTechnicianKey()
      .then((key) => key ?? createTechnicianKey('This browser'))
      .then((key) => key.publicKey))
});

const facade: VirtualBmsService = {
  ...service,
  async openLine(options) {
    const line = await service.openLine(options);
    return line.ok ? transfer(line, [line.value.port]) : line;
  }
};

expose(facade);
