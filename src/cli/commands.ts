/** The list of CLI commands. A command's `run` returns the exit code (-1: keep running, e.g. serve). */
import type { Config } from '../config/index.ts';
import { serveCommand } from './serve.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { calendarDueCommand } from './calendar-due.ts';
import { userAddCommand } from './user-add.ts';
import { userRoleCommand } from './user-role.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { importArticlesCommand } from '../modules/newsroom/cli-import.ts';
import { analyticsRollupCommand, analyticsCatalogueCommand } from '../modules/analytics/cli.ts';
import { statisticsRemindCommand } from '../modules/statistics/reports/cli.ts';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(args: string[], config: Config): Promise<number>;
}

export const commands: readonly Command[] = [serveCommand, migrateCommand, seedCommand, calendarDueCommand, userAddCommand, userRoleCommand, auditVerifyCommand, backupCommand, restoreCommand, importArticlesCommand, analyticsRollupCommand, analyticsCatalogueCommand, statisticsRemindCommand];
