#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx: no build step after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
