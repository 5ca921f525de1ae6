import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { DataSource } from 'typeorm';

/** The SQL that would bring the database in line with the entities (empty when migrations and entities agree). */
export async function pendingSchemaChanges(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  return { up: log.upQueries.map((q) => q.query), down: log.downQueries.map((q) => q.query).reverse() };
}

/**
 * Writes apps/composition/src/migrations/<timestamp>-<name>.ts from the schema diff and registers it in index.ts.
 * The file must be read by a human before it is committed.
 */
export async function generateMigration(ds: DataSource, name: string, repoRoot: string): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('migration name must be PascalCase, e.g. AddCallbacks');
  const { up, down } = await pendingSchemaChanges(ds);
  if (!up.length) return null;
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const dir = join(repoRoot, 'apps/composition/src/migrations');
  const file = `${timestamp}-${name}`;
  const q = (sql: string) => `    await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`;
  writeFileSync(
    join(dir, `${file}.ts`),
    [
      "import type { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      '',
      '  public async up(queryRunner: QueryRunner): Promise<void> {',
      ...up.map(q),
      '  }',
      '',
      '  public async down(queryRunner: QueryRunner): Promise<void> {',
      ...down.map(q),
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const indexPath = join(dir, 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(\n\nexport const MIGRATIONS)/, `\nimport { ${className} } from './${file}';$1`)
    .replace(/\n(\s*)\/\/ -- end --/, `\n$1${className},\n$1// -- end --`);
  writeFileSync(indexPath, index);
  // The tree is Prettier-formatted (npm test checks it): the new file and the index are, too.
  execFileSync('npx', ['prettier', '--write', join(dir, `${file}.ts`), indexPath], { cwd: repoRoot, stdio: 'ignore' });
  return join(dir, `${file}.ts`);
}
