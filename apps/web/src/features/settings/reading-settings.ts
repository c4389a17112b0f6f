import { useSyncExternalStore } from 'react';

/**
 * Reading settings: larger text and more line spacing, remembered on this device (localStorage) and
 * applied to the whole app by classes on <html> (see reading.css).
 */
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export const LINE_SPACINGS = ['normal', 'wide'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export type LineSpacing = (typeof LINE_SPACINGS)[number];
export interface ReadingSettings {
  size: TextSize;
  spacing: LineSpacing;
}

const STORAGE_KEY = 'dari.reading';
const DEFAULTS: ReadingSettings = { size: 'normal', spacing: 'normal' };

export function readReadingSettings(): ReadingSettings {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return DEFAULTS;
    const { size, spacing } = raw as Record<string, unknown>;
    return {
      size: (TEXT_SIZES as readonly unknown[]).includes(size) ? (size as TextSize) : 'normal',
      spacing: (LINE_SPACINGS as readonly unknown[]).includes(spacing) ? (spacing as LineSpacing) : 'normal',
    };
  } catch {
    return DEFAULTS; // storage blocked or garbled
  }
}

export function applyReadingSettings(settings: ReadingSettings): void {
  const html = document.documentElement;
  for (const size of TEXT_SIZES)
    html.classList.toggle(`reading-size-${size}`, size !== 'normal' && size === settings.size);
  html.classList.toggle('reading-spacing-wide', settings.spacing === 'wide');
}

let current: ReadingSettings = readReadingSettings();
const listeners = new Set<() => void>();

export function setReadingSettings(next: ReadingSettings): void {
  current = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // still applies to this visit
  }
  applyReadingSettings(next);
  for (const listener of listeners) listener();
}

/** Re-reads storage (tests, or another tab). */
export function reloadReadingSettings(): void {
  current = readReadingSettings();
  applyReadingSettings(current);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) reloadReadingSettings();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useReadingSettings(): [ReadingSettings, (next: ReadingSettings) => void] {
  const settings = useSyncExternalStore(subscribe, () => current);
  return [settings, setReadingSettings];
}

// Applied as soon as this module loads (with the header, before the first paint of a page).
applyReadingSettings(current);
