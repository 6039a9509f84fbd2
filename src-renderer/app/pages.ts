import { aboutPages } from '../workflows/about/pages';
import { attendancePages } from '../workflows/attendance/pages';
import { adminPages } from '../workflows/admin/pages';
import { candidatesPages } from '../workflows/candidates/pages';
import { catalogPages } from '../workflows/catalog/pages';
import { declarationPages } from '../workflows/declarations/pages';
import { enrollmentPages } from '../workflows/enrollments/pages';
import { homePages } from '../workflows/home/pages';
import { issuancePages } from '../workflows/issuance/pages';
import { paymentPages } from '../workflows/payments/pages';
import { resultPages } from '../workflows/results/pages';
import { schedulePages } from '../workflows/schedule/pages';
import { scorePages } from '../workflows/scores/pages';
import { sealPages } from '../workflows/seal/pages';
import { settingsPages } from '../workflows/settings/pages';
import { sitePages } from '../workflows/sites/pages';
import { statsPages } from '../workflows/stats/pages';
import { syncPages } from '../workflows/sync/pages';
import { mergePages, type PageEntry } from './page-types';

/**
 * Every page, once: one line per workflow; the router and (through context) the menu are built
 * from it. The order is the menu's within a group.
 */
export const PAGES: readonly PageEntry[] = mergePages({
  home: homePages,
  declarations: declarationPages,
  catalog: catalogPages,
  sites: sitePages,
  payments: paymentPages,
  enrollments: enrollmentPages,
  attendance: attendancePages,
  candidates: candidatesPages,
  schedule: schedulePages,
  scores: scorePages,
  results: resultPages,
  stats: statsPages,
  issuance: issuancePages,
  sync: syncPages,
  admin: adminPages,
  seal: sealPages,
  settings: settingsPages,
  about: aboutPages,
});
