import { runBench } from './harness';
import { storeCases } from './store-cases';

/** `npm run bench [-- filter]`: the speed and memory budgets of DESIGN.md §6, measured here. */
process.env.EXAMSITE_LOG ??= 'warn';
await runBench([...storeCases], process.argv[2]);
