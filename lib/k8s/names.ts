// Kubernetes object names as the API server accepts them, for every argument a browser sends. Pure.
import { z } from 'zod';

const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 label: namespaces, most names (≤ 63). */
export const dnsLabelName = z
  .string()
  .min(1, 'validation.name.required')
  .max(63, 'validation.name.max')
  .regex(label, 'validation.name.format');

/** RFC 1123 subdomain: names of most other kinds (≤ 253, dot-separated labels). */
export const dnsSubdomainName = z
  .string()
  .min(1, 'validation.name.required')
  .max(253, 'validation.name.max')
  .refine((v) => v.split('.').every((p) => label.test(p)), 'validation.name.format');

export const namespaceName = dnsLabelName;
