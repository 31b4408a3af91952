/**
 * Tests: a virtual stock mcumgr device joined to this project's SMP client over the link layer's
 * in-process line, booted and answering, with the device's buffers learnt as the procedure learns them.
 */
import { connectPacedLink, type PacedLink } from '../../../link/paced-link';
import { SmpClient, type SmpClientOptions } from '../../../protocol/smp/smp-client';
import { echo, negotiateLimits } from '../../../protocol/smp/groups/os-group';
import type { VirtualBms } from '../../virtual-bms';
import { createMcumgrDevice, type McumgrDeviceOptions } from '../mcumgr-device';

export interface McumgrConnection {
  dev: VirtualBms;
  link: PacedLink;
  client: SmpClient;
  /** text outside SMP frames the client saw (shell echo, prompts, log lines) */
  noise: string[];
  close(): Promise<void>;
}

export async function connectMcumgr(options: McumgrDeviceOptions = {}, clientOptions: SmpClientOptions = {}): Promise<McumgrConnection> {
  const dev = createMcumgrDevice(options);
  const link = connectPacedLink(dev.port, { pace: false });
  const noise: string[] = [];
  const client = new SmpClient(link, { timeoutMs: 300, retries: 4, ...clientOptions });
  client.listen((event) => (event.type === 'noise' ? noise.push(event.text) : undefined));
  const close = async () => {
    await client.close();
    await link.close();
  };
  try {
    // The board boots first; echoes cover the bootloader's start-up time.
    await echo(client, 'boot', { retries: 10, timeoutMs: 200 });
    if (options.params !== false) await negotiateLimits(client);
  } catch (error) {
    await close();
    throw error;
  }
  return { dev, link, client, noise, close };
}
