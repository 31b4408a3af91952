import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../cli/commands';
import { ERROR_CODES } from '$lib/core/error-registry';
import { en } from '../../i18n/en/messages';
import { fr } from '../../i18n/fr/messages';
import { howTos } from './how-tos';

/** Labels quoted in a step ("…" in English, « … » in French). */
const quoted = (text: string) => [...text.matchAll(/"([^"]+)"|« ([^»]+) »/g)].map((m) => (m[1] ?? m[2]).trim());

describe('Help: how-tos say what the app does (R05, R09, R22, R23)', () => {
  it('R05 R09 R22 the four how-tos a technician needs exist in English and French, step for step', () => {
    const ids = ['first-update', 'stuck-device', 'restore-settings', 'choose-interface'];
    expect(howTos('en').map((h) => h.id)).toEqual(ids);
    expect(howTos('fr').map((h) => h.id)).toEqual(ids);
    for (const [i, howTo] of howTos('en').entries()) expect(howTos('fr')[i].steps).toHaveLength(howTo.steps.length);
  });

  it('R21 every quoted label is one the app shows, every code and CLI command named exists', () => {
    for (const [lang, messages] of [['en', en], ['fr', fr]] as const) {
      const titles = howTos(lang).map((h) => h.title);
      const labels = [...Object.values(messages), ...titles];
      for (const step of howTos(lang).flatMap((h) => h.steps)) {
        for (const label of quoted(step)) expect(labels.some((text) => text.startsWith(label)), `${lang}: "${label}"`).toBe(true);
        for (const [code] of step.matchAll(/\b[A-Z]+(?:_[A-Z]+)+\b/g)) expect(ERROR_CODES, code).toHaveProperty(code);
        for (const [, command] of step.matchAll(/bms-flasher (\w+)/g)) expect(COMMANDS, command).toHaveProperty(command);
      }
    }
  });
});
