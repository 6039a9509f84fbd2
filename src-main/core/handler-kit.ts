import type { OpsMap, OutputOf, ParsedInputOf } from '../../src-shared/api/contract';
import type { CallContext } from './call-context';

export type HandlerOf<D> = (call: CallContext, input: ParsedInputOf<D>) => OutputOf<D> | Promise<OutputOf<D>>;
export type HandlersOf<Ops> = { [K in keyof Ops]: HandlerOf<Ops[K]> };

/**
 * A workflow's handlers, typed from its contract: a missing operation, an extra one or a wrong
 * output type fails the typecheck. `handlersFor(candidateOps)({ … })`.
 */
export function handlersFor<Ops extends OpsMap>(_ops: Ops): (handlers: HandlersOf<Ops>) => HandlersOf<Ops> {
  return (handlers) => handlers;
}
