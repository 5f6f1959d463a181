// Runs in: renderer. One user action at a time: a busy flag for the button, the service's own sentence
// on failure, a short confirmation on success. Screens with several buttons share it.
import { ref } from 'vue'
import { useMessage } from 'naive-ui'
import { messageOf } from '../api'

export function useAction() {
  const busy = ref(false)
  const message = useMessage()

  async function run(what: () => Promise<unknown>, done: string): Promise<void> {
    busy.value = true
    try {
      await what()
      message.success(done)
    } catch (e) {
      message.error(messageOf(e))
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
