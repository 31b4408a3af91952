import { browser } from '$app/environment';
import { pickLanguage, translate, type Lang, type MessageKey, type MessageParams } from '../i18n/translate';

const STORAGE_KEY = 'bms-flasher.lang';

/** The interface language. Pages are prerendered in English; the browser switches after hydration. */
export const language = $state<{ current: Lang }>({ current: 'en' });

/** Reactive in templates: reading `language.current` here makes callers re-render on a switch. */
export function t(key: MessageKey, params?: MessageParams): string {
  return translate(language.current, key, params);
}

export function initLanguage(): void {
  if (!browser) return;
  apply(pickLanguage(readStored(), navigator.languages ?? [navigator.language]));
}

export function setLanguage(lang: Lang): void {
  apply(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts for this visit only.
  }
}

function apply(lang: Lang): void {
  language.current = lang;
  document.documentElement.lang = lang;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
