// Runs in: Vitest (Node), through electron-vite. The app's own build config for main and preload only
// (the renderer is not needed to check the Electron settings), so the checklist test can build them
// fresh into a temporary folder instead of trusting whatever is in the shared out/.
import config from '../../electron.vite.config'

const { main, preload } = config as { main: unknown; preload: unknown }
export default { main, preload }
