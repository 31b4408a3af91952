import type { LinkPortErrorCode } from '../../../core/link/link-port-codes';
import type { ErrorText } from '../../error-text';

export const linkPortEn = {
  LINK_NO_PORT_SELECTED: {
    summary: 'No port was chosen.',
    diagnosis: 'The port chooser was closed without a choice. If your adapter was not in the list: the cable may carry power only, the USB-serial driver may be missing (CP210x, CH340/CH343, FTDI, PL2303), or the adapter is not in the suggested list.',
    fix: 'Plug the adapter in with a data cable and open the chooser again; use "Show all ports" if it is still missing, and install the driver of its chip if the list stays empty.'
  },
  LINK_NOT_SUPPORTED: {
    summary: 'This browser cannot talk to serial or USB devices.',
    diagnosis: 'Web Serial and WebUSB exist only in Chromium-based browsers (Chrome, Edge, Opera) on desktop, in a secure (https) page; Chrome on Android has WebUSB but not Web Serial; Safari and iOS have neither.',
    fix: 'Open this page in Chrome or Edge on a computer, or in Chrome on Android with a USB-OTG adapter, or use the bms-flasher command-line tool.'
  },
  LINK_PICKER_BLOCKED: {
    summary: 'The browser refused to show the port chooser.',
    diagnosis: 'The chooser may only open right after a click, in a secure (https) page, and when the site settings or an embedding page allow serial/USB access.',
    fix: 'Click the Connect button again (do not wait between the click and the chooser), and allow serial/USB access in the site settings.'
  },
  LINK_PORT_BUSY: {
    summary: 'The port is already in use.',
    diagnosis: 'Another program holds it open: a serial monitor (Arduino IDE, PuTTY, screen, minicom), another tab or window of this tool, or on Linux ModemManager or brltty probing new adapters.',
    fix: 'Close the other program or tab (on Linux: `sudo systemctl stop ModemManager`, and remove brltty if a CH340 keeps disappearing), then connect again.'
  },
  LINK_OPEN_FAILED: {
    summary: 'The operating system could not open the port.',
    diagnosis: 'On Linux your user is usually not allowed to use serial ports (not in the "dialout" group, or no udev rule); elsewhere the driver is missing or broken, or another program holds the port.',
    fix: 'Linux: run `sudo usermod -aG dialout $USER`, log out and back in, then reconnect. Windows/macOS: install the driver of the adapter chip and close other serial programs.'
  },
  LINK_PORT_NOT_FOUND: {
    summary: 'The serial port does not exist.',
    diagnosis: 'Nothing is connected at that path or COM name: the adapter is unplugged, got another name (ttyUSB1, COM7), or its driver is missing.',
    fix: 'Plug the adapter in, list the ports (`ls /dev/ttyUSB* /dev/ttyACM*` on Linux, Device Manager on Windows) and use the name shown.'
  },
  LINK_DRIVER_MISSING: {
    summary: 'The USB-serial adapter needs its chip driver.',
    diagnosis: 'This adapter uses a vendor chip (Silicon Labs CP210x, WCH CH340/CH343, FTDI, Prolific PL2303) that the system or this browser cannot drive without its driver: the port list stays empty, or on Android the chip is not a standard CDC-ACM device.',
    fix: "Install the driver from the chip maker (Silicon Labs \"CP210x VCP\", WCH \"CH341SER\"/\"CH343SER\", FTDI \"VCP\", Prolific \"PL2303\"), replug, and retry; on Android use a CDC-ACM adapter or the device's native USB port."
  },
  LINK_DEVICE_LOST_ON_RESET: {
    summary: 'The device did not come back after its reset.',
    diagnosis: 'Devices with a native USB port disconnect and reconnect (re-enumerate) when they reset into or out of the bootloader; it did not reappear in time, or it came back under another identity the browser has not been allowed to use.',
    fix: 'Wait a few seconds and press Reconnect; if the chooser opens, pick the device again (it may show a new name). If it never reappears, power-cycle the BMS.'
  },
  LINK_INVALID_SETTINGS: {
    summary: 'The port settings were refused.',
    diagnosis: 'The adapter or browser does not accept this baud rate, data bits, parity or stop bits combination.',
    fix: 'Choose a standard rate (9600, 19200, 38400, 57600, 115200) and 8N1 unless the device documents otherwise.'
  },
  LINK_USB_ACCESS_DENIED: {
    summary: 'The browser was denied access to the USB device.',
    diagnosis: 'Another driver owns the device: on Windows a serial (CDC) device belongs to the usbser driver and is reachable only through Web Serial; on Linux/Android the kernel driver or another app holds the interface.',
    fix: 'On a computer use the "Serial port" connection instead of "USB"; on Android close other USB apps, replug the device and accept the permission prompt.'
  },
  LINK_USB_NOT_SERIAL: {
    summary: 'This USB device is not a serial (CDC-ACM) device.',
    diagnosis: 'It has no CDC data interface with bulk endpoints, so no serial line can be opened on it: probably the wrong device was chosen.',
    fix: 'Choose the BMS or its USB-serial adapter in the list; unplug other USB devices if unsure which one it is.'
  },
  LINK_PTY_UNAVAILABLE: {
    summary: 'The pseudo-terminal for the simulator could not be created.',
    diagnosis: 'The simulator needs `socat` to create a pseudo-terminal pair; it is missing, or the link path cannot be written.',
    fix: 'Install socat (`sudo apt-get install socat`) and choose a path in a writable folder, e.g. /tmp/bms-sim.'
  }
} satisfies Record<LinkPortErrorCode, ErrorText>;
