/**
 * The Web Serial link in real Chromium, against the virtual BMS behind a navigator.serial stand-in:
 * Chromium's own ReadableStream/WritableStream, reader and writer locks, and close rules.
 */
import { expect, test } from '@playwright/test';
import type { SerialLike } from '../../src/lib/platform/web/links/web-serial-types';
import type { BmsTest } from './helpers/virtual-serial-page';
import { installVirtualSerialPage } from './helpers/virtual-serial';

declare const bmsTest: BmsTest;
/** What the app reaches: navigator.serial (Chromium's own, replaced by the stand-in before the app ran). */
declare const navigator: { serial: SerialLike };

test.beforeEach(async ({ page }) => {
  await installVirtualSerialPage(page);
  await page.goto('/');
});

test('R12 the Web Serial link reads the BMS identity and echoes through Chromium streams, then releases the port', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const { virtual, openWebSerialLink, SmpClient, identity, echo } = bmsTest;
    while (virtual.bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 10));
    const port = await navigator.serial.requestPort({ filters: [{ usbVendorId: 0x10c4 }] });
    const link = await openWebSerialLink(port, { baudRate: 115200 });
    const client = new SmpClient(link);
    const who = await identity(client);
    const text = 'Bonjour from Chromium: ✓ 0123456789';
    const echoed = await echo(client, text);
    // While the link is open its read loop holds the reader lock on Chromium's own stream.
    const readable = port.readable;
    const native = readable instanceof ReadableStream && port.writable instanceof WritableStream;
    const lockedWhileOpen = readable?.locked ?? false;
    await client.close();
    await link.close();
    // Closed with every lock released: the port opens again (Chrome refuses that while a lock is held).
    await port.open({ baudRate: 115200 });
    const reopened = port.readable !== null && !port.readable.locked;
    await port.close();
    return { who: { model: who.model, serial: who.serial, fw: who.fw_version }, echoed, text, native, lockedWhileOpen, reopened, link: link.info.label };
  });
  expect(result.who).toEqual({ model: 'VBMS-16S', serial: 'VB2400001', fw: '1.0.0+0' });
  expect(result.echoed).toBe(result.text);
  expect(result).toMatchObject({ native: true, lockedWhileOpen: true, reopened: true });
  expect(result.link).toContain('@ 115200');
});

test('R06 at the wrong baud rate the link test in the browser names the rate the BMS answers at', async ({ page }) => {
  const outcome = await page.evaluate(async () => {
    const { virtual, openWebSerialLink, SmpClient, testLink } = bmsTest;
    while (virtual.bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 10));
    const port = await navigator.serial.requestPort();
    const link = await openWebSerialLink(port, { baudRate: 57600 });
    const client = new SmpClient(link);
    try {
      await testLink(client, { rounds: 3, timeoutMs: 200 });
      return { code: 'none', detail: '' };
    } catch (error) {
      return { code: (error as { code: string }).code, detail: (error as { detail: string }).detail };
    } finally {
      await client.close();
      await link.close();
    }
  });
  expect(outcome).toEqual({ code: 'LINK_BAUD_MISMATCH', detail: 'device answers at 115200, you selected 57600' });
});

test('R16 unplugging the adapter fails the pending request with LINK_DISCONNECTED, not a hang', async ({ page }) => {
  const code = await page.evaluate(async () => {
    const { virtual, openWebSerialLink, SmpClient, echo } = bmsTest;
    while (virtual.bms.status !== 'app') await new Promise((resolve) => setTimeout(resolve, 10));
    const link = await openWebSerialLink(await navigator.serial.requestPort(), { baudRate: 115200 });
    const client = new SmpClient(link);
    await virtual.bms.powerOff();
    const pending = echo(client, 'anyone there?').catch((error: { code: string }) => error.code);
    virtual.port.unplug();
    const result = await pending;
    await client.close();
    await link.close();
    return result;
  });
  expect(code).toBe('LINK_DISCONNECTED');
});
