import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js (docs/decisions/0019), run on scratch sources placed in each
// layer: a wrong import is reported, a right one is not. Only the boundary rules run, without type
// information, so the scratch files need not exist.
const BOUNDARY_RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
});

async function reports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const wrong: readonly [layer: string, filePath: string, code: string][] = [
  ['contract → domain', 'src/contract/scratch.ts', "import type { Contact } from '../domain/contact/contact';"],
  ['contract → edge', 'src/contract/scratch.ts', "import { csvLine } from '../edge/csv';"],
  ['contract → kysely', 'src/contract/scratch.ts', "import { sql } from 'kysely';"],
  ['domain → contract value', 'src/domain/contact/scratch.ts', "import { DOCUMENT_TYPES } from '../../contract/common';"],
  ['domain → storage', 'src/domain/contact/scratch.ts', "import { openDatabase } from '../../storage/open-database';"],
  ['domain → http', 'src/domain/contact/scratch.ts', "import { buildServer } from '../../http/build-server';"],
  ['domain → cli', 'src/domain/contact/scratch.ts', "import { run } from '../../cli/context';"],
  ['domain → app', 'src/domain/contact/scratch.ts', "import { loadConfig } from '../../app/config';"],
  ['domain → fastify', 'src/domain/contact/scratch.ts', "import Fastify from 'fastify';"],
  ['domain → kysely', 'src/domain/contact/scratch.ts', "import { sql } from 'kysely';"],
  ['domain → node:fs', 'src/domain/contact/scratch.ts', "import { readFileSync } from 'node:fs';"],
  ['domain → process.env', 'src/domain/contact/scratch.ts', 'export const url = process.env.RAPPORT_DATABASE_URL;'],
  ['storage → http', 'src/storage/kysely/scratch.ts', "import { problem } from '../../http/route';"],
  ['storage → cli', 'src/storage/kysely/scratch.ts', "import { run } from '../../cli/context';"],
  ['http → storage', 'src/http/routes/scratch.ts', "import { openDatabase } from '../../storage/open-database';"],
  ['http → kysely', 'src/http/routes/scratch.ts', "import { sql } from 'kysely';"],
  ['cli → http', 'src/cli/commands/scratch.ts', "import { buildServer } from '../../http/build-server';"],
  ['cli → storage', 'src/cli/commands/scratch.ts', "import { openDatabase } from '../../storage/open-database';"],
  ['web → domain', 'web/src/pages/scratch.ts', "import { refusal } from '../../../src/domain/segment/log-checks';"],
  ['web → edge', 'web/src/pages/scratch.ts', "import { csvLine } from '../../../src/edge/csv';"],
];

const right: readonly [layer: string, filePath: string, code: string][] = [
  ['contract → contract', 'src/contract/scratch.ts', "import { z } from 'zod';\nimport { code } from './common';"],
  [
    'domain → contract type',
    'src/domain/contact/scratch.ts',
    "import type { DocumentType } from '../../contract/common';\nimport { DomainError } from '../shared/errors';",
  ],
  [
    'http → edge and domain',
    'src/http/routes/scratch.ts',
    "import { problem } from '../../edge/problem';\nimport { notFound } from '../../domain/shared/errors';",
  ],
  [
    'cli → edge and app',
    'src/cli/commands/scratch.ts',
    "import { csvChunks } from '../../edge/csv';\nimport { createApp } from '../../app/create-app';",
  ],
  ['web → contract', 'web/src/pages/scratch.ts', "import { DOCUMENT_TYPES } from '../../../src/contract/common';"],
];

describe('import boundaries', () => {
  it.each(wrong)('reports %s', async (_layer, filePath, code) => {
    const found = await reports(filePath, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^(no-restricted-imports|@typescript-eslint\/no-restricted-imports|no-restricted-syntax): /);
  });

  it.each(right)('accepts %s', async (_layer, filePath, code) => {
    expect(await reports(filePath, code)).toEqual([]);
  });
});
