import { yearboardOps } from '../../../src-shared/api/yearboard';
import { handlersFor } from '../handler-kit';
import { yearBoard } from './yearboard-service';

export const yearboardHandlers = handlersFor(yearboardOps)({ 'yearboard.get': yearBoard });
