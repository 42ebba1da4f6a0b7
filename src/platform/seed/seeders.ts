/** Each module's demo content, in dependency order. */
import type { DemoSeeder } from './demo.ts';
import { portalDemo } from '../../modules/portal/demo.ts';
import { newsroomDemo } from '../../modules/newsroom/demo.ts';
import { statisticsDemo } from '../../modules/statistics/demo.ts';
import { statisticsReportsDemo } from '../../modules/statistics/reports/demo.ts';
import { eservicesDemo } from '../../modules/eservices/demo.ts';
import { licencesDemo } from '../../modules/eservices/results/demo.ts';

export const demoSeeders: readonly DemoSeeder[] = [portalDemo, statisticsDemo, statisticsReportsDemo, eservicesDemo, licencesDemo, newsroomDemo];
