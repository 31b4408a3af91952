import type { SmpSettingsFsErrorCode } from '../../../core/protocol/smp/smp-settings-fs-codes';
import type { ErrorText } from '../../error-text';

export const smpSettingsFsEn = {
  SMP_SETTING_NOT_FOUND: {
    summary: 'The device has no setting under this name.',
    diagnosis: 'The name is not one this firmware stores, or the setting was never written (its default applies).',
    fix: 'Check the setting name against the firmware documentation; the detail names the setting.'
  },
  SMP_SETTING_REFUSED: {
    summary: 'The device refused to read, write, delete or save a setting.',
    diagnosis: 'The name is too long, belongs to no settings handler, or that handler does not allow this operation.',
    fix: 'Read the detail: use a name the firmware handles, and only the operations its documentation allows.'
  },
  SMP_FILE_NOT_FOUND: {
    summary: 'The file does not exist on the device.',
    diagnosis: 'The path is wrong, the file system is not mounted, or the firmware keeps its settings elsewhere.',
    fix: 'Check the absolute path (for example /lfs/settings.txt) against the firmware documentation.'
  },
  SMP_FILE_FAILED: {
    summary: 'The device could not read or write the file.',
    diagnosis: 'An invalid name or offset, a read-only or full file system, or a flash error on the device.',
    fix: 'Retry the transfer from the start; if it fails again, read the detail and check the device file system.'
  }
} satisfies Record<SmpSettingsFsErrorCode, ErrorText>;
