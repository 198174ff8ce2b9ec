// Whole-number form fields: a draft holds strings, and an emptied field is "enter a value", never 0.
import { z } from 'zod';

export function wholeNumber(build: (n: z.ZodNumber) => z.ZodNumber) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    build(z.number()),
  );
}
