import { z } from 'zod';
import { CERT_LEVELS } from './catalog';
import type { KindDef } from './package';
import { FEE_LIMITS, PAYMENT_BASES, PAYMENT_ORDER_NUMBER } from './payment';

const text = (max: number) => z.string().max(max);
const orderNo = z.string().regex(PAYMENT_ORDER_NUMBER);
const fen = z.number().int().min(0).max(1e13);

/** 缴费申请单 as the institution sends them: every order not yet confirmed, with its lines. */
export const paymentOrdersPayload = z
  .object({
    orders: z
      .array(
        z
          .object({
            orderNo,
            planCode: text(40),
            planName: text(200),
            orgCode: text(40),
            basis: z.enum(PAYMENT_BASES),
            lineCount: z.number().int().min(1).max(100_000),
            amountFen: fen,
            createdAt: z.iso.datetime({ offset: true }),
            lines: z
              .array(
                z
                  .object({
                    idNumber: z.string().regex(/^\d{17}[\dX]$/),
                    name: text(60),
                    certificateCode: text(40),
                    certificateName: text(200),
                    level: z.enum(CERT_LEVELS),
                    /** Null for a line by certificate. */
                    subjectCode: text(40).nullable(),
                    subjectName: text(200).nullable(),
                    feeFen: z.number().int().min(FEE_LIMITS.minFen).max(FEE_LIMITS.maxFen),
                  })
                  .strict(),
              )
              .min(1)
              .max(100_000),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

/** The organisation confirms it received an order's amount: the order becomes 已确认缴费 and its enrollments paid. */
export const paymentConfirmationSchema = z
  .object({
    orderNo,
    /** What was received: must be the order's amount. */
    amountFen: fen,
    confirmedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export const paymentConfirmationsPayload = z.object({ confirmations: z.array(paymentConfirmationSchema).max(1000) }).strict();

export type PaymentOrdersPayload = z.infer<typeof paymentOrdersPayload>;
export type PaymentConfirmation = z.infer<typeof paymentConfirmationSchema>;

export const paymentKinds = {
  'payment-orders': { label: '缴费申请单', direction: 'out', file: 'payload/payment-orders.json', payload: paymentOrdersPayload },
  'payment-confirmations': { label: '缴费确认结果', direction: 'in', file: 'payload/payment-confirmations.json', payload: paymentConfirmationsPayload },
} as const satisfies Record<string, KindDef>;
