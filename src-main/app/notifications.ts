// Runs in: Electron main process. Desktop notifications for the notifier: the OS's own pop-up, or
// nothing where the platform has none (some Linux desktops), since the in-app list still has the item.
import { Notification } from 'electron'
import type { DesktopNotification } from '../workflow/notify/notifier'

/** `onClick`: usually "show the window", so the pop-up leads straight to the item's screen. */
export function desktopNotifier(onClick?: () => void): (n: DesktopNotification) => void {
  if (!Notification.isSupported()) return () => {}
  return (n) => {
    const shown = new Notification({ title: n.title, body: n.body })
    if (onClick) shown.on('click', onClick)
    shown.show()
  }
}
