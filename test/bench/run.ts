import { auditCases } from './audit-cases';
import { runBench } from './harness';
import { candidateCases } from './candidate-cases';
import { enrollCases } from './enroll-cases';
import { examDocCases } from './exam-doc-cases';
import { listCases } from './list-cases';
import { closeListApp, listPaintCases } from './list-paint-cases';
import { photoCases } from './photo-cases';
import { seatingCases } from './seating-cases';
import { closeStartState, startCases } from './start-cases';
import { storeCases } from './store-cases';
import { yearEndCases } from './year-end-cases';

/** `npm run bench [-- filter]`: the speed and memory budgets of DESIGN.md §6, measured here. */
process.env.EXAMSITE_LOG ??= 'warn';
try {
  await runBench(
    [
      ...storeCases,
      ...auditCases,
      ...startCases,
      ...candidateCases,
      ...enrollCases,
      ...listCases,
      ...listPaintCases,
      ...photoCases,
      ...seatingCases,
      ...examDocCases,
      ...yearEndCases,
    ],
    process.argv[2],
  );
} finally {
  await closeListApp();
  await closeStartState();
}
