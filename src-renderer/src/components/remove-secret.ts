// Runs in: renderer. Removing a saved key or password, asked first, for SecretField and Settings → Security.
import { useDialog, useMessage } from 'naive-ui'
import { messageOf } from '../api'
import { useSecretsStore } from '../stores/secrets'

/** Call in a component's setup; the answer asks, removes, and reports in a toast. */
export function useRemoveSecret() {
  const secrets = useSecretsStore()
  const dialog = useDialog()
  const message = useMessage()
  return (name: string, label: string, removed?: () => void): void => {
    dialog.warning({
      title: `Remove ${label}?`,
      content: 'Sources that use it stop working until it is entered again.',
      positiveText: 'Remove',
      negativeText: 'Keep it',
      onPositiveClick: async () => {
        try {
          await secrets.remove(name)
          message.success(`Removed ${label}`)
          removed?.()
        } catch (e) {
          message.error(messageOf(e))
        }
      },
    })
  }
}
