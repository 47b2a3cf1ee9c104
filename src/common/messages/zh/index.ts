import type { MessageKey } from '../en';
import { commonZh } from './common';
import { legacyZh } from './legacy';
import { findingsZh } from './findings';
import { inspectionsZh } from './inspections';
import { officersZh } from './officers';

/** The Chinese catalogue (the default language): the same keys as ../en, each area in its file. */
export const zh: Record<MessageKey, string> = {
  ...commonZh,
  ...legacyZh,
  ...officersZh,
  ...inspectionsZh,
  ...findingsZh,
};
