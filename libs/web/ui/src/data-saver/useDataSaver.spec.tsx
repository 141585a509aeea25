/**
 * @jest-environment jsdom
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../testing/render-page';
import { DataSaverSwitch } from './DataSaverSwitch';
import { LoadOnTap } from './LoadOnTap';
import { DATA_SAVER_KEY, useDataSaver } from './useDataSaver';
import { usePageSize } from './usePageSize';

/** What the browser says of its connection (`navigator.connection`), which jsdom lacks. */
class FakeConnection extends EventTarget {
  saveData = false;
  change(saveData: boolean) {
    this.saveData = saveData;
    this.dispatchEvent(new Event('change'));
  }
}

function Page() {
  const { on } = useDataSaver();
  const pageSize = usePageSize(25);
  return (
    <>
      <DataSaverSwitch />
      <p>{`saving: ${on}, page of ${pageSize}`}</p>
      <LoadOnTap size={1_250_000}>
        <img src="/api/documents/d-1/content" alt="Leaflet, page one" />
      </LoadOnTap>
    </>
  );
}

const show = (locale: 'en' | 'ar' = 'en') =>
  renderPage(<Page />, { route: '/', at: '/', namespaces: {}, mocks: [], locale });

describe('useDataSaver', () => {
  let connection: FakeConnection;
  beforeEach(() => {
    window.localStorage.clear();
    connection = new FakeConnection();
    Object.defineProperty(navigator, 'connection', { configurable: true, value: connection });
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'connection');
  });

  it('loads previews at once and asks for full pages when nothing asks to save data', () => {
    show();
    expect(screen.getByText('saving: false, page of 25')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Leaflet, page one' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Tap to load preview/ })).toBeNull();
    expect(screen.getByRole('switch', { name: /^Use less data/ })).toHaveProperty('checked', false);
  });

  it('follows the browser’s Save-Data: the preview waits for a tap that says what it weighs', async () => {
    connection.saveData = true;
    show();
    expect(screen.getByText('saving: true, page of 13')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText(/your browser asks to save data/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tap to load preview (1.2 MB)' }));
    expect(screen.getByRole('img', { name: 'Leaflet, page one' })).toBeTruthy();
  });

  it('hears the browser change its mind while the page is open', () => {
    show();
    act(() => connection.change(true));
    expect(screen.getByText('saving: true, page of 13')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('keeps the person’s choice on this device, over what the browser asks', async () => {
    show();
    await userEvent.click(screen.getByRole('switch', { name: /^Use less data/ }));
    expect(window.localStorage.getItem(DATA_SAVER_KEY)).toBe('on');
    expect(screen.getByText('saving: true, page of 13')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Tap to load preview/ })).toBeTruthy();

    // Turned off while the browser asks to save data: the person's word wins.
    act(() => connection.change(true));
    await userEvent.click(screen.getByRole('switch', { name: /^Use less data/ }));
    expect(window.localStorage.getItem(DATA_SAVER_KEY)).toBe('off');
    expect(screen.getByText('saving: false, page of 25')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Leaflet, page one' })).toBeTruthy();
  });

  it('takes a choice made in another tab', () => {
    show();
    act(() => {
      window.localStorage.setItem(DATA_SAVER_KEY, 'on');
      window.dispatchEvent(new StorageEvent('storage', { key: DATA_SAVER_KEY, newValue: 'on' }));
    });
    expect(screen.getByText('saving: true, page of 13')).toBeTruthy();
  });

  it('says it in Arabic', () => {
    window.localStorage.setItem(DATA_SAVER_KEY, 'on');
    show('ar');
    expect(screen.getByRole('switch', { name: /^استخدام بيانات أقل/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('button', { name: /^اضغط لتحميل المعاينة \(.+\)$/ })).toBeTruthy();
  });
});

describe('usePageSize', () => {
  function Size({ of }: { of: number }) {
    return <span>{`${usePageSize(of)} `}</span>;
  }
  function Sizes() {
    return (
      <p>
        {[100, 50, 25, 20, 5].map((size) => (
          <Size key={size} of={size} />
        ))}
      </p>
    );
  }
  it('asks for about half, never fewer than five (nor more than asked)', () => {
    window.localStorage.setItem(DATA_SAVER_KEY, 'on');
    renderPage(<Sizes />, { route: '/', at: '/', namespaces: {}, mocks: [] });
    expect(screen.getByRole('paragraph').textContent).toBe('50 25 13 10 5 ');
  });
});
