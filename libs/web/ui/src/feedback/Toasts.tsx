import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** Where toasts appear: below the page, never over the header and its buttons. */
export default function Toasts() {
  return <Notifications position="bottom-center" />;
}
