import type { ErrorCode } from '../../core/error-registry';
import type { ErrorText } from '../error-text';
import { familyFr } from './errors/family';
import { smpFr } from './errors/smp';
import { linkFr } from './errors/link';
import { deviceFr } from './errors/device';
import { smpImageFr } from './errors/smp-image';
import { smpRawFr } from './errors/smp-raw';
import { smpBmsFr } from './errors/smp-bms';
import { smpRcFr } from './errors/smp-rc';
import { smpFrameFr } from './errors/smp-frame';
import { updateSessionFr } from './errors/update-session';
import { updatePreflightFr } from './errors/update-preflight';
import { updateInstallFr } from './errors/update-install';
import { updateBootFr } from './errors/update-boot';
import { imageFr } from './errors/image';
import { generalFr } from './errors/general';
import { linkPortFr } from './errors/link-port';
import { linkSessionFr } from './errors/link-session';
import { linkBleFr } from './errors/link-ble';
import { backupFr } from './errors/backup';
import { canFr } from './errors/can';
import { isotpFr } from './errors/isotp';
import { dalyFr } from './errors/daly';
import { foxbmsFr } from './errors/foxbms';
import { jbdFr } from './errors/jbd';
import { jkFr } from './errors/jk';
import { modbusFr } from './errors/modbus';
import { smpSettingsFsFr } from './errors/smp-settings-fs';
import { thingsetFr } from './errors/thingset';
import { updateOutcomeFr } from './errors/update-outcome';
import { rs485Fr } from './errors/rs485';

/** Every error code's text in French; a missing code is a type error. */
export const frErrors = {
  ...smpFr,
  ...linkFr,
  ...deviceFr,
  ...smpImageFr,
  ...smpRawFr,
  ...smpBmsFr,
  ...smpRcFr,
  ...smpFrameFr,
  ...updateSessionFr,
  ...updatePreflightFr,
  ...updateInstallFr,
  ...updateBootFr,
  ...imageFr,
  ...generalFr,
  ...linkPortFr,
  ...linkSessionFr,
  ...linkBleFr,
  ...backupFr,
  ...canFr,
  ...isotpFr,
  ...dalyFr,
  ...foxbmsFr,
  ...jbdFr,
  ...jkFr,
  ...modbusFr,
  ...smpSettingsFsFr,
  ...thingsetFr,
  ...updateOutcomeFr,
  ...familyFr,
  ...rs485Fr
} satisfies Record<ErrorCode, ErrorText>;
