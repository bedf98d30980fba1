import { notifications } from '@mantine/notifications';

/** a toast whose close button has a name (Mantine's has none, which axe counts as critical) */
export function notify(message: string, opts: { title?: string; error?: boolean } = {}) {
  notifications.show({
    message,
    title: opts.title,
    color: opts.error ? 'red' : undefined,
    closeButtonProps: { 'aria-label': 'Dismiss' },
  });
}
