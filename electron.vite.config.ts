// Build config for all three bundles: main (Node), preload (sandboxed, CommonJS) and renderer (browser).
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/app/index.ts'),
          // Its own entry: the analysis pool starts it as a worker thread (out/main/analysis-worker.js).
          'analysis-worker': resolve(__dirname, 'src-main/analysis/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'src-renderer',
    resolve: {
      alias: { '@contract': resolve(__dirname, 'src-main/contract/index.ts') },
    },
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
      chunkSizeWarningLimit: 1500,
    },
  },
})
