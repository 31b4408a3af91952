import { describe, expect, it } from 'vitest';
import { openError, openSerialPortLink } from './serialport-link';

describe('serialport link open errors', () => {
  it.each([
    ['Error: No such file or directory, cannot open /dev/ttyUSB3', 'LINK_PORT_NOT_FOUND'],
    ['Opening COM9: File not found', 'LINK_PORT_NOT_FOUND'],
    ['Error Resource temporarily unavailable Cannot lock port', 'LINK_PORT_BUSY'],
    ['Opening COM3: Access denied', 'LINK_PORT_BUSY'],
    ['Error: Permission denied, cannot open /dev/ttyUSB0', 'LINK_OPEN_FAILED'],
    ['Something unexpected', 'LINK_OPEN_FAILED']
  ])('maps "%s" to %s', (text, code) => {
    expect(openError(new Error(text), '/dev/ttyX').code).toBe(code);
  });

  it('names the dialout fix for a permission error', () => {
    expect(openError(new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), '/dev/ttyUSB0').detail).toContain(
      'usermod -aG dialout'
    );
  });

  it('rejects a missing port with LINK_PORT_NOT_FOUND', async () => {
    await expect(openSerialPortLink({ path: '/nonexistent/ttyBMS', baudRate: 115200 })).rejects.toMatchObject({
      code: 'LINK_PORT_NOT_FOUND'
    });
  });
});
