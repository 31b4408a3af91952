import type { ErrorCode } from '../../core/error-registry';
import type { ErrorText } from '../error-text';
import { familyEn } from './errors/family';
import { smpEn } from './errors/smp';
import { linkEn } from './errors/link';
import { deviceEn } from './errors/device';
import { smpImageEn } from './errors/smp-image';
import { smpRawEn } from './errors/smp-raw';
import { smpBmsEn } from './errors/smp-bms';
import { smpRcEn } from './errors/smp-rc';
import { smpFrameEn } from './errors/smp-frame';
import { updateSessionEn } from './errors/update-session';
import { updatePreflightEn } from './errors/update-preflight';
import { updateInstallEn } from './errors/update-install';
import { updateBootEn } from './errors/update-boot';
import { imageEn } from './errors/image';
import { generalEn } from './errors/general';
import { linkPortEn } from './errors/link-port';
import { linkSessionEn } from './errors/link-session';
import { linkBleEn } from './errors/link-ble';
import { backupEn } from './errors/backup';
import { canEn } from './errors/can';
import { isotpEn } from './errors/isotp';
import { dalyEn } from './errors/daly';
import { foxbmsEn } from './errors/foxbms';
import { jbdEn } from './errors/jbd';
import { jkEn } from './errors/jk';
import { modbusEn } from './errors/modbus';
import { smpSettingsFsEn } from './errors/smp-settings-fs';
import { thingsetEn } from './errors/thingset';
import { updateOutcomeEn } from './errors/update-outcome';
import { rs485En } from './errors/rs485';

/** Every error code's text in English; a missing code is a type error. */
export const enErrors = {
  ...smpEn,
  ...linkEn,
  ...deviceEn,
  ...smpImageEn,
  ...smpRawEn,
  ...smpBmsEn,
  ...smpRcEn,
  ...smpFrameEn,
  ...updateSessionEn,
  ...updatePreflightEn,
  ...updateInstallEn,
  ...updateBootEn,
  ...imageEn,
  ...generalEn,
  ...linkPortEn,
  ...linkSessionEn,
  ...linkBleEn,
  ...backupEn,
  ...canEn,
  ...isotpEn,
  ...dalyEn,
  ...foxbmsEn,
  ...jbdEn,
  ...jkEn,
  ...modbusEn,
  ...smpSettingsFsEn,
  ...thingsetEn,
  ...updateOutcomeEn,
  ...familyEn,
  ...rs485En
} satisfies Record<ErrorCode, ErrorText>;
