import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { buildMessage, isISO8601, ValidateBy } from 'class-validator';

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

// a calendar date, or a date and time with its offset; ISO week and ordinal forms are not dates people send
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `2026-02-30` is refused, not read as 2 March (as `new Date` would). */
export function isCalendarDate(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    ISO_DATE.test(value) &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A date (`2026-01-31`) or a date-time with offset (`2026-01-31T12:00:00Z`) that exists in the calendar. */
export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: isCalendarDate,
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a real date like 2026-01-31`),
    },
  });
