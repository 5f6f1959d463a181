import { defineConfig } from 'vitest/config'
import { resolve } from 'node:path'

// Unit and integration tests: Node only, never the network (fixture servers bind 127.0.0.1).
export default defineConfig({
  resolve: {
    alias: { '@contract': resolve(__dirname, 'src-main/contract/index.ts') },
  },
  test: {
    include: ['test/**/*.test.ts', 'src-main/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
})
