import { createZodDto } from 'nestjs-zod';
import {
  certificateCodeParamSchema,
  certificateSchema,
  certificatesSchema,
  certificateVerificationSchema,
  courseProgressSchema,
  enrolmentSchema,
  enrolSchema,
  eventBatchResultSchema,
  eventBatchSchema,
  journalSchema,
  myLearningSchema,
  myQuizAttemptsQuerySchema,
  myQuizAttemptsSchema,
  updateCertificateSchema,
} from '@dari/contracts';

export class EnrolDto extends createZodDto(enrolSchema) {}
export class EnrolmentDto extends createZodDto(enrolmentSchema) {}
export class MyLearningDto extends createZodDto(myLearningSchema) {}
export class CourseProgressDto extends createZodDto(courseProgressSchema) {}
export class EventBatchDto extends createZodDto(eventBatchSchema) {}
export class EventBatchResultDto extends createZodDto(eventBatchResultSchema) {}
export class JournalDto extends createZodDto(journalSchema) {}
export class MyQuizAttemptsQueryDto extends createZodDto(myQuizAttemptsQuerySchema) {}
export class MyQuizAttemptsDto extends createZodDto(myQuizAttemptsSchema) {}
export class CertificateDto extends createZodDto(certificateSchema) {}
export class CertificatesDto extends createZodDto(certificatesSchema) {}
export class UpdateCertificateDto extends createZodDto(updateCertificateSchema) {}
export class CertificateVerificationDto extends createZodDto(certificateVerificationSchema) {}
export class CertificateCodeParamDto extends createZodDto(certificateCodeParamSchema) {}
