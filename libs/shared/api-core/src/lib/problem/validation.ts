import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@thuchoc/shared/contracts';
import { badRequest } from './problem.exception';
import { cacheValidationMetadata } from './validation-metadata-cache';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The one validation path at the boundary: whitelist, forbid unknown fields, transform. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      badRequest('request.invalid', 'The request has invalid fields.', flatten(errors)),
  });
}
