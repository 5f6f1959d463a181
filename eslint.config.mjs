// Lint rules for every process. The renderer is fenced off: it reaches main only through the contract
// (src-main/contract, runtime allowed: it is pure zod) and the preload bridge's type.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
]

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'coverage/**',
      'bin/**',
      'scripts/.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'vue/no-v-html': 'error',
      'vue/no-v-text-v-html-on-component': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        sourceType: 'module',
      },
      globals: { ...globals.browser },
    },
    rules: {
      'vue/multi-word-component-names': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...NODE_BUILTINS.flatMap((m) => [
              {
                name: m,
                message: 'The renderer must not use Node: ask main through the API module.',
              },
              {
                name: `node:${m}`,
                message: 'The renderer must not use Node: ask main through the API module.',
              },
            ]),
            {
              name: 'electron',
              message: 'The renderer must not import Electron: use the API module.',
            },
            {
              name: 'better-sqlite3',
              message: 'The renderer never touches the database: use the API module.',
            },
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+src-main/(?!contract(/|$)|preload/bridge$)',
              message:
                'Main-process code does not run in the renderer: call it through the contract.',
            },
            {
              regex: '^(\\.\\./)+src-main/preload/bridge$',
              allowTypeImports: true,
              message: 'Only the bridge TYPE may be imported by the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract runs in both processes: zod only.
    files: ['src-main/contract/**/*.ts', 'src-main/preload/bridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(node:|electron$|better-sqlite3$|\\.\\./(store|services|server|app|cli|core|sources|analysis|matching))',
              message: 'Common code may import only zod and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
