import { paymentOps } from '../../../src-shared/api/payments';
import { handlersFor } from '../handler-kit';
import { listFees, updateFees } from './fees-service';
import { startCheck, startCommit, startPrint, templateFile } from './payment-files';
import { createOrder, deleteOrder, listOrders, listPaymentPlans, orderDetail, previewOrder } from './payments-service';

export const paymentHandlers = handlersFor(paymentOps)({
  'payments.list': (call, input) => listOrders(call.app.store, input.status),
  'payments.get': (call, input) => orderDetail(call.app.store, input.id),
  'payments.plans': (call) => listPaymentPlans(call.app.store),
  'payments.preview': (call, input) => previewOrder(call.app.store, input),
  'payments.create': createOrder,
  'payments.delete': (call, input) => deleteOrder(call, input.id),
  'payments.print': (call, input) => startPrint(call, input.id),
  'payments.template': templateFile,
  'payments.importPreview': startCheck,
  'payments.importCommit': startCommit,
  'fees.list': (call) => listFees(call.app.store),
  'fees.update': updateFees,
});
