import { useCallback, useSyncExternalStore } from 'react';

/**
 * "Use less data": on a metered phone plan, previews of images and PDFs wait for a tap and lists
 * ask for shorter pages. What data costs belongs to the device (the same person may be on office
 * wifi and on prepaid data on the bus), so the choice is kept in this browser, not the account.
 * With no choice made here, the browser's own Save-Data (`navigator.connection.saveData`, set by
 * Android's and Chrome's data saver) decides.
 */
export const DATA_SAVER_KEY = 'convene.dataSaver';

type Choice = 'on' | 'off' | null;

interface NetworkInformationLike extends EventTarget {
  saveData?: boolean;
}

function connection(): NetworkInformationLike | undefined {
  return typeof navigator === 'undefined'
    ? undefined
    : (navigator as Navigator & { connection?: NetworkInformationLike }).connection;
}

function readChoice(): Choice {
  try {
    const value = window.localStorage.getItem(DATA_SAVER_KEY);
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    return null; // storage refused (private mode, blocked): no choice remembered
  }
}

// Components of this tab hear a change at once; other tabs through the storage event.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === DATA_SAVER_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  const network = connection();
  network?.addEventListener?.('change', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
    network?.removeEventListener?.('change', listener);
  };
}

// A string, so that React sees the same snapshot while nothing changed.
const snapshot = () => `${readChoice() ?? ''}|${connection()?.saveData === true}`;
const serverSnapshot = () => '|false';

export interface DataSaver {
  /** Whether to spare data now: this device's choice, else what the browser asks. */
  on: boolean;
  /** The browser (or the phone's system) asks sites to save data. */
  browserAsks: boolean;
  /** Turns it on or off on this device, whatever the browser asks. */
  set: (on: boolean) => void;
}

export function useDataSaver(): DataSaver {
  const [choice, browser] = useSyncExternalStore(subscribe, snapshot, serverSnapshot).split('|');
  const browserAsks = browser === 'true';
  const set = useCallback((on: boolean) => {
    try {
      window.localStorage.setItem(DATA_SAVER_KEY, on ? 'on' : 'off');
    } catch {
      // Not kept; nothing else to do without storage.
    }
    for (const listener of [...listeners]) listener();
  }, []);
  return { on: choice === 'on' || (choice !== 'off' && browserAsks), browserAsks, set };
}
