/**
 * Operations commands on the compiled code:
 *   node dist/apps/cli/src/main.js migrate | revert | seed | check | generate <Name>
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ConfigError, createDataSource, loadConfig } from '@hotline/core';
import { CliModule } from './cli.module';
import { DemoSeedService, SeedReport } from './demo-seed.service';
import { generateMigration, pendingSchemaChanges } from './migrations';
import { ensureDatabase } from './ensure-database';
import { COMPOSITION } from '../../composition/src';

const REPO_ROOT = resolve(__dirname, '../../../..');

export function printLogins(report: SeedReport, url: string): string {
  const lines = [`\n  Tổng đài 0269.3888.222 is running: ${url}\n`, '  Logins (username / password / role):'];
  for (const l of report.logins)
    lines.push(`    ${l.username.padEnd(20)} ${l.password.padEnd(14)} ${l.role.padEnd(11)} ${l.note}`);
  if (report.demo === 'disabled') lines.push('  (demo data disabled: SEED_DEMO=false)');
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'migrate' || command === 'generate' || command === 'check') await ensureDatabase(config);
  const ds = createDataSource(config, COMPOSITION);
  await ds.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await ds.runMigrations({ transaction: 'each' });
        process.stdout.write(
          ran.length
            ? `Applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}\n`
            : 'Database is up to date\n',
        );
        break;
      }
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        process.stdout.write('Reverted the last migration\n');
        break;
      case 'check': {
        const { up } = await pendingSchemaChanges(ds);
        if (up.length) {
          process.stdout.write(`Entities and migrations disagree; pending:\n${up.join(';\n')}\n`);
          process.exitCode = 1;
        } else process.stdout.write('No pending schema changes\n');
        break;
      }
      case 'generate': {
        if (!arg) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
        await ds.runMigrations({ transaction: 'each' });
        const file = await generateMigration(ds, arg, REPO_ROOT);
        process.stdout.write(
          file ? `Wrote ${file} — read it before committing\n` : 'No schema changes: nothing generated\n',
        );
        break;
      }
      case 'seed': {
        await ds.destroy();
        const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
          logger: ['error', 'warn'],
        });
        try {
          const report = await app.get(DemoSeedService).run();
          if (process.env.SEED_REPORT_JSON) process.stdout.write(JSON.stringify(report) + '\n');
          else process.stdout.write(`Seed: admin ${report.adminCreated ? 'created' : 'exists'}, demo ${report.demo}\n`);
        } finally {
          await app.close();
        }
        return;
      }
      default:
        throw new Error(`unknown command "${command ?? ''}": use migrate, revert, check, seed or generate <Name>`);
    }
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
