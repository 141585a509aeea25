import { useEffect } from 'react';

/**
 * When a form is sent with fields its own checks refuse, focus goes to the first of them and it is
 * scrolled into sight: the message may be far above the button that was pressed (a meeting's end
 * before its start, at the top of a long form). One listener for every form of the app.
 */
export function FocusFirstInvalid() {
  useEffect(() => {
    const onSubmit = (event: Event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      // Mantine marks the fields after its checks ran, in the same turn as the submit.
      requestAnimationFrame(() => {
        const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (!invalid || invalid.contains(document.activeElement)) return;
        invalid.scrollIntoView({ block: 'center' });
        invalid.focus({ preventScroll: true });
      });
    };
    document.addEventListener('submit', onSubmit);
    return () => document.removeEventListener('submit', onSubmit);
  }, []);
  return null;
}
