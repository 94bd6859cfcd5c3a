/* global process, URL */
// Loaded into a child process with `--import` (through NODE_OPTIONS) by tests/runtime: records the
// URL of every module the process's ES module loader loads, one a line, into the file named by
// RECORD_MODULES_FILE. It observes only; the application never reads it.
import { register } from 'node:module';

register(new URL('./record-modules-hooks.mjs', import.meta.url), { data: { file: process.env.RECORD_MODULES_FILE } });
