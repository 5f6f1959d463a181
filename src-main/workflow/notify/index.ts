// Runs in: any process (pure). Notification rules: quiet hours, what is urgent, what it says.
// The notifier (notifier.ts) is not re-exported here: it touches the store and timers.
export { inQuietHours, quietHoursEnd, QUIET_HOURS_TIME_ZONE } from './quiet-hours'
export {
  desktopText,
  isUrgent,
  mentionKey,
  mentionNotification,
  placeOf,
  postKey,
  reportKey,
  RESTRICTED_TITLE,
  type NotifiableMention,
  type NotificationText,
} from './rules'
