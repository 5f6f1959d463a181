#!/usr/bin/env node
// Runs in: CLI (Node). `npx footprint …` straight after `npm install`: tsx compiles the TypeScript CLI
// on the fly, so the CLI never runs a stale build.
require('tsx/cjs/api').register()
require('../src-main/cli/main.ts')
