// Every migration the app knows, oldest first. Adding one = one import and one line in the list below;
// migrate() checks that versions only ever increase.
import type { Migration } from './migration';
import { tillCore0010 } from './0010-till-core';
import { transferOutbox0030 } from './0030-transfers';
import { reportDenominations0040 } from './0040-report-denominations';
import { transferAnswers0050 } from './0050-transfer-answers';
import { attemptDetails0060 } from './0060-attempt-details';
import { movementReversals0070 } from './0070-movement-reversals';
import { voidsAndRefundLinks0080 } from './0080-voids-and-refund-links';
import { reportCorrections0090 } from './0090-report-corrections';
import { cashiers0100 } from './0100-cashiers';
import { openingCounts0110 } from './0110-opening-counts';
import { history0120 } from './0120-history';
import { groupsGiftCardsTips0130 } from './0130-groups-gift-cards-tips';
import { journal0140 } from './0140-journal';

export const MIGRATIONS: readonly Migration[] = [
  tillCore0010,
  transferOutbox0030,
  reportDenominations0040,
  transferAnswers0050,
  attemptDetails0060,
  movementReversals0070,
  voidsAndRefundLinks0080,
  reportCorrections0090,
  cashiers0100,
  openingCounts0110,
  history0120,
  groupsGiftCardsTips0130,
  journal0140,
];
