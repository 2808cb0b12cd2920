import type { TSchema } from '@sinclair/typebox';

/** The schemas of this area that are published on their own. */
export const shippingSchemas: TSchema[] = [];
