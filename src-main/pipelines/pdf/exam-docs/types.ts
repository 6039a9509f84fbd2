/**
 * What the exam-day documents are printed from: plain data, filled by the caller from the
 * schedule store (or a test). Nothing here is looked up, masked or checked against anything:
 * the renderers print what they are given, so every ID number must arrive masked already
 * (`maskIdNumber` with the store's `idMaskRule` setting).
 */

/** One sitting: a date and its start and end time, as the platform writes them. */
export interface ExamSession {
  /** 2026-06-20 */
  date: string;
  /** 08:30 */
  start: string;
  /** 10:00 */
  end: string;
}

/** One seat of a room in one session: a row of the sign-in sheet, a desk label. */
export interface ExamSeat {
  /** 座位号, from 1. */
  seatNumber: number;
  /** 学生姓名 */
  name: string;
  /** 身份证号码, masked by the caller (370285*****5910). */
  maskedIdNumber: string;
  /** 准考证号 (20600002253700400057). */
  ticketNumber: string;
  /** 所属院校 of the candidate (a 借考 site seats other schools' candidates too). */
  institutionName: string;
  /** The candidate's photo as stored (JPEG or PNG bytes); printed when the sheet asks for photos. */
  photo?: Uint8Array | null;
  /** After check-in: 已到, 缺考 or 违纪; printed in the signature column of a regenerated sheet. */
  attendance?: 'present' | 'absent' | 'irregular' | null;
  /** 违纪 note (what happened), printed under 违纪. */
  note?: string | null;
}

/**
 * One room in one session: what its sign-in sheet, desk labels and door sign need. Seats in
 * the order they are printed (序号 is the position in this list, 1-based).
 */
export interface ExamRoomSheet {
  /** 考核站点 */
  siteName: string;
  /** The site's address, printed on the door sign. */
  siteAddress: string;
  /** 所属院校 in the sheet's heading: the school that runs the site. */
  institutionName: string;
  /** 考场名称 (107室, 13号机房). */
  roomName: string;
  /** Where the room is within the site (实训楼 3 层), if the store knows it. */
  roomAddress?: string | null;
  /** 考试科目 */
  subjectName: string;
  /** 考试证书 */
  certificateName: string;
  /** 证书等级: 初级, 中级, 高级. */
  level: string;
  session: ExamSession;
  /** 监考老师 */
  invigilators: string[];
  /** 巡考老师 */
  patrolStaff: string[];
  /**
   * 应考/实考/缺考人数. 应考 defaults to the number of seats; 实考 and 缺考 stay blank (to be
   * written in by hand) until check-in gives them, for the sheet regenerated afterwards.
   */
  totals?: { expected?: number; present?: number | null; absent?: number | null } | null;
  seats: ExamSeat[];
}

/** One subject on a ticket: when and where the candidate sits it. */
export interface TicketSubject {
  subjectName: string;
  session: ExamSession;
  siteName: string;
  roomName: string;
  /** The room's full address, as a stranger to the campus finds it (山东省烟台市莱山区…实训楼 3 层 107室). */
  roomAddress: string;
  seatNumber: number;
}

/** One candidate's admission ticket (准考证). */
export interface AdmissionTicket {
  /** 准考证号 */
  ticketNumber: string;
  name: string;
  /** Masked by the caller, as everywhere on paper. */
  maskedIdNumber: string;
  photo?: Uint8Array | null;
  /** 所属院校 */
  institutionName: string;
  /** 考试证书 and 证书等级 */
  certificateName: string;
  level: string;
  /** The exam plan's name, printed under the title (物流管理职业技能等级证书 2026 年 6 月考核). */
  planName?: string | null;
  /** In the order printed: by date and time. */
  subjects: TicketSubject[];
  /** 考生须知, one rule an item (numbered when printed). */
  rules: string[];
  /** What the QR code holds: `ticketQrText` (src-main/core/tickets/check-code.ts). */
  qrText: string;
}

/** Plain data, or a stream of it: a whole plan's tickets need not sit in memory at once. */
export type DataSource<T> = Iterable<T> | AsyncIterable<T>;
