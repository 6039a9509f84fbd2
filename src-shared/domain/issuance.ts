/** 证书发放 (the manual's 3.2): where each record stands, and the decision the institution takes on it, once. */
export const ISSUANCE_STATUSES = ['waiting', 'confirmed', 'refused'] as const;
export type IssuanceStatus = (typeof ISSUANCE_STATUSES)[number];

export const ISSUANCE_STATUS_LABELS: Record<IssuanceStatus, string> = {
  waiting: '待签发',
  confirmed: '已确认签发',
  refused: '不予签发',
};

export const ISSUANCE_DECISIONS = ['confirmed', 'refused'] as const;
export type IssuanceDecision = (typeof ISSUANCE_DECISIONS)[number];

export const ISSUANCE_DECISION_LABELS: Record<IssuanceDecision, string> = { confirmed: '确认签发', refused: '不予签发' };

export const MAX_REFUSAL_REASON = 200;
/** One sitting's decisions at most: a whole plan of a large school. */
export const MAX_DECISIONS_AT_ONCE = 10_000;

/** What the confirmation dialog and the page say before a decision is taken. */
export const IRREVERSIBLE_NOTICE = '审核人在线签名并确认签发后，即证明已确认发证记录和成绩准确无误。一旦完成操作，不可撤回。';
