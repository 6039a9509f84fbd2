import { enrollmentOps } from '../../../src-shared/api/enrollments';
import { institutionDate } from '../../../src-shared/domain/institution-time';
import { handlersFor } from '../handler-kit';
import { enrollPlans, enrollSelection, previewEnroll } from './enroll-service';
import { enrollTemplateFile, startEnrollCheck, startEnrollCommit, startEnrollmentExport } from './enrollment-files';
import { enrollmentFacets, enrollmentSummary, listEnrollments } from './enrollment-list';

export const enrollmentHandlers = handlersFor(enrollmentOps)({
  'enrollments.list': (call, input) => listEnrollments(call.app.store, input),
  'enrollments.summary': (call, input) => enrollmentSummary(call.app.store, input),
  'enrollments.facets': (call) => enrollmentFacets(call.app.store),
  'enrollments.plans': (call) => enrollPlans(call.app.store, institutionDate(call.app.now())),
  'enrollments.preview': previewEnroll,
  'enrollments.enroll': enrollSelection,
  'enrollments.template': (call, input) => enrollTemplateFile(call, input.sheet),
  'enrollments.importPreview': startEnrollCheck,
  'enrollments.importCommit': startEnrollCommit,
  'enrollments.export': startEnrollmentExport,
});
