/**
 * The session worker's work (session-api.ts): one device session at a time over a bridged link, the
 * core update procedure, pre-flight and restore. The platform (stores, technician key, SHA-256) is passed
 * in, so Node tests run this module directly against the virtual BMS, without a Worker.
 */
import { restoreBackup, previewRestore } from '../../../core/backup/restore-backup';
import { BmsError, toResult, type Result } from '../../../core/errors';
import type { Sha256 } from '../../../core/image/hash-image';
import type { Link, LinkInfo } from '../../../core/link/link';
import type { BmsTelemetry } from '../../../core/protocol/smp/groups/bms-group';
import { checkLink } from '../../../core/update/checks/device-checks';
import type { SafetyLimits } from '../../../core/update/checks/safety-limits';
import { runUpdate } from '../../../core/update/run-update';
import { runPreflight } from '../../../core/update/run-preflight';
import { describeFamily, need, type DeviceSession } from '../../../core/family/device-session';
import { DeviceConnection } from '../../../core/family/device-connection';
import type { FamilySessionOptions } from '../../../core/family/detect-family';
import type { TechnicianSigner } from '../../../core/family/technician-signer';
import { keysForTarget, trustTargetOf } from '../../../core/update/trust-scope';
import type { UpdateOptions, UpdateStores } from '../../../core/update/update-context';
import type { UpdateTimings } from '../../../core/update/update-timings';
import { linkOverMessagePort, type BridgePort } from './link-bridge';
import type { ConnectedDevice, PreflightOptions, SessionEvent, SessionService } from './session-api';

export interface SessionPlatform {
  stores: UpdateStores;
  /** this browser's technician key (technician-key.ts); undefined when none exists yet */
  technicianKey(): Promise<TechnicianSigner | undefined>;
  sha256?: Sha256;
  /** recorded in reports, e.g. "bms-flasher 0.1.0 (web)" */
  tool: string;
  /** SMP timeouts and polling; the defaults suit real devices, tests shorten them */
  session?: Omit<FamilySessionOptions, 'link' | 'reopen'>;
  timings?: Partial<UpdateTimings>;
  limits?: Partial<SafetyLimits>;
}

interface Connection {
  device: DeviceConnection;
  closing: boolean;
}

export function createSessionService(platform: SessionPlatform): SessionService {
  let current: Connection | undefined;
  let running: AbortController | undefined;
  /** the procedure's latest reading while an update runs (see startUpdate) */
  let monitored: BmsTelemetry | undefined;

  const connected = (): Connection => {
    if (!current) throw new BmsError('LINK_NOT_CONNECTED', 'no device session is open');
    return current;
  };
  const idle = () => {
    if (running) throw new BmsError('UPDATE_ALREADY_RUNNING', 'wait for the running update to finish or stop it first');
  };
  const closeCurrent = async () => {
    const connection = current;
    if (!connection) return;
    running?.abort();
    connection.closing = true;
    current = undefined;
    await connection.device.close();
  };
  const baseOptions = (session: DeviceSession, request: PreflightOptions): UpdateOptions => {
    // Decided here, where the link is known for certain: the page cannot widen a real port's trust.
    const scoped = keysForTarget(trustTargetOf(session.link), request.trustedKeys, request);
    return {
      session,
      store: platform.stores,
      trustedKeys: scoped.keys,
      withheldKeys: scoped.withheld,
      checklist: request.checklist,
      operatorReadings: request.operatorReadings,
      sha256: platform.sha256,
      tool: platform.tool,
      timings: platform.timings,
      limits: platform.limits
    };
  };
  /** A call on the session, as a Result (codes survive Comlink). */
  const call = <T>(task: (session: DeviceSession) => Promise<T>): Promise<Result<T>> =>
    toResult(() => task(connected().device.session));

  return {
    connectPort(port, info, onEvent, reopen) {
      return toResult(async () => {
        await closeCurrent();
        let connection: Connection | undefined;
        const tell = (event: SessionEvent) => {
          if (connection && current === connection && !connection.closing) notify(onEvent, event);
        };
        const watch = (link: Link): Link => {
          link.onDisconnect(() =>
            tell({ type: 'disconnected', error: { code: 'LINK_DISCONNECTED', detail: `${link.info.label}: the device went away` } })
          );
          return link;
        };
        const open = (bridgePort: MessagePort, linkInfo: LinkInfo) =>
          watch(linkOverMessagePort(bridgePort as unknown as BridgePort, linkInfo));
        let first: MessagePort | undefined = port;
        const device = await DeviceConnection.open({
          session: platform.session,
          reopenable: reopen !== undefined,
          async openLink() {
            const next = first ?? (await reopen!());
            first = undefined;
            return open(next, info);
          },
          onReopen: (link) => tell({ type: 'reconnected', link: { ...link.info } })
        });
        connection = { device, closing: false };
        current = connection;
        try {
          const line = await device.connect();
          const session = device.session;
          return { identity: await session.identity(), link: { ...session.link }, connection: line, family: describeFamily(session) };
        } catch (error) {
          await closeCurrent();
          throw error;
        }
      });
    },
    disconnect: () => toResult(closeCurrent),
    identity: () => call((session) => session.identity()),
    // During an update the page gets the procedure's own latest reading: an extra request could take
    // one of the few device buffers the upload window uses.
    telemetry: () => call(async (session) => (running && monitored) || need(session, 'battery').telemetry()),
    imageState: () => call((session) => session.imageState()),
    linkTest: () =>
      call(async (session) => {
        const report = await session.linkTest();
        return { report, check: checkLink(report) };
      }),
    preflight(image, options) {
      return call(async (session) => {
        idle();
        return runPreflight(new Uint8Array(image), baseOptions(session, options));
      });
    },
    startUpdate(image, request, onState, onLog) {
      return call(async (session) => {
        idle();
        const controller = new AbortController();
        running = controller;
        monitored = undefined;
        const battery = session.battery;
        const watched: DeviceSession = battery
          ? Object.assign(Object.create(session) as DeviceSession, { battery: { telemetry: async () => (monitored = await battery.telemetry()) } })
          : session;
        try {
          return await runUpdate(new Uint8Array(image), {
            ...baseOptions(watched, request),
            technicianKey: await platform.technicianKey(),
            signal: controller.signal,
            onState: (state, timeline) => notify(onState, state, [...timeline]),
            log: (entry) => notify(onLog, entry)
          });
        } finally {
          if (running === controller) running = undefined;
        }
      });
    },
    async cancel() {
      running?.abort();
    },
    readConfig: () => call((session) => need(session, 'config').readConfig()),
    previewRestore: (backup) => call((session) => previewRestore(session, backup)),
    restoreBackup: (backup) =>
      call(async (session) => {
        idle();
        return restoreBackup(session, backup, await platform.technicianKey());
      })
  };
}

/**
 * Calls a page listener. Through Comlink it is a remote call returning a promise, which rejects when the
 * page has gone: the engine carries on regardless (the update must finish safely without a viewer).
 */
function notify<A extends unknown[]>(listener: ((...args: A) => unknown) | undefined, ...args: A): void {
  if (!listener) return;
  try {
    Promise.resolve(listener(...args)).catch(() => {});
  } catch {
    // same: a listener failing synchronously does not stop the session
  }
}

