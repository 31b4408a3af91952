/**
 * The connected device, shared by every page: connection status, identity, link, the last telemetry
 * and a few minutes of pack voltage. Calls go to the session worker (session-client.ts); pages that
 * need more (pre-flight, update, restore) call `deviceConnection.api` directly.
 */
import type { ErrorData, Result } from '$lib/core/errors';
import type { LinkInfo } from '$lib/core/link/link';
import type { BmsIdentity, BmsTelemetry } from '$lib/core/protocol/smp/groups/bms-group';
import type { FamilyDescription } from '$lib/core/family/device-session';
import type { ConnectedDevice, LinkTestOutcome, SessionApi, SessionEvent } from '$lib/platform/web/session/session-api';
import { sessionApi } from '$lib/platform/web/session/session-client';
import { portIdentity } from '$lib/platform/web/links/web-serial-ports';
import type { SerialPortLike } from '$lib/platform/web/links/web-serial-types';
import type { UsbDeviceLike } from '$lib/platform/web/links/webusb-types';
import type { BluetoothDeviceLike } from '$lib/platform/web/links/web-bluetooth-types';
import { rememberConnection, type RememberedPort } from './remembered';

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'lost';

/** How much pack-voltage history the Device page draws. */
export const HISTORY_MS = 5 * 60_000;

export interface PackSample {
  /** ms since the epoch */
  at: number;
  mv: number;
}

class DeviceConnection {
  status = $state<ConnectionStatus>('disconnected');
  identity = $state.raw<BmsIdentity | undefined>();
  link = $state.raw<LinkInfo | undefined>();
  /** transport parameters, for the log */
  connection = $state<string | undefined>();
  /** the device's family: what the tool can check on it and what it cannot */
  family = $state.raw<FamilyDescription | undefined>();
  telemetry = $state.raw<BmsTelemetry | undefined>();
  history = $state.raw<PackSample[]>([]);
  /** why the last connect failed or the device was lost */
  error = $state.raw<ErrorData | undefined>();
  linkTest = $state.raw<Result<LinkTestOutcome> | undefined>();
  /** what happened to the connection when the app itself knows (the Virtual BMS was reset to factory) */
  notice = $state<'factory-reset' | undefined>();
  #listening = false;

  get connected(): boolean {
    return this.status === 'connected';
  }

  /** The session worker's calls (started on first use; browser only). */
  get api(): SessionApi {
    const api = sessionApi();
    if (!this.#listening) {
      this.#listening = true;
      api.onEvent((event) => this.#hear(event));
    }
    return api;
  }

  connectVirtual(baudRate?: number): Promise<Result<ConnectedDevice>> {
    return this.#connect(() => this.api.connectVirtual({ baudRate }), { kind: 'virtual' }, baudRate);
  }

  connectSerial(port: SerialPortLike, baudRate: number): Promise<Result<ConnectedDevice>> {
    return this.#connect(() => this.api.connectSerial(port, baudRate), { kind: 'web-serial', ...portIdentity(port) }, baudRate);
  }

  connectUsb(device: UsbDeviceLike, baudRate: number): Promise<Result<ConnectedDevice>> {
    const port = { kind: 'webusb', usbVendorId: device.vendorId, usbProductId: device.productId } as const;
    return this.#connect(() => this.api.connectUsb(device, baudRate), port, baudRate);
  }

  async disconnect(): Promise<void> {
    await this.api.disconnect();
    this.#reset('disconnected');
  }

  /**
   * Reads who the device is and what it runs, again: after an update, a reset or a reconnect the
   * firmware version and security counter shown must be the device's, not the ones read at connect.
   */
  async refreshIdentity(): Promise<void> {
    if (!this.connected) return;
    const result = await this.api.identity();
    if (result.ok) this.identity = result.value;
    else this.error = result.error;
  }

  /**
   * The Virtual BMS was replaced by a factory-new board, which cut its line: not a lost connection to
   * investigate (nor an update to resume) but a closed one, said as such.
   */
  async factoryResetDone(): Promise<void> {
    if (this.status === 'disconnected') return;
    await this.api.disconnect();
    this.#reset('disconnected');
    this.notice = 'factory-reset';
  }

  /** Reads the telemetry once; a failure marks the device lost only when the link itself is gone. */
  async refreshTelemetry(): Promise<void> {
    // A device without battery readings has nothing to show; the Device page says so instead.
    if (!this.connected || this.family?.battery === false) return;
    const result = await this.api.telemetry();
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    const now = Date.now();
    this.telemetry = result.value;
    this.history = [...this.history.filter((s) => s.at > now - HISTORY_MS), { at: now, mv: result.value.pack_mv }];
  }

  /** Reads the telemetry every `everyMs` while connected; returns the stop (call it on page leave). */
  poll(everyMs = 1000): () => void {
    let stopped = false;
    const tick = async () => {
      if (stopped) return;
      await this.refreshTelemetry();
      if (!stopped) timer = setTimeout(tick, everyMs);
    };
    let timer = setTimeout(tick, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  async runLinkTest(): Promise<void> {
    this.linkTest = undefined;
    this.linkTest = await this.api.linkTest();
  }

  /** A wireless link: not remembered (the chooser is needed again) and no baud rate. */
  connectBluetooth(device: BluetoothDeviceLike): Promise<Result<ConnectedDevice>> {
    return this.#connect(() => this.api.connectBluetooth(device), undefined, undefined);
  }

  async #connect(open: () => Promise<Result<ConnectedDevice>>, port: RememberedPort | undefined, baudRate: number | undefined) {
    this.#reset('connecting');
    const result = await open();
    if (!result.ok) {
      this.#reset('disconnected');
      this.error = result.error;
      return result;
    }
    const { identity, link, connection, family } = result.value;
    this.identity = identity;
    this.family = family;
    this.link = link;
    this.connection = connection;
    this.status = 'connected';
    if (port) rememberConnection({ ...port, model: identity.model }, baudRate ?? link.baudRate ?? 0);
    void this.refreshTelemetry();
    return result;
  }

  #hear(event: SessionEvent): void {
    if (event.type === 'disconnected') {
      this.status = 'lost';
      this.error = event.error;
    } else {
      this.link = event.link;
      this.status = 'connected';
      this.error = undefined;
      // A reconnect follows a reset or a power cut: what runs may have changed.
      void this.refreshIdentity();
    }
  }

  #reset(status: ConnectionStatus): void {
    this.status = status;
    this.identity = undefined;
    this.link = undefined;
    this.connection = undefined;
    this.family = undefined;
    this.telemetry = undefined;
    this.history = [];
    this.error = undefined;
    this.linkTest = undefined;
    this.notice = undefined;
  }
}

export const deviceConnection = new DeviceConnection();
