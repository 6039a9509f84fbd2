import { UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { AttendanceChange, FoundCandidate, Roster } from '../../../src-shared/api/attendance';
import { useApi } from '../../api/hooks';
import { ALERT_TYPE, TITLES, toneOf, type Shown } from './outcome';
import { beep } from './sound';
import { STATUS_COLORS } from './status-colors';
import './check-in.css';

export interface ScanPanelHandle {
  /** Looks up a text as if typed and Entered (a roster row's seat number). */
  lookup(text: string): void;
  /** While a dialog is open the field lets go of the focus; afterwards it takes it back. */
  hold(open: boolean): void;
}

const PHOTO_WIDTH = 188;
const PHOTO_HEIGHT = Math.round((PHOTO_WIDTH * 413) / 295);

/**
 * The check-in field and the candidate it found. A USB scanner types 30-odd characters in a few
 * tens of milliseconds, then Enter: the field is a plain uncontrolled input whose text is read
 * once, on Enter — nothing re-renders per key, so no key is lost or lands elsewhere — and the
 * field takes the focus back whenever it loses it. Enter on the empty field (or F2) confirms
 * 已到 for the candidate shown; F4 records 人证不符.
 */
export function ScanPanel({ ref, scheduleRoomId, canEdit }: { ref?: Ref<ScanPanelHandle>; scheduleRoomId: number; canEdit: boolean }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const held = useRef(false);
  const pressed = useRef(false);
  const pending = useRef<FoundCandidate | null>(null);
  const sequence = useRef(0);
  const [shown, setShown] = useState<Shown | null>(null);

  const show = useCallback((s: Shown) => {
    setShown(s);
    beep(toneOf(s.outcome));
  }, []);

  const lookup = useCallback(
    async (text: string) => {
      const n = ++sequence.current;
      pending.current = null;
      try {
        const r = await api.call('attendance.identify', { scheduleRoomId, text: text.slice(0, 64) });
        if (n !== sequence.current) return;
        pending.current = r.outcome === 'found' ? r.candidate : null;
        show(r);
      } catch (e) {
        if (n === sequence.current) show({ outcome: 'refused', message: (e as Error).message });
      }
    },
    [api, scheduleRoomId, show],
  );

  const act = useCallback(
    async (what: 'confirm' | 'mismatch') => {
      const candidate = pending.current;
      if (!candidate) return;
      pending.current = null;
      const n = ++sequence.current;
      try {
        const r: AttendanceChange =
          what === 'confirm'
            ? await api.call('attendance.confirm', { scheduleRoomId, seatId: candidate.seatId })
            : await api.call('attendance.flagMismatch', { scheduleRoomId, seatId: candidate.seatId });
        queryClient.setQueryData<Roster>(
          ['attendance.roster', { scheduleRoomId }],
          (old) => old && { ...old, room: { ...old.room, totals: r.totals }, rows: old.rows.map((row) => (row.seatId === r.row.seatId ? r.row : row)) },
        );
        if (n === sequence.current) show({ outcome: what === 'confirm' ? 'confirmed' : 'flagged', message: r.message, candidate: { ...candidate, ...r.row } });
      } catch (e) {
        if (n === sequence.current) show({ outcome: 'refused', message: (e as Error).message, candidate });
      }
      void queryClient.invalidateQueries({ queryKey: ['attendance.roster'] });
    },
    [api, queryClient, scheduleRoomId, show],
  );

  // Without preventScroll the page jumps back to the field; while a mouse button is held it waits
  // for the release, else a press on a roster row's 缺考 ends over another element and is no click.
  const refocus = useCallback(() => {
    if (held.current || pressed.current || document.activeElement === input.current) return;
    input.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const down = () => (pressed.current = true);
    // The click comes after pointerup in the same task: a dialog it opens holds the field first.
    const up = () => {
      pressed.current = false;
      setTimeout(refocus, 0);
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
    };
  }, [refocus]);

  useImperativeHandle(ref, () => ({
    lookup: (text) => void lookup(text),
    hold: (open) => {
      held.current = open;
      if (!open) setTimeout(refocus, 0);
    },
  }));

  // F2 and F4 wherever the focus is (it is nearly always in the field).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (held.current || (e.key !== 'F2' && e.key !== 'F4')) return;
      e.preventDefault();
      void act(e.key === 'F2' ? 'confirm' : 'mismatch');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const field = e.currentTarget;
    const text = field.value;
    field.value = '';
    if (text.trim()) void lookup(text);
    else void act('confirm');
  };

  const candidate = shown && 'candidate' in shown ? shown.candidate : undefined;
  const awaiting = shown?.outcome === 'found' && canEdit;
  return (
    <Card>
      <Row gutter={24}>
        <Col span={10}>
          <Typography.Text strong>
            <label htmlFor="check-in-field">扫描准考证二维码，或输入座位号、身份证号后四位，按回车</label>
          </Typography.Text>
          <input
            id="check-in-field"
            ref={input}
            className="check-in-field"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            onKeyDown={onKeyDown}
            onBlur={() => setTimeout(refocus, 0)}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 12px' }}>
            回车或 F2：确认已到 · F4：人证不符
          </Typography.Paragraph>
          {shown && (
            <Alert
              type={ALERT_TYPE[shown.outcome]}
              showIcon
              title={TITLES[shown.outcome]}
              description={shown.message}
              role="status"
              aria-live="polite"
              data-outcome={shown.outcome}
            />
          )}
        </Col>
        <Col span={14}>
          {candidate ? (
            <Flex gap={20} align="flex-start">
              {candidate.photo ? (
                <img src={candidate.photo.dataUrl} alt={`${candidate.name}的照片`} width={PHOTO_WIDTH} height={PHOTO_HEIGHT} style={{ objectFit: 'cover', borderRadius: 4 }} />
              ) : (
                <Flex
                  role="img"
                  aria-label={`${candidate.name}没有照片`}
                  align="center"
                  justify="center"
                  style={{
                    width: PHOTO_WIDTH,
                    height: PHOTO_HEIGHT,
                    background: 'var(--ant-color-fill-tertiary)',
                    borderRadius: 4,
                    fontSize: 48,
                    color: 'var(--ant-color-text-quaternary)',
                  }}
                >
                  <UserOutlined />
                </Flex>
              )}
              <div style={{ flex: 1 }}>
                <Typography.Title level={2} style={{ marginTop: 0 }} aria-label="考生姓名">
                  {candidate.name}
                </Typography.Title>
                <Descriptions column={1} size="small" styles={{ label: { width: 84 } }}>
                  <Descriptions.Item label="座位号">
                    <Typography.Text strong style={{ fontSize: 22 }}>
                      {candidate.seat}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label="准考证号">{candidate.ticketNumber}</Descriptions.Item>
                  <Descriptions.Item label="身份证号">{candidate.idNumber}</Descriptions.Item>
                  <Descriptions.Item label="考勤">
                    <Tag color={STATUS_COLORS[candidate.status]}>{candidate.statusLabel}</Tag>
                    {candidate.flags > 0 && <Tag color="orange">人证不符 {candidate.flags} 次</Tag>}
                  </Descriptions.Item>
                </Descriptions>
                {awaiting && (
                  <Space style={{ marginTop: 8 }}>
                    <Button type="primary" size="large" onClick={() => void act('confirm')}>
                      确认已到（回车 / F2）
                    </Button>
                    <Button danger size="large" onClick={() => void act('mismatch')}>
                      人证不符（F4）
                    </Button>
                  </Space>
                )}
              </div>
            </Flex>
          ) : (
            <Flex align="center" justify="center" style={{ height: PHOTO_HEIGHT }}>
              <Typography.Text type="secondary">扫描后，考生的照片、姓名、座位号和准考证号显示在这里，请核对本人。</Typography.Text>
            </Flex>
          )}
        </Col>
      </Row>
    </Card>
  );
}
