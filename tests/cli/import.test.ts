import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cliDatabase, runCli } from '../support/cli';

describe('rapport import contacts', () => {
  const databaseUrl = cliDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
  const contacts = () => {
    const db = new SQLite(databaseUrl.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare('select no, name, company_no as companyNo from contacts order by no').all() as {
        no: string;
        name: string;
        companyNo: string | null;
      }[];
    } finally {
      db.close();
    }
  };

  it('imports a file and prints what it imported, with no progress bar outside a terminal', async () => {
    const path = file('good.csv', ['no,name,type,companyNo', 'CLI-CO,Northwind,,', ',Nancy Davolio,person,CLI-CO']);
    const res = await runCli(['import', 'contacts', path], { databaseUrl });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('imported: 2\nskipped: 0\n');
    expect(res.stderr).toBe('');
    expect(contacts()).toEqual([
      { no: 'CLI-CO', name: 'Northwind', companyNo: 'CLI-CO' },
      { no: 'CT000001', name: 'Nancy Davolio', companyNo: 'CLI-CO' },
    ]);
  });

  it('reads standard input for - and prints the API body with --json', async () => {
    const res = await runCli(['import', 'contacts', '-', '--json'], { databaseUrl, input: 'name,city\nFrom stdin,Lisbon\n' });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ imported: 1, skipped: 0, errors: [] });
    expect(contacts().map((c) => c.name)).toContain('From stdin');
  });

  it('imports nothing and exits 2 when a row is invalid without --skip-invalid', async () => {
    const before = contacts();
    const path = file('bad.csv', ['name,email', 'Fine,fine@example.com', 'Broken,not-an-address', ',']);
    const res = await runCli(['import', 'contacts', path], { databaseUrl });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('error validation_failed');
    expect(res.stderr).toContain('lines.3.email: must be an e-mail address');
    expect(res.stderr).toContain('lines.4.name: is required');
    expect(contacts()).toEqual(before);
  });

  it('prints the problem on standard output with --json when rows are invalid', async () => {
    const path = file('bad-json.csv', ['name,email', 'Fine,fine@example.com', 'Broken,not-an-address', ',']);
    const json = await runCli(['import', 'contacts', path, '--json'], { databaseUrl });
    expect(json.code).toBe(2);
    const problem = JSON.parse(json.stdout);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['lines.3.email', 'lines.4.name']);
  });

  it('imports the valid rows with --skip-invalid and prints each row error', async () => {
    const path = file('mixed.csv', ['name,email', 'Kept,kept@example.com', 'Broken,not-an-address', ',']);
    const res = await runCli(['import', 'contacts', path, '--skip-invalid'], { databaseUrl });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('imported: 1\nskipped: 2\nline 3: email: must be an e-mail address\nline 4: name: is required\n');
    expect(contacts().map((c) => c.name)).toContain('Kept');
  });

  it('exits 2 for a file that cannot be read', async () => {
    const res = await runCli(['import', 'contacts', join(dir, 'missing.csv')], { databaseUrl });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('error validation_failed');
  });
});
