import { runJobWorker } from '../../jobs/worker';
import { JOBS } from './jobs';

/** The module a job worker thread runs: the app's registry handed to the runner's worker body. */
void runJobWorker(JOBS);
