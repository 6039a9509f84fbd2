import { useSearchParams } from 'react-router';
import { CANDIDATE_KINDS, type CandidateKind } from '../../../src-shared/domain/candidate';

/** The candidate kind a page shows, kept in the address (`?kind=social`) so links and reloads keep it. */
export function useKindParam(): [CandidateKind, (kind: CandidateKind) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('kind');
  const kind: CandidateKind = (CANDIDATE_KINDS as readonly string[]).includes(raw ?? '') ? (raw as CandidateKind) : 'school';
  return [kind, (next) => setParams(next === 'school' ? {} : { kind: next }, { replace: true })];
}

/** `?kind=social` for links to another candidate page; nothing for the default kind. */
export const kindQuery = (kind: CandidateKind) => (kind === 'social' ? '?kind=social' : '');
