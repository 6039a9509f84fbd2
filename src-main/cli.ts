import { runCli } from './cli/cli-kit';
import { attendanceExportCommand } from './cli/attendance-commands';
import { candidatesExportCommand, candidatesImportCommand } from './cli/candidate-commands';
import { certificatesLookupCommand } from './cli/certificate-commands';
import { declarationsListCommand, quotaCommand } from './cli/declaration-commands';
import { docsDeskCommand, docsDoorCommand, docsSigninCommand, docsTicketsCommand } from './cli/exam-doc-commands';
import { enrollDeleteCommand, enrollImportCommand, enrollListCommand } from './cli/enroll-commands';
import { backupCommand, demoCommand, initCommand, restoreCommand, serveCommand } from './cli/foundation-commands';
import { packageExportCommand, packageImportCommand, plansListCommand, platformKeyCommand } from './cli/package-commands';
import { paymentsCreateCommand, paymentsListCommand } from './cli/payment-commands';
import { photosImportCommand } from './cli/photo-commands';
import { resultsCheckCommand } from './cli/results-commands';
import { capacityCommand, roomsCopyCommand } from './cli/room-commands';
import { scheduleDraftCommand } from './cli/schedule-commands';
import { statsCommand } from './cli/stats-commands';
import { scoresListCommand } from './cli/score-commands';

/** `npm run cli -- <command>`: the app's services from a terminal, audited as actor `cli`. */
const commands = [
  serveCommand,
  initCommand,
  demoCommand,
  backupCommand,
  restoreCommand,
  plansListCommand,
  packageImportCommand,
  packageExportCommand,
  platformKeyCommand,
  candidatesImportCommand,
  candidatesExportCommand,
  photosImportCommand,
  declarationsListCommand,
  quotaCommand,
  roomsCopyCommand,
  capacityCommand,
  paymentsCreateCommand,
  paymentsListCommand,
  enrollImportCommand,
  enrollDeleteCommand,
  enrollListCommand,
  scheduleDraftCommand,
  attendanceExportCommand,
  docsSigninCommand,
  docsDeskCommand,
  docsDoorCommand,
  docsTicketsCommand,
  resultsCheckCommand,
  certificatesLookupCommand,
  statsCommand,
  scoresListCommand,
];

runCli(process.argv.slice(2), commands).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
