import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function first(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const msg = Object.values(e.constraints)[0];
      return {
        field,
        message: msg.startsWith(e.property) ? `${field}${msg.slice(e.property.length)}` : `${field}: ${msg}`,
      };
    }
    const nested = first(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Invalid input → 400 whose message and `field` name the offending field; unknown fields are rejected. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const f = first(errors) ?? { field: 'body', message: 'invalid input' };
    return new BadRequestException({ error: { code: 'VALIDATION_FAILED', message: f.message, field: f.field } });
  },
});
