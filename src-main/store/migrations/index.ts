import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-catalog-packages';
import * as m0003 from './0003-candidates';
import * as m0004 from './0004-candidate-list-indexes';
import * as m0005 from './0005-enrollments';
import * as m0006 from './0006-candidate-initials';
import * as m0007 from './0007-declarations-sites-rooms';
import * as m0008 from './0008-audit-subjects';
import * as m0009 from './0009-password-change';
import * as m0010 from './0010-payment-orders';
import * as m0011 from './0011-enrollment-details';
import * as m0012 from './0012-schedule';
import * as m0013 from './0013-attendance';
import * as m0014 from './0014-scores';
import * as m0015 from './0015-results';
import * as m0016 from './0016-issuance';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Listed statically so bundling keeps them; versions are consecutive from 1. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'catalog-packages', up: m0002.up },
  { version: 3, name: 'candidates', up: m0003.up },
  { version: 4, name: 'candidate-list-indexes', up: m0004.up },
  { version: 5, name: 'enrollments', up: m0005.up },
  { version: 6, name: 'candidate-initials', up: m0006.up },
  { version: 7, name: 'declarations-sites-rooms', up: m0007.up },
  { version: 8, name: 'audit-subjects', up: m0008.up },
  { version: 9, name: 'password-change', up: m0009.up },
  { version: 10, name: 'payment-orders', up: m0010.up },
  { version: 11, name: 'enrollment-details', up: m0011.up },
  { version: 12, name: 'schedule', up: m0012.up },
  { version: 13, name: 'attendance', up: m0013.up },
  { version: 14, name: 'scores', up: m0014.up },
  { version: 15, name: 'results', up: m0015.up },
  { version: 16, name: 'issuance', up: m0016.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
