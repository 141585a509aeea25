// What the header shows beside the account of a signed-in person (search, the bell): loaded once
// someone is signed in, never on the sign-in page or the public forms.
import { HeaderSearch } from '@convene/web-discussions';
import { NotificationBell } from '@convene/web-notifications';

export default function HeaderActions() {
  return (
    <>
      <HeaderSearch />
      <NotificationBell />
    </>
  );
}
